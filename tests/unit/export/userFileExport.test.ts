import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import type { Units } from '../../../src/data/units';
import type { Catalog } from '../../../src/data/catalog';
import { rankScenario } from '../../../src/state/ranking';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { defaultScenario } from '../../../src/state/scenario';
import { rankingCsv } from '../../../src/export/csv';
import type { ExportContext } from '../../../src/export/provenance';
import { setUserIndicatorDefs } from '../../../src/domain/indicators';
import { userDefs } from '../../../src/state/userDataState';
import type { UserIndicator } from '../../../src/domain/userIndicators';

// Issue 13: an export says which numbers came from a user's file (name, rows, SHA-256), and no
// text from the file becomes a formula in the CSV.
const sha = 'ab'.repeat(32);
const id = `u_${sha.slice(0, 8)}_brecha_mean`;
const ids = ['0805', '1501'];
const units: Units = {
  level: 'provincia', ids, names: ['Canas', 'Lima'], departamentos: ['Cusco', 'Lima'], ubigeoDep: ['08', '15'], ubigeoProv: ids, provincias: ['Canas', 'Lima'],
  values: { pobreza_pct: Float64Array.from([40, 13]), [id]: Float64Array.from([70, 20]) },
  sql: {},
};
const catalog = { schemaVersion: 1, inputsSha256: 'abcdef0123456789', datasets: [] } as unknown as Catalog;

beforeAll(async () => {
  await initI18n('es');
});

describe('user files in exports', () => {
  it('names the file, its rows and SHA-256 among the sources, and neutralises a formula-looking label', () => {
    const ind: UserIndicator = {
      id, file: sha, column: 'brecha', stat: 'mean', categories: [], label: '=HYPERLINK("x")', unit: '%', vintage: '2025',
      direction: 'up', weight: 20, enabled: true, method: { kind: 'minmax' }, winsorise: null,
    };
    let s = updaters.setWeight(updaters.clearIndicators(defaultScenario()), 'pobreza_pct', 10);
    s = updaters.addUserIndicators(s, { sha256: sha, name: 'inventario.xlsx', bytes: 1000, rows: 42, format: 'xlsx', sheet: 'Hoja1', key: { kind: 'ipress', column: 'codigo_ipress' }, dropped: [] }, [ind]);
    setUserIndicatorDefs(userDefs(s.userData));
    const ranking = rankScenario(units, s);
    expect(ranking.indicatorIds).toEqual(['pobreza_pct', id]);
    const ctx: ExportContext = { scenario: s, units, ranking, catalog, scopeName: 'Perú', lng: 'es', t: i18next.t.bind(i18next) as ExportContext['t'], exportedAt: '2026-05-02T09:00:00.000Z' };
    const csv = rankingCsv(ctx);
    expect(csv).toContain(`archivo propio «inventario.xlsx», 42 filas, SHA-256 ${sha}`);
    expect(csv).toContain('Datos del usuario (no abiertos)');
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(/^"?[=+@]/.test(cell)).toBe(false);
    setUserIndicatorDefs([]);
  });

  it('a ranked conflict indicator brings the user’s event files and the time window into the header', () => {
    let s = updaters.setWeight(updaters.clearIndicators(defaultScenario()), 'conflictos_activos', 10);
    s = updaters.addConflictFile(s, { sha256: sha, name: 'eventos.csv', bytes: 300, events: 2, rejected: 1, fuente: 'Archivo del usuario: eventos.csv' });
    s = { ...s, timeWindow: { from: '2024-01-01', to: '2024-03-31' } };
    const withConflicts: Units = { ...units, values: { ...units.values, conflictos_activos: Float64Array.from([3, 1]) } };
    const ranking = rankScenario(withConflicts, s);
    expect(ranking.indicatorIds).toEqual(['conflictos_activos']);
    const ctx: ExportContext = { scenario: s, units: withConflicts, ranking, catalog, scopeName: 'Perú', lng: 'es', t: i18next.t.bind(i18next) as ExportContext['t'], exportedAt: '2026-05-02T09:00:00.000Z' };
    const csv = rankingCsv(ctx);
    expect(csv).toContain(`eventos de conflicto propios «eventos.csv», 2 eventos, SHA-256 ${sha}`);
    expect(csv).toContain('Ventana de tiempo de los conflictos: de 2024-01-01 a 2024-03-31');
    // without a conflict indicator in the ranking, neither is said
    const plain = updaters.setWeight(updaters.clearIndicators(s), 'pobreza_pct', 10);
    const other = rankingCsv({ ...ctx, scenario: plain, ranking: rankScenario(withConflicts, plain) });
    expect(other).not.toContain('eventos.csv');
    expect(other).not.toContain('Ventana de tiempo');
  });
});
