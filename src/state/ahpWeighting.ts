/**
 * Weights from a group's pairwise comparisons (issue 20), as part of the scenario: which
 * indicators are compared, each participant's judgements (named by a role or an alias only), the
 * weighting method and how the group is formed. Pure: the updaters turn it into the indicators'
 * weights, so the ranking, undo, the codec and every export see ordinary weights plus this record.
 */
import * as v from 'valibot';
import { fnv1a } from '../domain/fnv';
import { ahp, groupMatrix, groupWeights, nearestScaleValue, pairs, reciprocalMatrix, type AhpResult, type Matrix } from '../domain/ahp';
import { spearman } from '../domain/rankCorrelation';
import type { Units } from '../data/units';
import { personalDataInLabel } from '../data/userFile/personalData';
import { rankScenario } from './ranking';
import { fromBase64Url, toBase64Url } from './base64url';
import type { Scenario } from './scenario';

export interface AhpParticipant {
  /** A role or an alias («Planeamiento», «Mesa 2»), never a person's name. */
  alias: string;
  /** a_ij for each pair i < j of `indicators`, in row order (see domain/ahp pairs()). */
  judgements: number[];
  /**
   * A participant who shares out points instead of comparing pairs: their weights are the points
   * (normalised), and their judgements the points' ratios bounded to Saaty's 1/9–9, so the
   * group's geometric mean of judgements takes them in like any other. Absent: pairwise.
   */
  points?: number[];
}

export interface AhpWeighting {
  indicators: string[];
  method: AhpResult['method'];
  /** The group's weights: from the geometric mean of the judgements (AIJ) or the mean of the weights (AIP). */
  group: 'judgements' | 'weights';
  participants: AhpParticipant[];
  /** The participant whose matrix is being filled in. */
  active: number;
}

export const MAX_AHP_INDICATORS = 10;
export const MAX_AHP_PARTICIPANTS = 30;
/** Points one indicator may get (the panel shares out 100). */
export const MAX_POINTS = 1000;

const judgement = v.pipe(v.number(), v.finite(), v.minValue(1 / 9 - 1e-9), v.maxValue(9 + 1e-9));
/** scenario.ahp in the codec: null (points given directly) or a consistent record. */
export const AHP = v.nullish(
  v.pipe(
    v.object({
      indicators: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,79}$/))), v.minLength(2), v.maxLength(MAX_AHP_INDICATORS)),
      method: v.picklist(['eigenvector', 'geometric']),
      group: v.picklist(['judgements', 'weights']),
      participants: v.pipe(
        // an alias that carries a DNI, phone or e-mail (typed elsewhere, or edited in the file) is
        // dropped on the way in, as the panel refuses it: the participant becomes «Participante N»
        v.array(
          v.object({
            alias: v.pipe(v.string(), v.maxLength(60), v.transform((x) => (personalDataInLabel(x) ? '' : x))),
            judgements: v.array(judgement),
            points: v.optional(v.array(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_POINTS)))),
          }),
        ),
        v.minLength(1),
        v.maxLength(MAX_AHP_PARTICIPANTS),
      ),
      active: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
    v.check((a) => a.participants.every((p) => p.judgements.length === pairCount(a.indicators.length)), 'judgements'),
    v.check((a) => a.participants.every((p) => p.points === undefined || (p.points.length === a.indicators.length && p.points.some((x) => x > 0))), 'points'),
    v.check((a) => a.active < a.participants.length, 'active'),
  ),
  null,
) satisfies v.GenericSchema<unknown, AhpWeighting | null>;

export const pairCount = (n: number) => (n * (n - 1)) / 2;

/** The result for each participant and for the group (weights in the order of `indicators`). */
export interface AhpOutcome {
  participants: AhpResult[];
  group: { weights: number[]; spread: ReturnType<typeof groupWeights>; matrix: Matrix | null; result: AhpResult | null };
}

export function ahpOutcome(a: AhpWeighting): AhpOutcome {
  const n = a.indicators.length;
  const matrices = a.participants.map((p) => reciprocalMatrix(n, p.judgements));
  // a points participant's weights are their points, exactly (their bounded ratios only feed the group matrix)
  const results = matrices.map((m, k) => {
    const r = ahp(m, a.method);
    const pts = a.participants[k].points;
    return pts ? { ...r, weights: normalise(pts), revisit: null } : r;
  });
  const spread = groupWeights(results.map((r) => r.weights));
  if (a.group === 'judgements') {
    const matrix = groupMatrix(matrices);
    const result = ahp(matrix, a.method);
    return { participants: results, group: { weights: result.weights, spread, matrix, result } };
  }
  return { participants: results, group: { weights: spread.mean, spread, matrix: null, result: null } };
}

const normalise = (xs: readonly number[]) => {
  const total = xs.reduce((x, y) => x + y, 0);
  return xs.map((x) => x / total);
};

/** Points as judgements: a_ij = p_i / p_j bounded to Saaty's 1/9–9 (a 0 against a positive gives the bound; 0 against 0, equal). */
export function judgementsFromPoints(pts: readonly number[]): number[] {
  return pairs(pts.length).map(([i, j]) => {
    if (pts[i] === 0 && pts[j] === 0) return 1;
    const r = pts[j] === 0 ? 9 : pts[i] / pts[j];
    return Math.min(9, Math.max(1 / 9, r));
  });
}

/** The active participant votes with points (their judgements follow), or goes back to pairs (from those points' nearest scale values). */
export function setPoints(a: AhpWeighting, pts: number[] | null): AhpWeighting {
  return {
    ...a,
    participants: a.participants.map((p, i) => {
      if (i !== a.active) return p;
      if (pts === null) {
        const { points: _dropped, ...rest } = p;
        void _dropped;
        return { ...rest, judgements: rest.judgements.map(nearestScaleValue) };
      }
      return { ...p, points: pts, judgements: judgementsFromPoints(pts) };
    }),
  };
}

/** Weights (points summing to 100, one decimal) for the compared indicators. */
export function points(weights: number[]): number[] {
  return weights.map((w) => Math.round(w * 1000) / 10);
}

/** The scenario with the group's AHP weights on the compared indicators (the ranking reads these). */
export function withAhpWeights(s: Scenario, a: AhpWeighting): Scenario {
  return { ...s, ahp: a, indicators: applyWeights(s, a, ahpOutcome(a).group.weights) };
}

/**
 * A first AHP record for the indicators that weigh now: one participant whose judgements are the
 * scale values nearest to the current weights' ratios, so starting changes the ranking little.
 */
export function startAhp(s: Scenario, alias: string): AhpWeighting | null {
  const active = s.indicators.filter((i) => i.enabled && i.weight > 0).slice(0, MAX_AHP_INDICATORS);
  if (active.length < 2) return null;
  const judgements = pairs(active.length).map(([i, j]) => nearestScaleValue(active[i].weight / active[j].weight));
  return { indicators: active.map((i) => i.id), method: 'eigenvector', group: 'judgements', participants: [{ alias, judgements }], active: 0 };
}

/**
 * How far each participant's own ranking is from the group's: Spearman's ρ over the ranked units,
 * and how many of the group's top N are in the participant's top N.
 */
export function participantAgreement(units: Units, s: Scenario, a: AhpWeighting, topN: number): { rho: number; common: number }[] {
  const outcome = ahpOutcome(a);
  const rankWith = (weights: number[]) => rankScenario(units, { ...s, indicators: applyWeights(s, a, weights) });
  // rank 0 = not ranked: left out of the correlation
  const ranks = (r: ReturnType<typeof rankWith>) => Float64Array.from(r.rank, (x) => (x > 0 ? x : NaN));
  const group = rankWith(outcome.group.weights);
  const top = (r: ReturnType<typeof rankWith>) => new Set(Array.from(r.order.subarray(0, Math.min(topN, r.order.length))));
  const groupTop = top(group);
  return outcome.participants.map((p) => {
    const r = rankWith(p.weights);
    const mine = top(r);
    return { rho: spearman(ranks(group), ranks(r)).rho, common: [...mine].filter((i) => groupTop.has(i)).length };
  });
}

function applyWeights(s: Scenario, a: AhpWeighting, weights: number[]) {
  const w = points(weights);
  const at = new Map(a.indicators.map((id, k) => [id, w[k]]));
  return s.indicators.map((i) => (at.has(i.id) ? { ...i, weight: at.get(i.id)!, enabled: true } : i));
}

/** The active participant's judgement for pair k (a_ij: how much more indicator i than j). */
export function setJudgement(a: AhpWeighting, k: number, value: number): AhpWeighting {
  return { ...a, participants: a.participants.map((p, i) => (i === a.active ? { ...p, judgements: p.judgements.map((x, j) => (j === k ? value : x)) } : p)) };
}

/** Another participant, starting from «equal importance» everywhere, who becomes the one being edited. */
export function addParticipant(a: AhpWeighting, alias: string): AhpWeighting {
  if (a.participants.length >= MAX_AHP_PARTICIPANTS) return a;
  const judgements = new Array<number>(pairCount(a.indicators.length)).fill(1);
  return { ...a, participants: [...a.participants, { alias, judgements }], active: a.participants.length };
}

export function removeParticipant(a: AhpWeighting, index: number): AhpWeighting {
  if (a.participants.length <= 1) return a;
  const participants = a.participants.filter((_, i) => i !== index);
  return { ...a, participants, active: Math.min(a.active >= index && a.active > 0 ? a.active - 1 : a.active, participants.length - 1) };
}

/**
 * The scenario as participant k alone would rank it (their weights on the compared indicators, no
 * group): for comparing a participant's ranking with the group's in the compare view.
 */
export function participantScenario(s: Scenario, k: number): Scenario | null {
  const a = s.ahp;
  if (!a || !a.participants[k]) return null;
  const weights = ahpOutcome(a).participants[k].weights;
  return { ...s, title: a.participants[k].alias, ahp: { ...a, participants: [a.participants[k]], active: 0 }, indicators: applyWeights(s, a, weights) };
}

// ---------------------------------------------------------------------------------------------
// Voting on separate devices (issue 20): a participant's answers as a short text code (or a file
// holding it) the facilitator adds to the group. No server: the code carries a hash of the
// indicators compared, the alias and the judgements (a letter each) or the points, nothing else.

const CODE_PREFIX = 'TERRITORIO-AHP2.';

export type ParticipantCodeProblem = 'notACode' | 'otherIndicators' | 'personalAlias' | 'invalid' | 'tooMany';

export class ParticipantCodeError extends Error {
  constructor(
    readonly problem: ParticipantCodeProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(problem);
    this.name = 'ParticipantCodeError';
  }
}

/** One letter per judgement: a–i for 1…9, j–q for 1/2…1/9 (Saaty's 17 values). */
const judgementLetter = (x: number) => String.fromCharCode(x >= 1 ? 96 + Math.round(x) : 104 + Math.round(1 / x));
const letterJudgement = (c: string) => {
  const k = c.charCodeAt(0) - 96;
  return k <= 9 ? k : 1 / (k - 8);
};

/**
 * The compared indicators as 8 hex digits (FNV-1a over their ids in order): both sides compute
 * it, so the code need not spell the ids out.
 */
export const indicatorsHash = (ids: readonly string[]): string => fnv1a(ids.join(','));

/** Participant k's answers as a code to send to whoever gathers the group. */
export function participantCode(a: AhpWeighting, k: number): string {
  const p = a.participants[k];
  const body = { h: indicatorsHash(a.indicators), n: a.indicators.length, a: p.alias, ...(p.points ? { p: p.points } : { j: p.judgements.map(judgementLetter).join('') }) };
  return CODE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(body)));
}

const CODE_BODY = v.object({
  h: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
  n: v.pipe(v.number(), v.integer()),
  a: v.pipe(v.string(), v.maxLength(60)),
  j: v.optional(v.pipe(v.string(), v.regex(/^[a-q]*$/))),
  p: v.optional(v.array(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_POINTS)))),
});

/**
 * The group with the participant a code carries: added, or (same alias) replacing the answers
 * that alias gave before, so a participant can send a corrected code. Throws a
 * ParticipantCodeError the panel explains: not a code, other indicators, an alias with personal
 * data, damaged, or the group full.
 */
export function addParticipantFromCode(a: AhpWeighting, code: string): AhpWeighting {
  const text = code.replace(/\s+/g, '');
  if (!text.startsWith(CODE_PREFIX)) throw new ParticipantCodeError('notACode');
  let body: v.InferOutput<typeof CODE_BODY>;
  try {
    body = v.parse(CODE_BODY, JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text.slice(CODE_PREFIX.length)))));
  } catch {
    throw new ParticipantCodeError('invalid');
  }
  if (body.h !== indicatorsHash(a.indicators)) throw new ParticipantCodeError('otherIndicators', { theirs: body.n, ours: a.indicators.length });
  const kind = personalDataInLabel(body.a);
  if (kind) throw new ParticipantCodeError('personalAlias', { kind });
  const n = a.indicators.length;
  if (body.p ? body.p.length !== n || !body.p.some((x) => x > 0) : body.j?.length !== pairCount(n)) throw new ParticipantCodeError('invalid');
  const judgements = body.p ? judgementsFromPoints(body.p) : [...body.j!].map(letterJudgement);
  const participant: AhpParticipant = { alias: body.a, judgements, ...(body.p ? { points: body.p } : {}) };
  const same = body.a ? a.participants.findIndex((p) => p.alias === body.a) : -1;
  if (same >= 0) return { ...a, participants: a.participants.map((p, k) => (k === same ? participant : p)), active: same };
  if (a.participants.length >= MAX_AHP_PARTICIPANTS) throw new ParticipantCodeError('tooMany', { max: MAX_AHP_PARTICIPANTS });
  return { ...a, participants: [...a.participants, participant], active: a.participants.length };
}
