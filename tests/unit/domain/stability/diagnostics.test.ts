import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../../src/i18n/resources';
import { renderText } from '../../../../src/ui/textCode';
import { scoreUnits } from '../../../../src/domain/score';
import {
  HIGH_CORRELATION,
  NEGATIVE_CORRELATION,
  indicatorDiagnostics,
  type DiagnosticsInput,
} from '../../../../src/domain/stability/diagnostics';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const col = (xs: number[]) => Float64Array.from(xs);

async function translator(lng: 'es' | 'en'): Promise<TFunction> {
  const t = i18next.createInstance();
  await t.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
  return t.t.bind(t) as TFunction;
}

// Three indicators over 8 units: b = 2a + 5 (collinear), c runs against a.
const a = [10, 20, 30, 40, 50, 60, 70, 80];
const b = a.map((v) => v / 2 + 5);
const c = [90, 60, 85, 40, 45, 20, 30, 5];
const base = (over: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
  ids: ['a', 'b', 'c'],
  normalised: [col(a), col(b), col(c)],
  score: col(a.map((v, i) => (v + b[i] + c[i]) / 3)),
  scope: all(8),
  weights: Float64Array.from([1 / 3, 1 / 3, 1 / 3]),
  ...over,
});

describe('indicatorDiagnostics', () => {
  it('exports the warning thresholds', () => {
    expect(HIGH_CORRELATION).toBe(0.9);
    expect(NEGATIVE_CORRELATION).toBe(0);
  });

  it('gives a perfectly collinear pair r = 1 and a double-counting warning', () => {
    const d = indicatorDiagnostics(base({ labelOf: (id) => `ind ${id}` }));
    expect(d.correlation.r[0][1]).toBeCloseTo(1, 12);
    expect(d.correlation.r[1][0]).toBe(d.correlation.r[0][1]);
    expect(d.correlation.n[0][1]).toBe(8);
    expect(d.correlation.r[0][0]).toBeCloseTo(1, 12);
    const high = d.warnings.filter((w) => w.kind === 'high');
    expect(high).toHaveLength(1);
    expect(high[0]).toMatchObject({ key: 'stability.diag.highCorrelation', a: 'a', b: 'b', params: { a: 'ind a', b: 'ind b' } });
    expect(high[0].params.r).toBeCloseTo(1, 12);
  });

  it('warns about an anticorrelated pair, most negative first, after the high ones', () => {
    const d = indicatorDiagnostics(base());
    expect(d.correlation.r[0][2]).toBeLessThan(-0.9);
    // a-c and b-c are equally negative (b is a rescaled): their order is not asserted.
    expect(d.warnings.map((w) => `${w.kind} ${w.a}-${w.b}`).sort()).toEqual(['high a-b', 'negative a-c', 'negative b-c']);
    expect(d.warnings[0].kind).toBe('high');
    const ac = d.warnings.find((w) => w.a === 'a' && w.b === 'c')!;
    expect(ac).toMatchObject({ key: 'stability.diag.negativeCorrelation', params: { a: 'a', b: 'c' } });
    expect(ac.r).toBeCloseTo(d.correlation.r[0][2], 12);
  });

  it('counts pairs where both values are present, NaN with fewer than 3, only in scope', () => {
    const x = col([1, 2, NaN, 4, 5, 6]);
    const y = col([2, NaN, 6, 8, 10, 12]);
    const z = col([NaN, NaN, NaN, NaN, 1, 2]);
    const d = indicatorDiagnostics({
      ids: ['x', 'y', 'z'], normalised: [x, y, z], score: col([1, 2, 3, 4, 5, 6]), scope: all(6), weights: Float64Array.from([0.4, 0.4, 0.2]),
    });
    expect(d.correlation.n[0][1]).toBe(4);
    expect(d.correlation.r[0][1]).toBeCloseTo(1, 12);
    expect(d.correlation.n[0][2]).toBe(2);
    expect(d.correlation.r[0][2]).toBeNaN();
    // Out of scope, the last two units do not count.
    const part = indicatorDiagnostics({
      ids: ['x', 'y', 'z'], normalised: [x, y, z], score: col([1, 2, 3, 4, 5, 6]), scope: Int32Array.from([0, 1, 2, 3]), weights: Float64Array.from([0.4, 0.4, 0.2]),
    });
    expect(part.correlation.n[0][1]).toBe(2);
    expect(part.correlation.r[0][1]).toBeNaN();
    expect(part.warnings).toEqual([]);
  });

  it('ignores pairs with an indicator that has no weight', () => {
    const d = indicatorDiagnostics(base({ weights: Float64Array.from([0.5, 0, 0.5]) }));
    expect(d.warnings.map((w) => `${w.a}-${w.b}`)).toEqual(['a-c']);
    expect(d.correlation.r[0][1]).toBeCloseTo(1, 12); // still in the matrix
  });

  it('gives an indicator identical to the score the dominant influence', () => {
    // u is the score; v is orthogonal to it over the 8 units.
    const u = [10, 20, 30, 40, 50, 60, 70, 80];
    const v = [50, 50, 0, 0, 0, 0, 50, 50];
    const d = indicatorDiagnostics({
      ids: ['u', 'v', 'w'], normalised: [col(u), col(v), col(u)], score: col(u), scope: all(8), weights: Float64Array.from([0.5, 0.5, 0]),
    });
    expect(d.influence[0].r2).toBeCloseTo(1, 12);
    expect(d.influence[1].r2).toBeCloseTo(0, 12);
    expect(d.influence[0].influence).toBeCloseTo(1, 12);
    expect(d.influence[1].influence).toBeCloseTo(0, 12);
    expect(d.influence[0].ratio).toBeCloseTo(2, 12);
    expect(d.influence[0].weight).toBe(0.5);
    // Without weight: r² reported, no influence.
    expect(d.influence[2].r2).toBeCloseTo(1, 12);
    expect(d.influence[2].influence).toBeNaN();
    expect(d.influence[2].ratio).toBeNaN();
  });

  it('measures influence on a real score: the heavier of two independent indicators dominates, shares sum to 1', () => {
    const n = 40;
    const heavy = Float64Array.from({ length: n }, (_, i) => i);
    const light = Float64Array.from({ length: n }, (_, i) => (i * 17) % 40);
    const r = scoreUnits({
      unitIds: Array.from({ length: n }, (_, i) => String(i).padStart(4, '0')),
      indicators: [
        { id: 'heavy', direction: 'up', weight: 80, values: heavy },
        { id: 'light', direction: 'up', weight: 20, values: light },
      ],
    });
    const d = indicatorDiagnostics({ ids: ['heavy', 'light'], normalised: r.normalised, score: r.score, scope: all(n), weights: r.weights });
    expect(d.influence[0].influence + d.influence[1].influence).toBeCloseTo(1, 12);
    expect(d.influence[0].influence).toBeGreaterThan(0.9);
    expect(d.influence[0].ratio).toBeGreaterThan(1);
    expect(d.influence[1].ratio).toBeLessThan(1);
  });

  it('reports coverage as the share of units in scope with a value', () => {
    const d = indicatorDiagnostics({
      ids: ['p', 'q'],
      normalised: [col([1, NaN, 3, NaN, 5]), col([1, 2, 3, 4, NaN])],
      score: col([1, 2, 3, 4, 5]),
      scope: Int32Array.from([0, 1, 2, 3]),
      weights: Float64Array.from([0.5, 0.5]),
    });
    expect(d.coverage).toEqual([{ id: 'p', share: 0.5, present: 2 }, { id: 'q', share: 1, present: 4 }]);
    const empty = indicatorDiagnostics({ ids: ['p'], normalised: [col([1])], score: col([1]), scope: new Int32Array(0), weights: Float64Array.from([1]) });
    expect(empty.coverage[0].share).toBeNaN();
    expect(empty.influence[0].influence).toBeNaN();
  });

  it('renders the warnings in Spanish and English, r formatted by the language', async () => {
    const d = indicatorDiagnostics(base({ labelOf: (id) => ({ a: 'Pobreza monetaria', b: 'Pobreza extrema', c: 'Altitud' })[id]! }));
    const [es, en] = [await translator('es'), await translator('en')];
    expect(renderText(es, d.warnings[0])).toBe(
      '«Pobreza monetaria» y «Pobreza extrema» están muy correlacionados (r = 1,00): pueden estar contando dos veces la misma necesidad.',
    );
    expect(renderText(en, d.warnings[0])).toBe(
      '«Pobreza monetaria» and «Pobreza extrema» are highly correlated (r = 1.00): they may be counting the same need twice.',
    );
    expect(renderText(es, d.warnings.find((w) => w.b === 'c')!)).toMatch(/^«Pobreza (monetaria|extrema)» y «Altitud» tienen correlación negativa \(r = -0,9\d\): empujan/);
  });
});
