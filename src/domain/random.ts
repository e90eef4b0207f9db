/**
 * Seeded random numbers for the reproducible analyses (hot-spot permutations, rank stability):
 * the same seed always gives the same sequence, in every browser.
 */

/** mulberry32: a 32-bit seeded generator, uniform in [0, 1). Enough for permutation tests and Monte Carlo. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller; the first uniform is kept away from 0 so ln stays finite). */
export function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma(shape, 1) draw by Marsaglia and Tsang (2000); shapes below 1 use the usual boost
 * Gamma(a) = Gamma(a + 1)·U^(1/a).
 */
export function gamma(shape: number, random: () => number): number {
  if (!(shape > 0)) return 0;
  if (shape < 1) return gamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Dirichlet draw with concentrations `alpha` into `out` (sums to 1). */
export function dirichlet(alpha: ArrayLike<number>, random: () => number, out: Float64Array): Float64Array {
  let sum = 0;
  for (let j = 0; j < alpha.length; j++) {
    out[j] = alpha[j] > 0 ? gamma(alpha[j], random) : 0;
    sum += out[j];
  }
  for (let j = 0; j < alpha.length; j++) out[j] = sum > 0 ? out[j] / sum : 0;
  return out;
}
