/**
 * A unit's position in plain words (issue 14), written from the numbers alone — no language
 * model: which rank of how many, the two indicators that explain most of its score, and how the
 * rank held up when the assumptions varied (the Monte Carlo summary of ./uncertainty.ts).
 *
 * Returns sentence codes (TextCode, keys under `stability.explain.`, src/i18n/stability.*.ts)
 * that the UI renders with renderText and joins with a space into one paragraph, e.g.:
 *   «Ocupa el puesto 3 de 13 en La Libertad, principalmente por pobreza monetaria (34 % del
 *   puntaje) y establecimientos sin electricidad (21 %).» «En el 87 % de las 1000 variaciones de
 *   los supuestos sigue entre los 5 primeros; su puesto va del 2 al 6 (percentiles 5–95), una
 *   posición estable.» «Supuestos variados: pesos.» «Cada peso varió hasta ±25 %.»
 */
import type { TextCode } from '../textCode';
import type { IndicatorLabel } from './diagnostics';

export interface ExplainStability {
  draws: number;
  topN: number;
  /** Share of the draws in which the unit was in the top N (0–1). */
  pTopN: number;
  /** 5th and 95th percentiles and median of the unit's rank over the draws (0 = never ranked). */
  p05: number;
  p95: number;
  median: number;
  /**
   * The assumptions that varied: 'weights' (or 'weight', one weight at a time), 'normalisation',
   * 'aggregation', 'winsorisation', 'universe', 'zeros', 'outliers', 'dates'. Another name is shown as given.
   */
  factors: string[];
  /** How the weights varied, when they did: each one ×(1 ± noise) or a Dirichlet draw. */
  weightMode?: 'uniform' | 'dirichlet';
  /** ±share of each weight for the uniform mode (0.25 = ±25 %). */
  weightNoise?: number;
}

export interface ExplainInput {
  /** The unit's code; it identifies the unit and is not part of the text. */
  ubigeo: string;
  /** 1 = first; 0 = not ranked (insufficient data). */
  rank: number;
  /** How many units are ranked in the scope. */
  ranked: number;
  /** Where it is ranked: a place name, or a text code without params (e.g. { key: 'breadcrumb.peru' }). */
  scopeName: string | TextCode;
  /** The unit's score split by indicator (ScoreResult.contributionsOf), in points. */
  contributions: { id: string; points: number }[];
  /** The Monte Carlo summary for this unit; absent while it has not been computed. */
  stability?: ExplainStability;
  /** A band is stable when p95 − p05 is at most this many positions (uncertainty.ts stableWidth). */
  stableWidth: number;
  /** Name of an indicator (default: its id). The UI passes `indicatorById(id).label[lng]`. */
  labelOf?: IndicatorLabel;
}

/** The assumption names the text knows (keys `stability.explain.factor.<name>`). */
export const EXPLAIN_FACTORS = ['weights', 'normalisation', 'aggregation', 'winsorisation', 'universe', 'zeros', 'outliers', 'dates'] as const;

/** Whether a 5–95 band counts as stable: it spans at most `width` positions beyond its first (p95 − p05 ≤ width). */
export function isStableBand(p05: number, p95: number, width: number): boolean {
  return p05 > 0 && p95 >= p05 && p95 - p05 <= width;
}

/** A share (0–1) as a whole percentage that never rounds a part to none or to all. */
function percent(share: number): number {
  if (!(share > 0)) return 0;
  if (share >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(share * 100)));
}

type Param = string | number | { key: string };

function rankSentence(input: ExplainInput, scope: Param, label: IndicatorLabel): TextCode {
  const drivers = input.contributions
    .map((c, order) => ({ ...c, order }))
    .filter((c) => Number.isFinite(c.points) && c.points > 0)
    // Largest first; equal points keep the given order, so the text is deterministic.
    .sort((a, b) => b.points - a.points || a.order - b.order);
  const total = drivers.reduce((s, c) => s + c.points, 0);
  const form = input.ranked <= 1 ? 'only' : input.rank === 1 ? 'first' : 'rank';
  const params: Record<string, Param> = { scope, rank: input.rank, total: input.ranked };
  if (drivers.length === 0) return { key: `stability.explain.${form}.none`, params };
  params.a = label(drivers[0].id);
  if (drivers.length === 1) return { key: `stability.explain.${form}.one`, params };
  params.aShare = percent(drivers[0].points / total);
  params.b = label(drivers[1].id);
  params.bShare = percent(drivers[1].points / total);
  return { key: `stability.explain.${form}.two`, params };
}

function stabilitySentences(input: ExplainInput, s: ExplainStability): TextCode[] {
  const out: TextCode[] = [];
  if (!(s.p05 > 0)) {
    out.push({ key: 'stability.explain.neverRanked', params: { draws: s.draws } });
  } else {
    const verdict = { key: isStableBand(s.p05, s.p95, input.stableWidth) ? 'stability.stable' : 'stability.unstable' };
    const same = s.p95 === s.p05;
    const pct = percent(s.pTopN);
    const band = { draws: s.draws, p05: s.p05, p95: s.p95, verdict };
    if (input.rank <= s.topN) {
      // `count` (top N) picks the plural form: «sigue en el primer puesto» / «entre los 5 primeros».
      out.push({ key: same ? 'stability.explain.topSame' : 'stability.explain.top', params: { ...band, count: s.topN, pct } });
    } else {
      out.push({ key: same ? 'stability.explain.bandSame' : 'stability.explain.band', params: band });
      if (pct > 0) out.push({ key: 'stability.explain.reach', params: { count: s.topN, pct } });
    }
  }
  const factors = [...new Set(s.factors.map((f) => (f === 'weight' ? 'weights' : f)))];
  if (factors.length > 0) {
    const known = new Set<string>(EXPLAIN_FACTORS);
    const params: Record<string, Param> = {};
    factors.forEach((f, i) => {
      params[`f${i + 1}`] = known.has(f) ? { key: `stability.explain.factor.${f}` } : f;
    });
    // One key per list length (up to the seven known factors); a longer list names the first seven.
    const shown = Math.min(factors.length, EXPLAIN_FACTORS.length);
    out.push({ key: `stability.explain.varied.n${shown}`, params });
  }
  if (factors.includes('weights')) {
    if (s.weightMode === 'dirichlet') out.push({ key: 'stability.explain.weightDirichlet' });
    else if (s.weightNoise !== undefined && s.weightNoise > 0) {
      out.push({ key: 'stability.explain.weightNoise', params: { noise: Math.round(s.weightNoise * 100) } });
    }
  }
  return out;
}

/** The paragraph for one unit, as sentence codes in reading order. */
export function explainUnit(input: ExplainInput): TextCode[] {
  const scope: Param = typeof input.scopeName === 'string' ? input.scopeName : { key: input.scopeName.key };
  const label: IndicatorLabel = input.labelOf ?? ((id) => id);
  if (!(input.rank > 0)) return [{ key: 'stability.explain.notRanked', params: { scope } }];
  const out = [rankSentence(input, scope, label)];
  if (!input.stability) out.push({ key: 'stability.explain.pending' });
  else out.push(...stabilitySentences(input, input.stability));
  return out;
}
