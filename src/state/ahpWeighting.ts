/**
 * Weights from a group's pairwise comparisons (issue 20), as part of the scenario: which
 * indicators are compared, each participant's judgements (named by a role or an alias only), the
 * weighting method and how the group is formed. Pure: the updaters turn it into the indicators'
 * weights, so the ranking, undo, the codec and every export see ordinary weights plus this record.
 */
import * as v from 'valibot';
import { ahp, groupMatrix, groupWeights, nearestScaleValue, pairs, reciprocalMatrix, type AhpResult, type Matrix } from '../domain/ahp';
import { spearman } from '../domain/rankCorrelation';
import type { Units } from '../data/units';
import { personalDataInLabel } from '../data/userFile/personalData';
import { rankScenario } from './ranking';
import type { Scenario } from './scenario';

export interface AhpParticipant {
  /** A role or an alias («Planeamiento», «Mesa 2»), never a person's name. */
  alias: string;
  /** a_ij for each pair i < j of `indicators`, in row order (see domain/ahp pairs()). */
  judgements: number[];
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
        v.array(v.object({ alias: v.pipe(v.string(), v.maxLength(60), v.transform((x) => (personalDataInLabel(x) ? '' : x))), judgements: v.array(judgement) })),
        v.minLength(1),
        v.maxLength(MAX_AHP_PARTICIPANTS),
      ),
      active: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
    v.check((a) => a.participants.every((p) => p.judgements.length === pairCount(a.indicators.length)), 'judgements'),
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
  const results = matrices.map((m) => ahp(m, a.method));
  const spread = groupWeights(results.map((r) => r.weights));
  if (a.group === 'judgements') {
    const matrix = groupMatrix(matrices);
    const result = ahp(matrix, a.method);
    return { participants: results, group: { weights: result.weights, spread, matrix, result } };
  }
  return { participants: results, group: { weights: spread.mean, spread, matrix: null, result: null } };
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
