import type { Direction } from './indicators';

/**
 * Min-max normalisation to 0–100 where 100 is always "most need": the direction is applied
 * first, so every normalised indicator reads the same way. Missing values (NaN) stay NaN —
 * never 0, so a unit without data is never silently "least in need".
 * `subset` restricts min and max to the units in scope; units outside it come out NaN.
 * An indicator with no spread in the scope gives 0 to every unit: it cannot separate them.
 */
export function minMax(values: Float64Array, direction: Direction, subset?: Int32Array): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const idx = subset ?? Int32Array.from(values.keys());
  let min = Infinity;
  let max = -Infinity;
  for (const i of idx) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return out;
  const span = max - min;
  for (const i of idx) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (span === 0) {
      out[i] = 0;
      continue;
    }
    const n = ((v - min) / span) * 100;
    out[i] = direction === 'up' ? n : 100 - n;
  }
  return out;
}
