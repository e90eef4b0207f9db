/**
 * Weights from pairwise comparisons (Saaty's Analytic Hierarchy Process, issue 20), pure.
 *
 * A judgement says how much more important indicator i is than j on Saaty's 1–9 scale (1 equal,
 * 3 moderate, 5 strong, 7 very strong, 9 extreme; 2, 4, 6, 8 between) or its reciprocal. The
 * matrix is reciprocal (a_ji = 1 / a_ij, a_ii = 1). Weights: the principal (Perron) eigenvector,
 * found by power iteration, normalised to sum 1; the geometric mean of each row is offered too.
 * Consistency: CI = (λmax − n) / (n − 1) and CR = CI / RI with Saaty's random index; above 0.10
 * the judgements should be revisited. Group: the element-wise geometric mean of the members'
 * matrices (aggregation of individual judgements, which keeps the matrix reciprocal), or the
 * arithmetic mean of their weights.
 */

/** Saaty's scale: the values a judgement may take (and their reciprocals). */
export const SAATY_SCALE = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * Saaty's random consistency index by matrix size (Saaty 1980, the table CENEPRED's manuals and
 * most textbooks reproduce): the mean CI of random reciprocal matrices.
 */
export const RANDOM_INDEX: Readonly<Record<number, number>> = { 1: 0, 2: 0, 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 };

/** Above this consistency ratio the judgements should be revisited (Saaty). */
export const CR_LIMIT = 0.1;

/** A square matrix, row by row. */
export type Matrix = number[][];

/**
 * The full reciprocal matrix of n items from the judgements above the diagonal: `upper[k]` is
 * a_ij for the k-th pair (i < j) in row order (0,1), (0,2) … (1,2) …; a value ≤ 0 or missing
 * counts as 1 (no judgement yet).
 */
export function reciprocalMatrix(n: number, upper: readonly number[]): Matrix {
  const a: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[k++];
      const x = v > 0 && Number.isFinite(v) ? v : 1;
      a[i][j] = x;
      a[j][i] = 1 / x;
    }
  }
  return a;
}

/** The pairs (i < j) in the order `reciprocalMatrix` reads them. */
export function pairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

const normalise = (v: number[]) => {
  const s = v.reduce((x, y) => x + y, 0);
  return v.map((x) => x / s);
};

/**
 * The principal eigenvector (weights summing to 1) and λmax, by power iteration: a positive
 * matrix has a unique positive Perron vector, and the iteration converges to it.
 */
export function principalEigenvector(a: Matrix, tolerance = 1e-12, maxIterations = 1000): { weights: number[]; lambdaMax: number; iterations: number } {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let it = 1; it <= maxIterations; it++) {
    const next = normalise(a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0)));
    const change = Math.max(...next.map((x, i) => Math.abs(x - w[i])));
    w = next;
    if (change < tolerance) return { weights: w, lambdaMax: lambdaOf(a, w), iterations: it };
  }
  return { weights: w, lambdaMax: lambdaOf(a, w), iterations: maxIterations };
}

/** λmax from a weight vector: the mean of (A·w)_i / w_i (exact for the eigenvector). */
function lambdaOf(a: Matrix, w: number[]): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i].reduce((t, x, j) => t + x * w[j], 0) / w[i];
  return s / n;
}

/** Weights by the geometric mean of each row (the same as the eigenvector for n ≤ 3). */
export function geometricMeanWeights(a: Matrix): number[] {
  return normalise(a.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / row.length)));
}

export interface Consistency {
  lambdaMax: number;
  /** (λmax − n) / (n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Saaty's random index for n (null beyond the table). */
  ri: number | null;
  /** CI / RI; 0 for n ≤ 2 (always consistent), null beyond the table. */
  cr: number | null;
  acceptable: boolean;
}

export function consistency(a: Matrix, lambdaMax = principalEigenvector(a).lambdaMax): Consistency {
  const n = a.length;
  if (n <= 2) return { lambdaMax: n, ci: 0, ri: 0, cr: 0, acceptable: true };
  const ci = Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = RANDOM_INDEX[n] ?? null;
  const cr = ri ? ci / ri : null;
  return { lambdaMax, ci, ri, cr, acceptable: cr !== null && cr <= CR_LIMIT };
}

/**
 * The comparison to revisit first: the pair whose judgement departs most from what the weights
 * imply (the largest |ln(a_ij · w_j / w_i)|), with the scale value closest to w_i / w_j.
 */
export function mostInconsistentPair(a: Matrix, weights: readonly number[]): { i: number; j: number; given: number; suggested: number } | null {
  let best: { i: number; j: number; given: number; suggested: number } | null = null;
  let worst = 1e-9;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const implied = weights[i] / weights[j];
      const off = Math.abs(Math.log(a[i][j] / implied));
      if (off > worst) {
        worst = off;
        best = { i, j, given: a[i][j], suggested: nearestScaleValue(implied) };
      }
    }
  }
  return best;
}

/** The judgement on Saaty's scale (1–9 or a reciprocal) closest to a ratio, on a log scale. */
export function nearestScaleValue(ratio: number): number {
  const candidates = [...SAATY_SCALE.map((x) => 1 / x), ...SAATY_SCALE];
  let best = 1;
  for (const c of candidates) if (Math.abs(Math.log(c / ratio)) < Math.abs(Math.log(best / ratio))) best = c;
  return best;
}

/** A judgement as people write it: «9», «1» or «1/3». */
export const judgementLabel = (x: number): string => (x >= 1 ? String(Math.round(x)) : `1/${Math.round(1 / x)}`);

/** One AHP result: the weights by the chosen method, and the consistency of the matrix. */
export interface AhpResult {
  weights: number[];
  method: 'eigenvector' | 'geometric';
  consistency: Consistency;
  revisit: ReturnType<typeof mostInconsistentPair>;
}

export function ahp(a: Matrix, method: AhpResult['method'] = 'eigenvector'): AhpResult {
  const eig = principalEigenvector(a);
  const weights = method === 'eigenvector' ? eig.weights : geometricMeanWeights(a);
  const c = consistency(a, eig.lambdaMax);
  return { weights, method, consistency: c, revisit: c.acceptable ? null : mostInconsistentPair(a, eig.weights) };
}

/**
 * The group's matrix: the element-wise geometric mean of the members' matrices (aggregation of
 * individual judgements; reciprocal again, and the standard AHP group method).
 */
export function groupMatrix(matrices: readonly Matrix[]): Matrix {
  const n = matrices[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => Math.exp(matrices.reduce((s, m) => s + Math.log(m[i][j]), 0) / matrices.length)),
  );
}

/** The group's weights as the arithmetic mean of the members' weights (each summing to 1), and the spread per item. */
export function groupWeights(members: readonly (readonly number[])[]): { mean: number[]; min: number[]; max: number[]; sd: number[] } {
  const n = members[0]?.length ?? 0;
  const k = members.length;
  const col = (i: number) => members.map((w) => w[i]);
  const mean = Array.from({ length: n }, (_, i) => col(i).reduce((s, x) => s + x, 0) / k);
  return {
    mean,
    min: Array.from({ length: n }, (_, i) => Math.min(...col(i))),
    max: Array.from({ length: n }, (_, i) => Math.max(...col(i))),
    sd: Array.from({ length: n }, (_, i) => Math.sqrt(col(i).reduce((s, x) => s + (x - mean[i]) ** 2, 0) / k)),
  };
}
