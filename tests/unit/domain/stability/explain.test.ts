import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../../src/i18n/resources';
import { renderText } from '../../../../src/ui/textCode';
import { explainUnit, isStableBand, type ExplainInput, type ExplainStability } from '../../../../src/domain/stability/explain';

async function translator(lng: 'es' | 'en'): Promise<TFunction> {
  const t = i18next.createInstance();
  await t.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, returnNull: false });
  return t.t.bind(t) as TFunction;
}
const paragraph = (t: TFunction, input: ExplainInput) => explainUnit(input).map((c) => renderText(t, c)).join(' ');

const LABELS: Record<string, string> = {
  pobreza: 'pobreza monetaria',
  electricidad: 'establecimientos sin electricidad',
  agua: 'establecimientos sin agua',
  altitud: 'altitud',
  antiguedad: 'antigüedad mediana',
};
const stability = (over: Partial<ExplainStability> = {}): ExplainStability => ({
  draws: 1000, topN: 5, pTopN: 0.87, p05: 2, p95: 6, median: 3, factors: ['weights'], weightMode: 'uniform', weightNoise: 0.25, ...over,
});
const example = (over: Partial<ExplainInput> = {}): ExplainInput => ({
  ubigeo: '1301',
  rank: 3,
  ranked: 13,
  scopeName: 'La Libertad',
  // Out of order on purpose: the two largest are pobreza (34) and electricidad (21).
  contributions: [
    { id: 'agua', points: 20 },
    { id: 'pobreza', points: 34 },
    { id: 'altitud', points: 10 },
    { id: 'electricidad', points: 21 },
    { id: 'antiguedad', points: 15 },
  ],
  stability: stability(),
  stableWidth: 4,
  labelOf: (id) => LABELS[id],
  ...over,
});

describe('explainUnit', () => {
  it('names the two largest contributions with their share of the score', () => {
    const [first] = explainUnit(example());
    expect(first).toEqual({
      key: 'stability.explain.rank.two',
      params: { scope: 'La Libertad', rank: 3, total: 13, a: 'pobreza monetaria', aShare: 34, b: 'establecimientos sin electricidad', bShare: 21 },
    });
    // Shares are of the score (the sum of the contributions), not of 100.
    const [half] = explainUnit(example({ contributions: [{ id: 'pobreza', points: 30 }, { id: 'agua', points: 10 }, { id: 'altitud', points: 20 }] }));
    expect(half.params).toMatchObject({ a: 'pobreza monetaria', aShare: 50, b: 'altitud', bShare: 33 });
  });

  it('uses the right rank words: first, only unit, one indicator, no points, not ranked', () => {
    expect(explainUnit(example({ rank: 1 }))[0].key).toBe('stability.explain.first.two');
    expect(explainUnit(example({ rank: 1, ranked: 1 }))[0].key).toBe('stability.explain.only.two');
    const one = explainUnit(example({ contributions: [{ id: 'pobreza', points: 40 }, { id: 'agua', points: 0 }, { id: 'altitud', points: NaN }] }))[0];
    expect(one).toEqual({ key: 'stability.explain.rank.one', params: { scope: 'La Libertad', rank: 3, total: 13, a: 'pobreza monetaria' } });
    expect(explainUnit(example({ contributions: [{ id: 'pobreza', points: 0 }] }))[0].key).toBe('stability.explain.rank.none');
    expect(explainUnit(example({ rank: 0 }))).toEqual([{ key: 'stability.explain.notRanked', params: { scope: 'La Libertad' } }]);
  });

  it('says when the stability is not computed yet, and when the band is unstable', () => {
    expect(explainUnit(example({ stability: undefined })).map((c) => c.key)).toEqual(['stability.explain.rank.two', 'stability.explain.pending']);
    const stable = explainUnit(example())[1];
    expect(stable).toMatchObject({ key: 'stability.explain.top', params: { count: 5, pct: 87, p05: 2, p95: 6, verdict: { key: 'stability.stable' } } });
    const wide = explainUnit(example({ stability: stability({ p05: 1, p95: 9 }) }))[1];
    expect(wide.params!.verdict).toEqual({ key: 'stability.unstable' });
    expect(isStableBand(2, 6, 4)).toBe(true);
    expect(isStableBand(2, 7, 4)).toBe(false);
  });

  it('outside the top N, gives the band and how often it reaches the top', () => {
    const codes = explainUnit(example({ rank: 8, stability: stability({ pTopN: 0.12, p05: 4, p95: 12 }) }));
    expect(codes.map((c) => c.key)).toEqual([
      'stability.explain.rank.two', 'stability.explain.band', 'stability.explain.reach', 'stability.explain.varied.n1', 'stability.explain.weightNoise',
    ]);
    expect(codes[2].params).toEqual({ count: 5, pct: 12 });
    expect(explainUnit(example({ rank: 8, stability: stability({ pTopN: 0 }) })).map((c) => c.key)).not.toContain('stability.explain.reach');
  });

  it('never rounds a share to none or to all', () => {
    expect(explainUnit(example({ stability: stability({ pTopN: 0.999 }) }))[1].params!.pct).toBe(99);
    expect(explainUnit(example({ stability: stability({ pTopN: 1 }) }))[1].params!.pct).toBe(100);
    expect(explainUnit(example({ rank: 8, stability: stability({ pTopN: 0.001 }) }))[2].params!.pct).toBe(1);
  });

  it('renders the example paragraph in Spanish through the real i18n', async () => {
    expect(paragraph(await translator('es'), example())).toBe(
      'Ocupa el puesto 3 de 13 en La Libertad, principalmente por pobreza monetaria (34 % del puntaje) y establecimientos sin electricidad (21 %). ' +
        'En el 87 % de las 1000 variaciones de los supuestos sigue entre los 5 primeros; su puesto va del 2 al 6 (percentiles 5–95), una posición estable. ' +
        'Supuestos variados: pesos. Cada peso varió hasta ±25 %.',
    );
  });

  it('renders the other cases in Spanish and English', async () => {
    const [es, en] = [await translator('es'), await translator('en')];
    expect(paragraph(es, example({ rank: 1, stability: stability({ topN: 1, pTopN: 0.62, p05: 1, p95: 3 }) }))).toBe(
      'Ocupa el primer puesto de 13 en La Libertad, principalmente por pobreza monetaria (34 % del puntaje) y establecimientos sin electricidad (21 %). ' +
        'En el 62 % de las 1000 variaciones de los supuestos sigue en el primer puesto; su puesto va del 1 al 3 (percentiles 5–95), una posición estable. ' +
        'Supuestos variados: pesos. Cada peso varió hasta ±25 %.',
    );
    expect(paragraph(es, example({ rank: 0, scopeName: { key: 'breadcrumb.peru' } }))).toBe(
      'No tiene puesto en Perú: sus datos no cubren lo suficiente del peso de los indicadores (datos insuficientes), por eso se lista aparte.',
    );
    const unstable = example({
      rank: 9, ranked: 40, contributions: [{ id: 'altitud', points: 55 }],
      stability: stability({ pTopN: 0.05, p05: 3, p95: 25, factors: ['weight', 'normalisation', 'universe'], weightMode: 'dirichlet' }),
    });
    expect(paragraph(es, unstable)).toBe(
      'Ocupa el puesto 9 de 40 en La Libertad; todo su puntaje viene de altitud. ' +
        'Con las 1000 variaciones de los supuestos, su puesto va del 3 al 25 (percentiles 5–95), una posición inestable. ' +
        'Entra entre los 5 primeros en el 5 % de las variaciones. ' +
        'Supuestos variados: pesos, normalización y universo de establecimientos. ' +
        'Los pesos se sortearon de una distribución de Dirichlet alrededor de los elegidos.',
    );
    expect(paragraph(en, unstable)).toBe(
      'It holds rank 9 of 40 in La Libertad; all of its score comes from altitud. ' +
        'Over the 1000 variations of the assumptions, its rank runs from 3 to 25 (5th–95th percentiles), so its position is unstable. ' +
        'It enters the top 5 in 5 % of the variations. ' +
        'Assumptions varied: weights, normalisation and facility universe. ' +
        'The weights were drawn from a Dirichlet distribution around the chosen ones.',
    );
    expect(paragraph(en, example({ stability: undefined }))).toBe(
      'It holds rank 3 of 13 in La Libertad, mainly because of pobreza monetaria (34 % of the score) and establecimientos sin electricidad (21 %). ' +
        'How stable this rank is when the assumptions vary has not been computed yet.',
    );
  });

  it('produces only keys both languages have, with every parameter filled', async () => {
    const inputs: ExplainInput[] = [];
    for (const rank of [0, 1, 3, 8]) {
      for (const ranked of [1, 13]) {
        for (const contributions of [[], [{ id: 'pobreza', points: 5 }], example().contributions]) {
          for (const s of [
            undefined,
            stability({ topN: 1 }),
            stability({ p05: 4, p95: 4 }),
            stability({ topN: 1, p05: 4, p95: 4, pTopN: 0.3 }),
            stability({ p05: 0, p95: 0, factors: [] }),
            stability({ factors: ['weights', 'normalisation', 'aggregation', 'winsorisation', 'universe', 'zeros', 'dates'] }),
            stability({ factors: ['zeros', 'otra cosa'], weightNoise: undefined }),
          ]) inputs.push(example({ rank, ranked, contributions, stability: s }));
        }
      }
    }
    const bad: string[] = [];
    const keys = new Set<string>();
    for (const lng of ['es', 'en'] as const) {
      const t = await translator(lng);
      for (const input of inputs) {
        for (const code of explainUnit(input)) {
          keys.add(code.key);
          const text = renderText(t, code);
          if (text.startsWith('stability.') || text.includes('{{') || /stability\.explain/.test(text)) bad.push(`${lng} ${code.key}: ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(keys.size).toBeGreaterThanOrEqual(20);
  });
});
