import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/domain/random';
import { saltelliDesign, sobol } from '../../../../src/domain/stability/sobol';

describe('Sobol indices (Saltelli design)', () => {
  it('match the Ishigami function within Monte Carlo error', () => {
    // Ishigami (a = 7, b = 0.1): S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)
    const pi = Math.PI;
    const ishigami = (u: Float64Array) => {
      const [x1, x2, x3] = [u[0], u[1], u[2]].map((v) => -pi + 2 * pi * v);
      return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    };
    const r = sobol(ishigami, [1, 1, 1], 20_000, mulberry32(42));
    const expected = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i] - expected.first[i])).toBeLessThan(0.04);
      expect(Math.abs(r.total[i] - expected.total[i])).toBeLessThan(0.03);
    }
    expect(r.runs).toBe(20_000 * 5);
  });

  it('match a linear model, S_i = c_i² / Σ c², with a grouped factor', () => {
    // y = 3·u0 + 1·(u1 + u2): the group {u1, u2} has variance 2/12, u0 has 9/12
    const r = sobol((u) => 3 * u[0] + u[1] + u[2], [1, 2], 20_000, mulberry32(7));
    expect(r.first[0]).toBeCloseTo(9 / 11, 1);
    expect(r.first[1]).toBeCloseTo(2 / 11, 1);
    expect(Math.abs(r.total[0] - 9 / 11)).toBeLessThan(0.03);
    expect(Math.abs(r.total[1] - 2 / 11)).toBeLessThan(0.03);
  });

  it('gives zeros when the output never moves, and the same design for the same seed', () => {
    const r = sobol(() => 4, [1, 1], 100, mulberry32(1));
    expect([...r.first, ...r.total]).toEqual([0, 0, 0, 0]);
    expect(r.variance).toBe(0);
    expect(saltelliDesign(10, [2, 1], mulberry32(3))).toEqual(saltelliDesign(10, [2, 1], mulberry32(3)));
  });
});
