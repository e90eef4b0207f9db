import { medianAt } from './stats';

/**
 * A stated, robust outlier rule (issue 12): the modified z-score of Iglewicz and Hoaglin,
 * M = 0.6745 · (x − median) / MAD over the units of the scope, flags |M| > OUTLIER_Z. The median
 * and the MAD (median absolute deviation) are not pulled by the outliers themselves, unlike the
 * mean and SD. A flag is shown, never applied: the user can winsorise the indicator.
 */
export const OUTLIER_Z = 3.5;
const K = 0.6745;

export interface OutlierCheck {
  /** Modified z-score of the unit's value; NaN when missing or when the MAD is 0. */
  z: number;
  median: number;
  mad: number;
  outlier: boolean;
}

export function robustOutlier(values: Float64Array, scope: ArrayLike<number>, i: number): OutlierCheck {
  const median = medianAt(values, scope);
  const dev = new Float64Array(values.length).fill(NaN);
  for (let p = 0; p < scope.length; p++) {
    const v = values[scope[p]];
    if (!Number.isNaN(v)) dev[scope[p]] = Math.abs(v - median);
  }
  const mad = medianAt(dev, scope);
  const x = values[i];
  const z = Number.isNaN(x) || !(mad > 0) ? NaN : (K * (x - median)) / mad;
  return { z, median, mad, outlier: Math.abs(z) > OUTLIER_Z };
}
