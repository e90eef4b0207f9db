import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../data/db';
import { describeProperties, describeRelation, roundShare, serializeCatalog } from '../../../data/catalog';
import { DATASETS, OUTPUT_FILES } from '../../../data/datasets';

describe('catalog helpers', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('measures completeness as the share of non-null values', async () => {
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES (1, NULL::DOUBLE), (2, 1.5), (3, NULL)) v(a, b)`);
    expect(await describeRelation(db, 't')).toEqual({
      rows: 3,
      columns: [
        { name: 'a', type: 'INTEGER', completeness: 1 },
        { name: 'b', type: 'DOUBLE', completeness: 0.3333 },
      ],
    });
  });

  it('describes TopoJSON properties the same way', async () => {
    const d = await describeProperties(db, 'props', [{ ubigeo: '01', name: 'A' }, { ubigeo: '02' }]);
    expect(d.columns).toEqual([
      { name: 'ubigeo', type: 'VARCHAR', completeness: 1 },
      { name: 'name', type: 'VARCHAR', completeness: 0.5 },
    ]);
  });

  it('rounds shares to 4 decimals', () => {
    expect(roundShare(512 / 7940)).toBe(0.0645);
  });

  it('serialises with no timestamps and a final newline', () => {
    const s = serializeCatalog({ schemaVersion: 1, inputsSha256: 'x', pipelineSha256: 'y', datasets: [] });
    expect(s.endsWith('\n')).toBe(true);
    expect(JSON.parse(s)).toEqual({ schemaVersion: 1, inputsSha256: 'x', pipelineSha256: 'y', datasets: [] });
  });

  it('declares every dataset of the contract with metadata', () => {
    expect(DATASETS.map((d) => d.id)).toEqual([
      'establecimientos', 'emergencias_2024', 'centros_poblados', 'conflictos', 'distritos', 'provincias',
      'limites_departamentos', 'limites_provincias', 'limites_distritos', 'paises',
    ]);
    for (const d of DATASETS) {
      expect(d.title.es && d.title.en && d.institution && d.licence.es && d.licence.en && d.vintage.es && d.vintage.en && d.source).toBeTruthy();
      expect(d.rawFiles.length).toBeGreaterThan(0);
    }
    expect(OUTPUT_FILES).toContain('catalog.json');
  });
});
