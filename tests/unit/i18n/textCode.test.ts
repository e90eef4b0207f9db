import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import { renderText } from '../../../src/ui/textCode';
import { projectionColumns, PROJECTION_ID } from '../../../src/state/projectionState';
import type { Units } from '../../../src/data/units';
import type { SeriesTable } from '../../../src/domain/series';

beforeAll(async () => {
  await initI18n('es');
});

describe('text codes with a nested, translated parameter', () => {
  it('give the nested text the figures of the code around it (the closed projection says why, with numbers)', () => {
    // 10 districts, two of them without the 2007 census: 8 of 10 complete, under the rule's 90 %
    const ids = Array.from({ length: 10 }, (_, i) => `2501${String(i).padStart(2, '0')}`);
    const col = (missing: number[]) => Float64Array.from(ids, (_, i) => (missing.includes(i) ? NaN : 1000 + i));
    const series: SeriesTable = { level: 'distrito', ids, values: { poblacion: { '2007': col([0, 1]), '2017': col([]), '2022': col([]) } } };
    const units = { level: 'distrito', ids } as unknown as Units;
    const method = projectionColumns(series, units, ids.map((_, i) => i)).method[PROJECTION_ID][0];
    const text = renderText(i18next.t, method);
    expect(text).not.toContain('{{');
    expect(text).toContain('Solo 8 de 10 unidades (80 %) tienen los tres periodos; la regla pide 90 %');
  });
});
