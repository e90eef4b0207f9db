import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../../../../src/domain/score';
import { mulberry32, dirichlet } from '../../../../src/domain/random';
import {
  RankHistogram, createEvaluator, defaultStabilitySettings, factorsOf, meanRankShift, runUncertainty, summarise,
  type StabilityModel, type StabilitySettings,
} from '../../../../src/domain/stability/uncertainty';

/** A model over random values with gaps, as the app builds it from a scenario. */
function randomModel(n: number, k: number, seed: number, extra: Partial<StabilityModel> = {}): StabilityModel {
  const random = mulberry32(seed);
  const values = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => (random() < 0.05 ? NaN : random() * 100)));
  return {
    unitIds: Array.from({ length: n }, (_, i) => String(1000 + i)),
    scope: Int32Array.from({ length: n }, (_, i) => i),
    indicatorIds: Array.from({ length: k }, (_, j) => `i${j}`),
    directions: Array.from({ length: k }, (_, j) => (j % 3 === 2 ? 'down' : 'up')),
    weights: Array.from({ length: k }, (_, j) => 1 + j),
    methods: Array.from({ length: k }, () => ({ kind: 'minmax' as const })),
    winsorise: Array.from({ length: k }, () => null),
    aggregation: 'arithmetic',
    missing: 'reweight',
    coverageThreshold: 0.65,
    variants: [values],
    definitionFactors: [],
    ...extra,
  };
}

const settings = (over: Partial<StabilitySettings> = {}): StabilitySettings => ({ ...defaultStabilitySettings(), draws: 200, ...over });

function scenarioRanks(model: StabilityModel): Int32Array {
  const r = scoreUnits({
    unitIds: model.unitIds,
    scope: model.scope,
    aggregation: model.aggregation,
    missing: model.missing,
    coverageThreshold: model.coverageThreshold,
    indicators: model.indicatorIds.map((id, j) => ({
      id, direction: model.directions[j], weight: model.weights[j], values: model.variants[0][j],
      method: model.methods[j], winsorise: model.winsorise[j] ?? undefined,
    })),
  });
  return Int32Array.from(model.scope, (i) => r.rank[i]);
}

describe('rank stability (Monte Carlo)', () => {
  it.each([
    ['arithmetic', 'reweight'],
    ['geometric', 'reweight'],
    ['arithmetic', 'exclude'],
  ] as const)('reproduces the scenario ranks exactly when nothing varies (%s, %s)', (aggregation, missing) => {
    const model = randomModel(150, 6, 11, { aggregation, missing });
    const ev = createEvaluator(model, settings({ weights: 'off' }));
    expect(ev.factors).toHaveLength(0);
    expect([...ev.baseRanks]).toEqual([...scenarioRanks(model)]);
  });

  it('collapses every band to the base rank with zero perturbation', () => {
    const model = randomModel(120, 5, 3);
    const base = scenarioRanks(model);
    for (const s of [settings({ weights: 'off' }), settings({ weights: 'uniform', weightNoise: 0 })]) {
      const r = runUncertainty(model, s, 10);
      for (let p = 0; p < base.length; p++) {
        expect(r.median[p]).toBe(base[p]);
        expect(r.p05[p]).toBe(base[p]);
        expect(r.p95[p]).toBe(base[p]);
        expect(r.pTopN[p]).toBe(base[p] > 0 && base[p] <= 10 ? 1 : 0);
        expect(r.pFirst[p]).toBe(base[p] === 1 ? 1 : 0);
      }
    }
  });

  it('gives the analytic probability with one indicator against another', () => {
    // X = (100, 0), Y = (0, 100) after min-max; X is first iff its weight draw beats Y's.
    // wA ~ U[0.6, 1.8], wB ~ U[0.5, 1.5]: P(wA > wB) = 1 − 0.81 / 2.4 = 0.6625.
    const model = randomModel(2, 2, 1, {
      directions: ['up', 'up'],
      weights: [1.2, 1],
      variants: [[Float64Array.of(100, 0), Float64Array.of(0, 100)]],
    });
    const r = runUncertainty(model, settings({ weightNoise: 0.5, draws: 20_000, seed: 5 }), 1);
    expect(r.pFirst[0]).toBeCloseTo(0.6625, 1);
    expect(Math.abs(r.pFirst[0] - 0.6625)).toBeLessThan(0.015);
    expect(r.pFirst[0] + r.pFirst[1]).toBeCloseTo(1, 10);
    expect(r.pTopN[1]).toBe(r.pFirst[1]);
    expect([r.p05[0], r.p95[0], r.median[0]]).toEqual([1, 2, 1]);
  });

  it('keeps a unit that dominates every indicator first in every draw', () => {
    const a = Float64Array.from({ length: 30 }, (_, i) => (i === 7 ? 500 : i));
    const model = randomModel(30, 2, 2, { directions: ['up', 'up'], variants: [[a, Float64Array.from(a, (v) => v * 2)]] });
    const r = runUncertainty(model, settings({ weights: 'dirichlet', draws: 500 }), 3);
    expect(r.pFirst[7]).toBe(1);
    expect(r.p95[7]).toBe(1);
  });

  it('gives bit-identical output for the same seed, and another for another seed', () => {
    const model = randomModel(80, 6, 9);
    const s = settings({ normalisation: true, aggregation: true, winsorisation: true, draws: 300 });
    const a = runUncertainty(model, s, 5);
    const b = runUncertainty(model, s, 5);
    expect(a).toEqual(b);
    const c = runUncertainty(model, { ...s, seed: s.seed + 1 }, 5);
    expect([...c.pTopN]).not.toEqual([...a.pTopN]);
  });

  it('switches definition variants: a factor with identical data changes nothing, a different one does', () => {
    const model = randomModel(60, 3, 4);
    const same = { ...model, variants: [model.variants[0], model.variants[0]], definitionFactors: ['zeros' as const] };
    const flat = runUncertainty(same, settings({ weights: 'off' }), 5);
    expect([...flat.p05]).toEqual([...flat.p95]);
    const shuffled = model.variants[0].map((col) => Float64Array.from(col).reverse());
    const other = { ...model, variants: [model.variants[0], shuffled], definitionFactors: ['zeros' as const] };
    const moved = runUncertainty(other, settings({ weights: 'off' }), 5);
    expect([...moved.p05].some((v, p) => v !== moved.p95[p])).toBe(true);
  });

  it('lists one factor per weighted indicator, or one for a Dirichlet draw', () => {
    const model = randomModel(10, 4, 1, { weights: [1, 0, 2, 3] });
    expect(factorsOf(model, settings()).map((f) => f.indicator)).toEqual(['i0', 'i2', 'i3']);
    expect(factorsOf(model, settings({ weights: 'dirichlet', aggregation: true })).map((f) => f.kind)).toEqual(['weights', 'aggregation']);
  });

  it('reads quantiles off the rank counts', () => {
    const h = new RankHistogram(4);
    // unit 0: ranks 1×5, 2×3, 4×2 → median 1, p05 1, p95 4; never ranked once
    const draws = [1, 1, 1, 1, 1, 2, 2, 2, 4, 4, 0];
    for (const r of draws) h.add(Int32Array.of(r, 1, 1, 1));
    const s = summarise(h, 2);
    expect([s.median[0], s.p05[0], s.p95[0]]).toEqual([1, 1, 4]);
    expect(s.pTopN[0]).toBeCloseTo(8 / 11, 12);
    expect(s.pRanked[0]).toBeCloseTo(10 / 11, 12);
    expect(meanRankShift(Int32Array.of(3, 1, 0), Int32Array.of(1, 1, 2))).toBe(1);
  });

  it('draws Dirichlet weights centred on the scenario weights', () => {
    const random = mulberry32(1);
    const out = new Float64Array(3);
    const mean = new Float64Array(3);
    for (let d = 0; d < 4000; d++) {
      dirichlet([50, 30, 20], random, out);
      for (let j = 0; j < 3; j++) mean[j] += out[j] / 4000;
    }
    expect(mean[0]).toBeCloseTo(0.5, 2);
    expect(mean[2]).toBeCloseTo(0.2, 2);
  });
});
