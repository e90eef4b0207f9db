import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import type { Units } from '../../../src/data/units';
import type { Catalog } from '../../../src/data/catalog';
import { rankScenario } from '../../../src/state/ranking';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { defaultScenario } from '../../../src/state/scenario';
import { rankingCsv } from '../../../src/export/csv';
import { scoredGeoJson } from '../../../src/export/geojson';
import type { ExportContext } from '../../../src/export/provenance';
import { definitionsText } from '../../../src/export/definitionsText';
import { previousDefinitions } from '../../../src/domain/universe';

// Issue 12: every export states the facility universe and the indicator rules.
const ids = ['0805', '1501'];
const units: Units = {
  level: 'provincia',
  ids,
  names: ['Canas', 'Lima'],
  departamentos: ['Cusco', 'Lima'],
  ubigeoDep: ['08', '15'],
  ubigeoProv: ids,
  provincias: ['Canas', 'Lima'],
  values: { pobreza_pct: Float64Array.from([40, 13]) },
  sql: {},
};
const catalog = { schemaVersion: 1, inputsSha256: 'abcdef0123456789', datasets: [] } as unknown as Catalog;
const t = () => i18next.t.bind(i18next) as ExportContext['t'];

function context(s = defaultScenario()): ExportContext {
  s = updaters.setWeight(updaters.clearIndicators(s), 'pobreza_pct', 10);
  return { scenario: s, units, ranking: rankScenario(units, s), catalog, scopeName: 'Perú', lng: 'es', t: t(), exportedAt: '2026-05-02T09:00:00.000Z' };
}

beforeAll(async () => {
  await initI18n('es');
});

describe('the universe in exports', () => {
  it('names the GORE universe and the rules in one sentence, in Spanish and English', async () => {
    expect(definitionsText(defaultScenario().definitions, t())).toBe(
      'Universo: Gobierno regional; niveles: todos; cada establecimiento cuenta uno por establecimiento. Emergencias: Solo los códigos SUSALUD de los establecimientos del universo, sobre esos mismos establecimientos; ' +
        'filas todas en 0: «Sin reporte»: dato faltante (el puntaje no la trata como 0); atenciones inverosímiles: dejarlas fuera (sin dato). Fechas: Sin fechas con alerta (también las probables fechas de registro en bloque). Año de referencia: 2026.',
    );
    expect(definitionsText(previousDefinitions(), t())).toMatch(/^Universo: todos; niveles: todos; .*\(anterior\)/);
    await i18next.changeLanguage('en');
    try {
      expect(definitionsText(defaultScenario().definitions, t())).toMatch(/^Universe: Regional government; levels: all; each facility counts one per facility\./);
    } finally {
      await i18next.changeLanguage('es');
    }
  });

  it('writes it in the CSV header and the GeoJSON metadata', () => {
    const ctx = context();
    const csv = rankingCsv(ctx);
    expect(csv).toContain('# Universo: Gobierno regional; niveles: todos; cada establecimiento cuenta uno por establecimiento.');
    expect(scoredGeoJson(ctx, { type: 'FeatureCollection', features: [] }).metadata.definitions).toMatch(/^Universo: Gobierno regional/);
  });
});
