/**
 * Variance-based sensitivity (Sobol indices) with a Saltelli design, as in the JRC/OECD
 * Handbook on Constructing Composite Indicators and COINr's get_sensitivity.
 *
 * A model maps a point u ∈ [0,1)^D to one number. Its D input columns are grouped into factors
 * (a factor may span several columns: all its columns switch together). Two independent base
 * matrices A and B (N rows each) and, per factor i, A_B^(i) (A with factor i's columns taken from
 * B) give N·(d + 2) model runs. Estimators (Saltelli et al. 2010, Table 2):
 *   first order  S_i  = mean( f(B)·(f(A_B^i) − f(A)) ) / V
 *   total order  ST_i = mean( (f(A) − f(A_B^i))² ) / (2V)           (Jansen 1999)
 * with V the variance of all f(A) and f(B) outputs.
 */

export interface SobolDesign {
  n: number;
  /** Columns of one row (sum of the factors' widths). */
  dims: number;
  /** Per factor, its first column and its width. */
  groups: { start: number; width: number }[];
  a: Float64Array;
  b: Float64Array;
}

export interface SobolIndices {
  first: Float64Array;
  total: Float64Array;
  /** Variance of the output over A and B; 0 when the output never moves (then all indices are 0). */
  variance: number;
  mean: number;
  /** Model runs: n·(d + 2). */
  runs: number;
}

/** Base matrices for factors of the given widths, from a seeded generator. */
export function saltelliDesign(n: number, widths: readonly number[], random: () => number): SobolDesign {
  const groups: SobolDesign['groups'] = [];
  let dims = 0;
  for (const width of widths) {
    groups.push({ start: dims, width });
    dims += width;
  }
  const a = new Float64Array(n * dims);
  const b = new Float64Array(n * dims);
  // row by row, A then B, so a design with more rows starts with the same rows
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < dims; c++) a[r * dims + c] = random();
    for (let c = 0; c < dims; c++) b[r * dims + c] = random();
  }
  return { n, dims, groups, a, b };
}

/** Row `r` of A with factor `factor`'s columns from B (or A itself when factor < 0; B when factor === 'b'). */
export function designRow(design: SobolDesign, r: number, factor: number | 'b', out: Float64Array): Float64Array {
  const { dims } = design;
  const src = factor === 'b' ? design.b : design.a;
  for (let c = 0; c < dims; c++) out[c] = src[r * dims + c];
  if (typeof factor === 'number' && factor >= 0) {
    const g = design.groups[factor];
    for (let c = g.start; c < g.start + g.width; c++) out[c] = design.b[r * dims + c];
  }
  return out;
}

/**
 * Outputs of the design's runs, in the order the indices need them: `fA[r]`, `fB[r]`, and
 * `fAB[i][r]` for each factor i.
 */
export interface SobolOutputs {
  fA: Float64Array;
  fB: Float64Array;
  fAB: Float64Array[];
}

export function emptyOutputs(design: SobolDesign): SobolOutputs {
  return {
    fA: new Float64Array(design.n),
    fB: new Float64Array(design.n),
    fAB: design.groups.map(() => new Float64Array(design.n)),
  };
}

/** Runs the model for rows [from, to) of the design, writing into `out`. */
export function runDesignRows(
  design: SobolDesign,
  model: (u: Float64Array) => number,
  out: SobolOutputs,
  from: number,
  to: number,
): void {
  const u = new Float64Array(design.dims);
  for (let r = from; r < to; r++) {
    out.fA[r] = model(designRow(design, r, -1, u));
    out.fB[r] = model(designRow(design, r, 'b', u));
    for (let i = 0; i < design.groups.length; i++) out.fAB[i][r] = model(designRow(design, r, i, u));
  }
}

export function sobolIndices(out: SobolOutputs): SobolIndices {
  const { fA, fB, fAB } = out;
  const n = fA.length;
  const d = fAB.length;
  let mean = 0;
  for (let r = 0; r < n; r++) mean += fA[r] + fB[r];
  mean /= 2 * n;
  let variance = 0;
  for (let r = 0; r < n; r++) variance += (fA[r] - mean) ** 2 + (fB[r] - mean) ** 2;
  variance /= 2 * n;
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  if (variance > 1e-12 * Math.max(1, mean * mean)) {
    for (let i = 0; i < d; i++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < n; r++) {
        s += fB[r] * (fAB[i][r] - fA[r]);
        t += (fA[r] - fAB[i][r]) ** 2;
      }
      first[i] = s / n / variance;
      total[i] = t / n / (2 * variance);
    }
  } else variance = 0;
  return { first, total, variance, mean, runs: n * (d + 2) };
}

/** The whole analysis in one call (tests, baselines): design, runs, indices. */
export function sobol(model: (u: Float64Array) => number, widths: readonly number[], n: number, random: () => number): SobolIndices {
  const design = saltelliDesign(n, widths, random);
  const out = emptyOutputs(design);
  runDesignRows(design, model, out, 0, n);
  return sobolIndices(out);
}
