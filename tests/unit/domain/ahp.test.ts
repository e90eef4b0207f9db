import { describe, expect, it } from 'vitest';
import {
  ahp,
  consistency,
  geometricMeanWeights,
  groupMatrix,
  groupWeights,
  mostInconsistentPair,
  nearestScaleValue,
  principalEigenvector,
  reciprocalMatrix,
  type Matrix,
} from '../../../src/domain/ahp';

/** det(M) by Gaussian elimination with partial pivoting (an independent route to λmax). */
function det(m: Matrix): number {
  const a = m.map((r) => [...r]);
  const n = a.length;
  let d = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (a[p][c] === 0) return 0;
    if (p !== c) {
      [a[p], a[c]] = [a[c], a[p]];
      d = -d;
    }
    d *= a[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return d;
}

/** The largest real root of det(A − λI) above n, by bisection (Perron root of a positive matrix ≥ n). */
function perronRootByBisection(a: Matrix): number {
  const n = a.length;
  const f = (l: number) => det(a.map((r, i) => r.map((x, j) => (i === j ? x - l : x))));
  let lo = n - 1e-9;
  let hi = a.reduce((s, r) => Math.max(s, r.reduce((t, x) => t + x, 0)), 0) + 1e-9; // ≤ max row sum
  const sign = Math.sign(f(hi));
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(f(mid)) === sign) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

describe('AHP (Saaty): weights and consistency', () => {
  it('the textbook 3×3: weights 0.157 / 0.594 / 0.249, λmax 3.054, CR 0.046', () => {
    // a12 = 1/3, a13 = 1/2, a23 = 3: the classic worked example. For 3×3 reciprocal matrices
    // λmax = 1 + (a13/(a12·a23))^(1/3) + (a12·a23/a13)^(1/3), and the eigenvector equals the
    // rows' geometric means (Crawford & Williams 1985): both checked exactly here.
    const a = reciprocalMatrix(3, [1 / 3, 1 / 2, 3]);
    const r = ahp(a);
    expect(r.weights.map((w) => +w.toFixed(3))).toEqual([0.157, 0.594, 0.249]);
    const exact = 1 + Math.cbrt(0.5 / (1 / 3) / 3) + Math.cbrt(((1 / 3) * 3) / 0.5);
    expect(r.consistency.lambdaMax).toBeCloseTo(exact, 10);
    expect(r.consistency.lambdaMax).toBeCloseTo(3.0536, 4);
    expect(r.consistency.ci).toBeCloseTo(0.0268, 4);
    expect(r.consistency.cr!).toBeCloseTo(0.0462, 4);
    expect(r.consistency.acceptable).toBe(true);
    geometricMeanWeights(a).forEach((w, i) => expect(w).toBeCloseTo(r.weights[i], 10));
  });

  it('a 4×4: the power iteration finds the Perron vector (A·w = λmax·w) and the root a determinant gives', () => {
    // Saaty-scale judgements over four criteria, slightly inconsistent
    const a = reciprocalMatrix(4, [3, 5, 7, 3, 5, 3]);
    const { weights, lambdaMax } = principalEigenvector(a);
    const aw = a.map((row) => row.reduce((s, x, j) => s + x * weights[j], 0));
    aw.forEach((x, i) => expect(x).toBeCloseTo(lambdaMax * weights[i], 10));
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(lambdaMax).toBeCloseTo(perronRootByBisection(a), 8);
    const c = consistency(a, lambdaMax);
    expect(c.ri).toBe(0.9);
    expect(c.cr!).toBeCloseTo((lambdaMax - 4) / 3 / 0.9, 12);
    // the order the judgements imply: 1 > 2 > 3 > 4
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
    // and a matrix of the weights' own ratios has these weights exactly
    const w = [0.5, 0.25, 0.15, 0.1];
    const consistent = reciprocalMatrix(4, [w[0] / w[1], w[0] / w[2], w[0] / w[3], w[1] / w[2], w[1] / w[3], w[2] / w[3]]);
    principalEigenvector(consistent).weights.forEach((x, i) => expect(x).toBeCloseTo(w[i], 12));
  });

  it('a perfectly consistent matrix has CR = 0', () => {
    const w = [4, 2, 1, 1, 0.5];
    const upper: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) upper.push(w[i] / w[j]);
    const r = ahp(reciprocalMatrix(5, upper));
    expect(r.consistency.lambdaMax).toBeCloseTo(5, 10);
    expect(r.consistency.cr!).toBeCloseTo(0, 10);
    expect(r.revisit).toBeNull();
    // two items are always consistent
    expect(ahp(reciprocalMatrix(2, [7])).consistency).toMatchObject({ cr: 0, acceptable: true });
    expect(ahp(reciprocalMatrix(2, [7])).weights).toEqual([7 / 8, 1 / 8]);
  });

  it('an inconsistent matrix is flagged above 0.10 and the worst comparison is named, with a better value', () => {
    // 1 ≫ 2 (9), 2 ≫ 3 (9), but 3 ≫ 1 (a13 = 1/9): a cycle
    const a = reciprocalMatrix(3, [9, 1 / 9, 9]);
    const r = ahp(a);
    expect(r.consistency.cr!).toBeGreaterThan(0.1);
    expect(r.consistency.acceptable).toBe(false);
    expect(r.revisit).not.toBeNull();
    // changing the named comparison to the suggested value lowers the CR
    const { i, j, suggested } = r.revisit!;
    const fixed = a.map((row) => [...row]);
    fixed[i][j] = suggested;
    fixed[j][i] = 1 / suggested;
    expect(consistency(fixed).cr!).toBeLessThan(r.consistency.cr!);
    expect(mostInconsistentPair(reciprocalMatrix(3, [2, 4, 2]), [4 / 7, 2 / 7, 1 / 7])).toBeNull();
  });

  it('judgements snap to the scale; missing ones count as equal', () => {
    expect(nearestScaleValue(2.9)).toBe(3);
    expect(nearestScaleValue(0.34)).toBeCloseTo(1 / 3, 12);
    expect(nearestScaleValue(50)).toBe(9);
    expect(reciprocalMatrix(3, [])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});

describe('AHP for a group', () => {
  it('the geometric mean of the members\' judgements, hand-computed', () => {
    // member A: a12 = 3; member B: a12 = 1/3 → group 1 (they cancel); a13: 9 and 1 → 3
    const A = reciprocalMatrix(3, [3, 9, 3]);
    const B = reciprocalMatrix(3, [1 / 3, 1, 1 / 3]);
    const g = groupMatrix([A, B]);
    expect(g[0][1]).toBeCloseTo(1, 12);
    expect(g[0][2]).toBeCloseTo(3, 12);
    expect(g[1][2]).toBeCloseTo(1, 12);
    // still reciprocal
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(g[i][j] * g[j][i]).toBeCloseTo(1, 12);
  });

  it('the mean of the members\' weights, with the spread per indicator', () => {
    const g = groupWeights([
      [0.5, 0.3, 0.2],
      [0.3, 0.3, 0.4],
    ]);
    g.mean.forEach((x, i) => expect(x).toBeCloseTo([0.4, 0.3, 0.3][i], 12));
    expect(g.min).toEqual([0.3, 0.3, 0.2]);
    expect(g.max).toEqual([0.5, 0.3, 0.4]);
    g.sd.forEach((x, i) => expect(x).toBeCloseTo([0.1, 0, 0.1][i], 12));
  });
});
