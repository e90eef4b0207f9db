/** Median of the values at the given indices, ignoring missing ones (NaN if none). */
export function medianAt(values: Float64Array, indices: ArrayLike<number>): number {
  const present: number[] = [];
  for (let p = 0; p < indices.length; p++) {
    const v = values[indices[p]];
    if (!Number.isNaN(v)) present.push(v);
  }
  if (present.length === 0) return NaN;
  present.sort((a, b) => a - b);
  const mid = present.length >> 1;
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}
