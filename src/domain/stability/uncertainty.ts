/**
 * Rank stability (issue 14): Monte Carlo over the assumptions an analyst marks as uncertain,
 * after the JRC/OECD Handbook (2008, step 7) and Saisana et al. (2005), as COINr's
 * get_sensitivity does it. Each draw rebuilds the ranking under one combination of
 * assumptions; the draws give every unit a median rank, a 5th–95th percentile band, the
 * probability of being in the top N and of being first. The same model, fed a Saltelli design,
 * gives the Sobol indices of each assumption on the ranking (sobol.ts).
 *
 * One draw is a point u ∈ [0,1)^D; each factor reads its own columns of u. That keeps the
 * Monte Carlo and the Sobol design on the same model, and makes a run a pure function of the
 * seed. Pure TypeScript, no React, no DuckDB: the worker and the tests run the same code.
 */
import type { Direction } from '../indicators';
import { normalise, type NormalisationMethod, type Winsorisation } from '../normalise';
import type { Aggregation } from '../aggregate';
import type { MissingPolicy } from '../score';
import { dirichlet, mulberry32 } from '../random';

/** The definition choices that change the SQL (issue 12), each one a binary factor. */
export type DefinitionFactor = 'universe' | 'zeros' | 'outliers' | 'dates';
export const DEFINITION_FACTORS: readonly DefinitionFactor[] = ['universe', 'zeros', 'outliers', 'dates'];

export type WeightUncertainty = 'off' | 'uniform' | 'dirichlet';

export interface StabilitySettings {
  /** off, each weight ×(1 ± noise) independently, or a Dirichlet draw around the weights. */
  weights: WeightUncertainty;
  /** ±share of each weight (uniform), or the coefficient of variation of an average weight (Dirichlet). */
  weightNoise: number;
  /** The scenario's method or min-max, z-score, percentile rank. */
  normalisation: boolean;
  /** The scenario's aggregation or the other one. */
  aggregation: boolean;
  /** The scenario's winsorisation or the opposite (none ↔ 5–95 %). */
  winsorisation: boolean;
  universe: boolean;
  zeros: boolean;
  /** SUSALUD rows above their level's plausible maximum: kept as reported or left out. */
  outliers: boolean;
  dates: boolean;
  draws: number;
  /** Saltelli base sample size N (N·(d + 2) rebuilds). */
  sobolN: number;
  seed: number;
}

export const DEFAULT_STABILITY_SEED = 20261202;

export function defaultStabilitySettings(): StabilitySettings {
  return {
    weights: 'uniform',
    weightNoise: 0.25, // COINr's default noise
    normalisation: false,
    aggregation: false,
    winsorisation: false,
    universe: false,
    zeros: false,
    outliers: false,
    dates: false,
    draws: 1000,
    sobolN: 250,
    seed: DEFAULT_STABILITY_SEED,
  };
}

/** Everything a run needs, in plain arrays (it crosses to a worker). */
export interface StabilityModel {
  unitIds: string[];
  /** Units ranked (indices into unitIds). */
  scope: Int32Array;
  indicatorIds: string[];
  directions: Direction[];
  /** The scenario's raw weights of these indicators. */
  weights: number[];
  methods: NormalisationMethod[];
  winsorise: (Winsorisation | null)[];
  aggregation: Aggregation;
  missing: MissingPolicy;
  coverageThreshold: number;
  /**
   * Raw values per data variant and indicator: `variants[v][j]`. Variant 0 is the scenario's
   * definitions; bit b of v set = definition factor `definitionFactors[b]` switched to its
   * alternative. Only variant 0 is needed when no definition factor is uncertain.
   */
  variants: Float64Array[][];
  definitionFactors: DefinitionFactor[];
}

export type FactorKind = 'weight' | 'weights' | 'normalisation' | 'aggregation' | 'winsorisation' | DefinitionFactor;

export interface Factor {
  kind: FactorKind;
  /** The indicator and its position, for a single weight. */
  indicator?: string;
  index?: number;
  /** Columns of u this factor reads. */
  start: number;
  width: number;
}

/**
 * LSD radix sort of the first `n` unsigned 32-bit keys, `bits` per pass (8: four passes over 256
 * buckets, for a few hundred keys; 11: three passes over 2,048, for thousands).
 */
export function radixSort32(keys: Uint32Array, tmp: Uint32Array, n: number, counts: Int32Array, bits: 8 | 11): void {
  const radix = 1 << bits;
  let src = keys;
  let dst = tmp;
  for (let shift = 0; shift < 32; shift += bits) {
    counts.fill(0, 0, radix);
    for (let i = 0; i < n; i++) counts[(src[i] >>> shift) & (radix - 1)]++;
    let sum = 0;
    for (let b = 0; b < radix; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = src[i];
      dst[counts[(key >>> shift) & (radix - 1)]++] = key;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== keys) keys.set(src.subarray(0, n));
}

const DEFAULT_WINSOR: Winsorisation = { lower: 0.05, upper: 0.95 };
const ALT_METHODS: NormalisationMethod[] = [{ kind: 'minmax' }, { kind: 'zscore' }, { kind: 'rank' }];

/** The factors a model and settings vary, in a fixed order (their columns in u). */
export function factorsOf(model: StabilityModel, settings: StabilitySettings): Factor[] {
  const out: Factor[] = [];
  let start = 0;
  const add = (kind: FactorKind, indicator?: string, index?: number) => {
    out.push({ kind, indicator, index, start, width: 1 });
    start += 1;
  };
  if (settings.weights === 'uniform') {
    model.indicatorIds.forEach((id, j) => model.weights[j] > 0 && add('weight', id, j));
  } else if (settings.weights === 'dirichlet') add('weights');
  if (settings.normalisation) add('normalisation');
  if (settings.aggregation) add('aggregation');
  if (settings.winsorisation) add('winsorisation');
  for (const f of model.definitionFactors) add(f);
  return out;
}

/** Normalisation alternatives: the scenario's own methods first, then the standard ones it does not already use everywhere. */
function methodLevels(model: StabilityModel): NormalisationMethod[][] {
  const own = model.methods;
  const levels: NormalisationMethod[][] = [own];
  for (const m of ALT_METHODS) {
    if (!own.every((o) => o.kind === m.kind)) levels.push(own.map(() => m));
  }
  return levels;
}

function winsorLevels(model: StabilityModel): (Winsorisation | null)[][] {
  const own = model.winsorise;
  const anyOn = own.some((w) => w !== null);
  return [own, own.map(() => (anyOn ? null : DEFAULT_WINSOR))];
}

export interface Evaluator {
  factors: Factor[];
  dims: number;
  /** Rank of each scope position in the scenario as it stands (0 = not ranked). */
  baseRanks: Int32Array;
  /** Ranks (per scope position, 0 = not ranked) under the assumptions u picks. */
  evaluate(u: Float64Array, out: Int32Array): void;
}

/**
 * Builds the rebuild function. Normalised columns are computed once per combination of data
 * variant, method and winsorisation (a handful), as dense scope × indicator matrices; a draw
 * then costs one weighted sum per unit and one native sort.
 */
export function createEvaluator(model: StabilityModel, settings: StabilitySettings): Evaluator {
  const factors = factorsOf(model, settings);
  const dims = factors.reduce((s, f) => s + f.width, 0);
  const k = model.indicatorIds.length;
  const scope = model.scope;
  const m = scope.length;
  const methods = methodLevels(model);
  const winsors = winsorLevels(model);
  const matrices = new Map<number, Float64Array>();
  const matrix = (variant: number, method: number, winsor: number): Float64Array => {
    const key = (variant * 8 + method) * 2 + winsor;
    let x = matrices.get(key);
    if (!x) {
      const raw = model.variants[variant] ?? model.variants[0];
      x = new Float64Array(m * k);
      for (let j = 0; j < k; j++) {
        const col = normalise(raw[j], {
          method: methods[method][j],
          direction: model.directions[j],
          subset: scope,
          winsorise: winsors[winsor][j] ?? undefined,
        });
        for (let p = 0; p < m; p++) x[p * k + j] = col[scope[p]];
      }
      matrices.set(key, x);
    }
    return x;
  };

  const base = Float64Array.from(model.weights, (w) => Math.max(0, w));
  const baseTotal = base.reduce((s, w) => s + w, 0);
  const baseShare = Float64Array.from(base, (w) => (baseTotal > 0 ? w / baseTotal : 0));
  // Dirichlet concentration: an average weight (1/k) gets the asked coefficient of variation.
  const active = base.filter((w) => w > 0).length;
  const concentration = Math.max(1, (active - 1) / Math.max(1e-6, settings.weightNoise) ** 2 - 1);
  const alpha = Float64Array.from(baseShare, (w) => w * concentration);
  const threshold = model.coverageThreshold;
  const exclude = model.missing === 'exclude';

  const raw = new Float64Array(k);
  const weights = new Float64Array(k);
  const score = new Float64Array(m);
  const sorted = new Float64Array(m);
  const keys = new Uint32Array(m);
  const keysTmp = new Uint32Array(m);
  const histogram = new Int32Array(1 << 11);
  const order = new Int32Array(m);
  const indexBits = Math.max(1, Math.ceil(Math.log2(m + 1)));
  const indexMask = 2 ** indexBits - 1;
  if (indexBits > 20) throw new Error('createEvaluator: más de un millón de unidades');

  function run(u: Float64Array, out: Int32Array, varied: readonly Factor[]): void {
    raw.set(base);
    let variant = 0;
    let method = 0;
    let winsor = 0;
    let geometric = model.aggregation === 'geometric';
    for (const f of varied) {
      const x = u[f.start];
      switch (f.kind) {
        case 'weight':
          raw[f.index!] = base[f.index!] * (1 + settings.weightNoise * (2 * x - 1));
          break;
        case 'weights':
          // the factor's one column seeds the draw: the weights stay a function of u
          dirichlet(alpha, mulberry32(Math.floor(x * 4294967296)), raw);
          break;
        case 'normalisation':
          method = Math.min(methods.length - 1, Math.floor(x * methods.length));
          break;
        case 'aggregation':
          if (x >= 0.5) geometric = !geometric;
          break;
        case 'winsorisation':
          winsor = x >= 0.5 ? 1 : 0;
          break;
        default: {
          const bit = model.definitionFactors.indexOf(f.kind);
          if (x >= 0.5) variant |= 1 << bit;
        }
      }
    }
    // the same arithmetic as scoreUnits, so an unperturbed draw gives the scenario's ranks exactly
    let total = 0;
    for (let j = 0; j < k; j++) total += Math.max(0, raw[j]);
    for (let j = 0; j < k; j++) weights[j] = total > 0 ? Math.max(0, raw[j]) / total : 0;
    const x = matrix(variant, method, winsor);
    let ranked = 0;
    for (let p = 0; p < m; p++) {
      let covered = 0;
      let sum = 0;
      let logSum = 0;
      const row = p * k;
      for (let j = 0; j < k; j++) {
        const v = weights[j] > 0 ? x[row + j] : NaN;
        if (v === v) {
          covered += weights[j];
          sum += weights[j] * v;
        }
      }
      if (covered === 0 || covered < threshold - 1e-12 || (exclude && !(covered > 1 - 1e-9))) {
        score[p] = NaN;
        continue;
      }
      if (geometric) {
        for (let j = 0; j < k; j++) {
          const v = weights[j] > 0 ? x[row + j] : NaN;
          if (v === v) logSum += (weights[j] / covered) * Math.log(Math.max(0, v) + 1);
        }
        score[p] = Math.exp(logSum) - 1;
      } else score[p] = sum / covered;
      sorted[ranked++] = score[p];
    }
    // Order by a 32-bit key — the score quantised in the high bits, the position in the low
    // bits — with a radix sort: for thousands of units per draw this is several times faster
    // than a comparator sort and than a native sort of float keys. Runs that share a quantised
    // score are re-sorted exactly, so equal scores (and only they) share a rank.
    let lo = Infinity;
    let hi = -Infinity;
    for (let a = 0; a < ranked; a++) {
      lo = Math.min(lo, sorted[a]);
      hi = Math.max(hi, sorted[a]);
    }
    const levels = 2 ** (32 - indexBits) - 1;
    const scale = hi > lo ? levels / (hi - lo) : 0;
    let q = 0;
    for (let p = 0; p < m; p++) {
      const v = score[p];
      if (v === v) keys[q++] = ((Math.floor((hi - v) * scale) << indexBits) | p) >>> 0;
    }
    radixSort32(keys, keysTmp, ranked, histogram, ranked < 1024 ? 8 : 11);
    for (let a = 0; a < ranked; a++) order[a] = keys[a] & indexMask;
    for (let a = 0; a < ranked; ) {
      let b = a + 1;
      const bucket = keys[a] >>> indexBits;
      while (b < ranked && keys[b] >>> indexBits === bucket) b++;
      if (b - a > 1) order.subarray(a, b).sort((x, y) => score[y] - score[x] || x - y);
      a = b;
    }
    out.fill(0);
    // competition ranking (1, 2, 2, 4): equal scores share the rank of the first of them
    for (let a = 0; a < ranked; a++) {
      const p = order[a];
      out[p] = a > 0 && score[order[a - 1]] === score[p] ? out[order[a - 1]] : a + 1;
    }
  }

  // nothing varied: the scenario's own ranks
  const baseRanks = new Int32Array(m);
  run(new Float64Array(dims), baseRanks, []);
  return { factors, dims, baseRanks, evaluate: (u, out) => run(u, out, factors) };
}

/** Mean absolute rank shift from the base ranking over the units ranked in both: the output Sobol indices explain (as COINr). */
export function meanRankShift(ranks: Int32Array, baseRanks: Int32Array): number {
  let sum = 0;
  let n = 0;
  for (let p = 0; p < ranks.length; p++) {
    if (ranks[p] > 0 && baseRanks[p] > 0) {
      sum += Math.abs(ranks[p] - baseRanks[p]);
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/** Per unit (scope position), how often each rank came out: row p holds counts of ranks 0..m. */
export class RankHistogram {
  readonly counts: Uint16Array | Int32Array;
  draws = 0;
  /** `maxDraws` below 65,536 keeps the counts in 16 bits: half the memory, fewer cache misses. */
  constructor(readonly size: number, maxDraws = 65_535) {
    this.counts = maxDraws < 65_536 ? new Uint16Array(size * (size + 1)) : new Int32Array(size * (size + 1));
  }
  add(ranks: Int32Array): void {
    const w = this.size + 1;
    for (let p = 0; p < this.size; p++) this.counts[p * w + ranks[p]]++;
    this.draws++;
  }
}

export interface UncertaintySummary {
  draws: number;
  topN: number;
  /** Per scope position: median rank and 5th / 95th percentiles over the draws where it was ranked (0 = never). */
  median: Int32Array;
  p05: Int32Array;
  p95: Int32Array;
  /** Share of draws in the top N / first (a draw where the unit is not ranked counts as neither). */
  pTopN: Float64Array;
  pFirst: Float64Array;
  /** Share of draws where the unit had enough data to be ranked. */
  pRanked: Float64Array;
}

/** Lowest rank r whose cumulative share reaches q (the inverse of the empirical distribution). */
function rankQuantile(counts: Uint16Array | Int32Array, offset: number, size: number, total: number, q: number): number {
  const target = q * total;
  let cum = 0;
  for (let r = 1; r <= size; r++) {
    cum += counts[offset + r];
    if (cum >= target - 1e-9 && cum > 0) return r;
  }
  return 0;
}

export function summarise(h: RankHistogram, topN: number): UncertaintySummary {
  const m = h.size;
  const w = m + 1;
  const out: UncertaintySummary = {
    draws: h.draws,
    topN,
    median: new Int32Array(m),
    p05: new Int32Array(m),
    p95: new Int32Array(m),
    pTopN: new Float64Array(m),
    pFirst: new Float64Array(m),
    pRanked: new Float64Array(m),
  };
  for (let p = 0; p < m; p++) {
    const o = p * w;
    const ranked = h.draws - h.counts[o];
    let top = 0;
    for (let r = 1; r <= Math.min(topN, m); r++) top += h.counts[o + r];
    out.pTopN[p] = h.draws > 0 ? top / h.draws : 0;
    out.pFirst[p] = h.draws > 0 ? h.counts[o + 1] / h.draws : 0;
    out.pRanked[p] = h.draws > 0 ? ranked / h.draws : 0;
    if (ranked === 0) continue;
    out.median[p] = rankQuantile(h.counts, o, m, ranked, 0.5);
    out.p05[p] = rankQuantile(h.counts, o, m, ranked, 0.05);
    out.p95[p] = rankQuantile(h.counts, o, m, ranked, 0.95);
  }
  return out;
}

/** Fills `u` with the next draw's uniforms. */
export function nextDraw(random: () => number, u: Float64Array): Float64Array {
  for (let c = 0; c < u.length; c++) u[c] = random();
  return u;
}

/** A band is stable when it spans at most this many positions: 10 % of the ranked units, at least 2. */
export function stableWidth(ranked: number): number {
  return Math.max(2, Math.round(0.1 * ranked));
}

/** Synchronous run (tests, baselines); the worker runs the same steps in slices it can cancel. */
export function runUncertainty(model: StabilityModel, settings: StabilitySettings, topN: number): UncertaintySummary {
  const ev = createEvaluator(model, settings);
  const h = new RankHistogram(model.scope.length, settings.draws);
  const random = mulberry32(settings.seed);
  const u = new Float64Array(ev.dims);
  const ranks = new Int32Array(model.scope.length);
  for (let d = 0; d < settings.draws; d++) {
    ev.evaluate(nextDraw(random, u), ranks);
    h.add(ranks);
  }
  return summarise(h, topN);
}
