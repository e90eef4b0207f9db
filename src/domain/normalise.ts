import type { Direction } from './indicators';

/**
 * Normalisation turns raw indicator values into a 0–100 "need" scale where 100 is always most
 * need. The direction is applied first (a `down` indicator is negated, with its target and
 * goalposts), so every method reads the same way. Missing values (NaN) stay NaN — never 0, so a
 * unit without data is never silently "least in need". Only units in `subset` (the scope) set
 * the statistics; units outside it come out NaN.
 */
export type NormalisationMethod =
  | { kind: 'minmax' }
  /** Standard score, shown as T = 50 + 10·z so it shares the 0–100 reading (not clamped). */
  | { kind: 'zscore' }
  /** Percentile rank within the scope: 0 for the least need, 100 for the most; ties share the mean rank. */
  | { kind: 'rank' }
  /** Distance to a target in raw units: units at or beyond the target score 0; the farthest 100. */
  | { kind: 'target'; target: number }
  /** Fixed goalposts in raw units, so scores compare across scopes and years; clamped to 0–100. */
  | { kind: 'goalposts'; min: number; max: number };

export interface Winsorisation {
  /** Lower and upper percentiles (0–1) at which values are clipped before normalising. */
  lower: number;
  upper: number;
}

export interface NormaliseOptions {
  method: NormalisationMethod;
  direction: Direction;
  subset?: Int32Array;
  winsorise?: Winsorisation;
}

function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** Quantile by linear interpolation between order statistics (type 7, as R and numpy). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Clips the values of the subset at the given percentiles of the subset (outliers tamed). */
export function winsorise(values: Float64Array, w: Winsorisation, subset?: Int32Array): Float64Array {
  const idx = subset ?? allIndices(values.length);
  const present = Float64Array.from([...idx].map((i) => values[i]).filter((v) => !Number.isNaN(v))).sort();
  const out = Float64Array.from(values);
  if (present.length === 0) return out;
  const lo = quantile(present, w.lower);
  const hi = quantile(present, w.upper);
  for (const i of idx) {
    const v = out[i];
    if (!Number.isNaN(v)) out[i] = Math.min(hi, Math.max(lo, v));
  }
  return out;
}

export function normalise(values: Float64Array, opts: NormaliseOptions): Float64Array {
  const n = values.length;
  const idx = opts.subset ?? allIndices(n);
  const source = opts.winsorise ? winsorise(values, opts.winsorise, idx) : values;
  const sign = opts.direction === 'up' ? 1 : -1;
  // Direction first: from here on, a higher x always means more need.
  const x = new Float64Array(n).fill(NaN);
  const present: number[] = [];
  for (const i of idx) {
    if (!Number.isNaN(source[i])) {
      x[i] = sign * source[i];
      present.push(i);
    }
  }
  const out = new Float64Array(n).fill(NaN);
  if (present.length === 0) return out;
  const m = opts.method;

  if (m.kind === 'minmax' || m.kind === 'target') {
    let min = Infinity;
    let max = -Infinity;
    for (const i of present) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    if (m.kind === 'target') min = sign * m.target; // need starts where the target is met
    const span = max - min;
    for (const i of present) out[i] = span > 0 ? (Math.max(0, x[i] - min) / span) * 100 : 0;
    return out;
  }

  if (m.kind === 'goalposts') {
    const a = sign === 1 ? m.min : -m.max;
    const b = sign === 1 ? m.max : -m.min;
    const span = b - a;
    for (const i of present) out[i] = span > 0 ? Math.min(100, Math.max(0, ((x[i] - a) / span) * 100)) : 0;
    return out;
  }

  if (m.kind === 'zscore') {
    const mean = present.reduce((s, i) => s + x[i], 0) / present.length;
    const variance = present.reduce((s, i) => s + (x[i] - mean) ** 2, 0) / present.length;
    const sd = Math.sqrt(variance);
    for (const i of present) out[i] = 50 + 10 * (sd > 0 ? (x[i] - mean) / sd : 0);
    return out;
  }

  // Percentile rank: mean rank of ties, scaled so the lowest is 0 and the highest 100.
  const order = [...present].sort((a, b) => x[a] - x[b]);
  const k = order.length;
  for (let p = 0; p < k; ) {
    let q = p;
    while (q + 1 < k && x[order[q + 1]] === x[order[p]]) q++;
    const meanRank = (p + q) / 2;
    for (let r = p; r <= q; r++) out[order[r]] = k > 1 ? (meanRank / (k - 1)) * 100 : 0;
    p = q + 1;
  }
  return out;
}

/** Min-max 0–100 with the direction applied (the default method). */
export function minMax(values: Float64Array, direction: Direction, subset?: Int32Array): Float64Array {
  return normalise(values, { method: { kind: 'minmax' }, direction, subset });
}
