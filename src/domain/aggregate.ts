/**
 * Aggregation of normalised indicators (0–100) into one score, with each indicator's
 * contribution. Contributions always add up to the score.
 *
 * - Arithmetic: S = Σ wᵢ·xᵢ (weights renormalised over the indicators the unit has).
 *   Contribution cᵢ = wᵢ·xᵢ.
 * - Geometric (INFORM-style, so a very low value cannot be fully compensated by high ones):
 *   S = exp(Σ wᵢ·ln(xᵢ + 1)) − 1. The +1 shift is the documented treatment of zeros: a 0 does
 *   not collapse the score to 0 and ln stays finite; with inputs in 0–100, S stays in 0–100. Contributions split S
 *   in proportion to each indicator's share of the log-sum: cᵢ = S·wᵢ·ln(xᵢ+1) / Σ wⱼ·ln(xⱼ+1)
 *   (all 0 when S = 0). Negative inputs (possible with z-scores, T < 0) are clamped to 0 first.
 */
export type Aggregation = 'arithmetic' | 'geometric';

/** Writes the contributions into `out` (same length as `values`) and returns the score. */
export function aggregate(
  method: Aggregation,
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  out: Float64Array,
): number {
  const k = values.length;
  let wsum = 0;
  for (let j = 0; j < k; j++) if (!Number.isNaN(values[j])) wsum += weights[j];
  out.fill(0);
  if (wsum <= 0) return NaN;
  if (method === 'arithmetic') {
    let s = 0;
    for (let j = 0; j < k; j++) {
      if (Number.isNaN(values[j])) continue;
      out[j] = (weights[j] / wsum) * values[j];
      s += out[j];
    }
    return s;
  }
  let logSum = 0;
  for (let j = 0; j < k; j++) {
    if (Number.isNaN(values[j])) continue;
    out[j] = (weights[j] / wsum) * Math.log(Math.max(0, values[j]) + 1);
    logSum += out[j];
  }
  const s = Math.exp(logSum) - 1;
  for (let j = 0; j < k; j++) out[j] = logSum > 0 ? (s * out[j]) / logSum : 0;
  return s;
}
