import { describe, expect, it } from 'vitest';
import { OUTLIER_Z, robustOutlier } from '../../../src/domain/outliers';

describe('robust outlier rule (modified z-score)', () => {
  it('flags a value far from the scope\'s median in MADs, and not the others', () => {
    // a department's emergency attentions per facility, one province far above (like Pomabamba in Áncash)
    const v = Float64Array.from([250, 294, 310, 280, 9138, 300, NaN, 270]);
    const scope = [0, 1, 2, 3, 4, 5, 6, 7];
    const far = robustOutlier(v, scope, 4);
    expect(far.median).toBe(294);
    expect(far.mad).toBe(16);
    expect(far.z).toBeCloseTo((0.6745 * (9138 - 294)) / 16, 9);
    expect(far.outlier).toBe(true);
    expect(robustOutlier(v, scope, 0).outlier).toBe(false);
    expect(Math.abs(robustOutlier(v, scope, 0).z)).toBeLessThan(OUTLIER_Z);
    // missing values are never outliers
    expect(robustOutlier(v, scope, 6).outlier).toBe(false);
  });

  it('says nothing when the scope has no spread (MAD 0)', () => {
    const v = Float64Array.from([5, 5, 5, 5, 100]);
    const r = robustOutlier(v, [0, 1, 2, 3, 4], 4);
    expect(r.mad).toBe(0);
    expect(r.z).toBeNaN();
    expect(r.outlier).toBe(false);
  });

  it('uses only the units in scope', () => {
    const v = Float64Array.from([1, 2, 3, 1000, 2]);
    expect(robustOutlier(v, [0, 1, 2, 4], 3).outlier).toBe(true);
    expect(robustOutlier(v, [3], 3).z).toBeNaN();
  });
});
