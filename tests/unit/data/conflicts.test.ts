// The conflicts step on the real raw files (the Defensoría's March 2024 mining cases and the
// INEI boundaries), written to a temporary folder and read back with DuckDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveDataPaths } from '../../../data/config';
import { openDb, sqlString, type Db } from '../../../data/db';
import { DataInputError } from '../../../data/errors';
import { RAW_FILES } from '../../../data/rawFiles';
import { rawPath } from '../../../data/inputs';
import { readBoundary, type Boundary } from '../../../data/boundaries';
import { buildConflicts, conflictQuirks, writeConflicts, type ConflictBuildReport } from '../../../data/conflicts';
import { CONFLICT_EVENT_COLUMNS } from '../../../src/domain/conflictEvents';

const { rawDir } = resolveDataPaths();
const tmp = mkdtempSync(path.join(tmpdir(), 'territorio-conflictos-'));
const out = path.join(tmp, 'conflictos.parquet');
const pq = `read_parquet(${sqlString(out)})`;
let db: Db;
let report: ConflictBuildReport;
let boundaries: { districts: Boundary; provinces: Boundary };

beforeAll(async () => {
  boundaries = {
    districts: readBoundary(rawPath(rawDir, RAW_FILES.limitesDistritos), RAW_FILES.limitesDistritos, rawDir, 6).boundary,
    provinces: readBoundary(rawPath(rawDir, RAW_FILES.limitesProvincias), RAW_FILES.limitesProvincias, rawDir, 4).boundary,
  };
  db = await openDb();
  report = await buildConflicts(db, rawPath(rawDir, RAW_FILES.conflictos), RAW_FILES.conflictos.path, rawDir, boundaries);
  await writeConflicts(db, out);
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('conflictos.parquet (real raw file)', () => {
  it('has the contract\'s columns and types', async () => {
    const schema = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${pq}`);
    expect(schema.map((c) => [c.column_name, c.column_type])).toEqual(CONFLICT_EVENT_COLUMNS.map((c) => [c.name, c.type]));
  });

  it('keeps all 81 cases, each in a known province, with unique ids and the report\'s month', async () => {
    const [r] = await db.rows<Record<string, number>>(`SELECT count(*) AS n, count(DISTINCT id) AS ids,
        count(*) FILTER (length(ubigeo_prov) = 4 AND ubigeo_dep = substr(ubigeo_prov, 1, 2)) AS prov,
        count(*) FILTER (ubigeo IS NULL OR substr(ubigeo, 1, 4) = ubigeo_prov) AS coherentes,
        count(*) FILTER (fecha_inicio = DATE '2024-03-01' AND fecha_fin = DATE '2024-03-31'
          AND periodo = '2024-03' AND precision_fecha = 'mes') AS marzo,
        count(*) FILTER (serie = 'defensoria_mensual_mineria_v1'
          AND fuente = 'Defensoría del Pueblo, reporte mensual de conflictos sociales, marzo 2024') AS fuente,
        count(*) FILTER (lon BETWEEN -82 AND -68 AND lat BETWEEN -19 AND 0.5) AS en_peru
      FROM ${pq}`);
    expect(r).toEqual({ n: 81, ids: 81, prov: 81, coherentes: 81, marzo: 81, fuente: 81, en_peru: 81 });
    const provinces = new Set(boundaries.provinces.features.map((f) => f.properties.ubigeo));
    const used = await db.rows<{ ubigeo_prov: string }>(`SELECT DISTINCT ubigeo_prov FROM ${pq}`);
    expect(used.every((u) => provinces.has(u.ubigeo_prov))).toBe(true);
    expect(await db.value(`SELECT id FROM ${pq} LIMIT 1`)).toBe('defensoria_2024-03_001');
  });

  it('normalises the status and keeps the source text', async () => {
    const rows = await db.rows<{ estado: string; n: number }>(`SELECT estado, count(*) AS n FROM ${pq} GROUP BY estado ORDER BY estado`);
    expect(rows).toEqual([
      { estado: 'activo', n: 58 }, { estado: 'latente', n: 17 }, { estado: 'resuelto', n: 4 }, { estado: 'retirado', n: 2 },
    ]);
    expect(await db.value(`SELECT count(*) FROM ${pq} WHERE lower(estado_fuente) <> estado`)).toBe(0);
    const [f] = await db.rows<Record<string, number>>(`SELECT count(*) FILTER (violencia) AS vio, count(*) FILTER (dialogo) AS dial,
        count(*) FILTER (violencia IS NULL OR dialogo IS NULL) AS nulos FROM ${pq}`);
    expect(f).toEqual({ vio: 58, dial: 41, nulos: 0 });
  });

  it('places 8 cases in their province only ("No detalla" ×7 and one misspelt district)', async () => {
    const rows = await db.rows<{ distrito_fuente: string; provincia: string }>(`SELECT distrito_fuente, provincia FROM ${pq}
      WHERE nivel_ubicacion = 'provincia' ORDER BY id`);
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.distrito_fuente === 'No detalla')).toHaveLength(7);
    expect(rows.find((r) => r.distrito_fuente !== 'No detalla')).toEqual({ distrito_fuente: 'San Francisco de Ravacayco', provincia: 'Parinacochas' });
    expect(await db.value(`SELECT count(*) FROM ${pq} WHERE nivel_ubicacion = 'distrito' AND length(ubigeo) = 6 AND distrito IS NOT NULL`)).toBe(73);
  });

  it('reports the quirks with their counts', () => {
    const quirks = Object.fromEntries(conflictQuirks(report).map((q) => [q.id, q]));
    expect(Object.keys(quirks).sort()).toEqual(['distrito_no_reconocido', 'punto_en_otra_provincia', 'punto_nivel_distrito']);
    expect(quirks.distrito_no_reconocido.count).toBe(8);
    expect(quirks.distrito_no_reconocido.description.es).toBe(
      '8 casos sin distrito reconocible: ubicados en su provincia ("No detalla" ×7, ' +
        '"San Francisco de Ravacayco" (Parinacochas; ¿San Francisco de Rivacayco?)).',
    );
    expect(quirks.punto_nivel_distrito.count).toBe(81);
    // Three source points fall outside their declared province (e.g. Vilca, Huancavelica, whose point is in Cusco).
    expect(quirks.punto_en_otra_provincia.count).toBe(3);
    expect(quirks.punto_en_otra_provincia.description.es).toContain('Vilca, Huancavelica');
    expect(report.centroides).toBe(0);
  });

  it('writes the same bytes twice', async () => {
    const again = path.join(tmp, 'otra.parquet');
    await writeConflicts(db, again);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('stops with a Spanish DataInputError when a case cannot be placed in a province', async () => {
    const bad = path.join(tmp, 'malo.csv');
    const text = readFileSync(rawPath(rawDir, RAW_FILES.conflictos), 'utf8').trimEnd();
    // The raw file ends its lines with CRLF; the extra row does too.
    writeFileSync(bad, `${text}\r\nCaso X,Peru,Lima,Provincia Inventada,Algo,E,Socioambiental,Minería,Activo,Diálogo,No,No,Gobierno nacional,-12,-77\r\n`);
    const db2 = await openDb();
    try {
      const error = await buildConflicts(db2, bad, 'conflicts/malo.csv', tmp, boundaries).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataInputError);
      expect((error as Error).message).toBe(
        `El archivo «conflicts/malo.csv» (en «${tmp}») tiene 1 fila que no se puede ubicar ni leer: ` +
          'fila 83: la provincia "Provincia Inventada" no existe en el departamento Lima. ' +
          'Cada caso debe nombrar al menos un departamento y una provincia existentes.',
      );
    } finally {
      db2.close();
    }
  });

  it('names the file when it is not readable CSV', async () => {
    const bad = path.join(tmp, 'roto.csv');
    writeFileSync(bad, 'caso,departamento\n"sin cerrar,Lima\n');
    const db2 = await openDb();
    try {
      const error = await buildConflicts(db2, bad, 'conflicts/roto.csv', tmp, boundaries).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataInputError);
      expect((error as Error).message).toMatch(/^El archivo «conflicts\/roto\.csv» \(en «.*»\) está mal formado: no se pudo leer como CSV/);
    } finally {
      db2.close();
    }
  });
});

describe('conflictQuirks: other row warnings', () => {
  it('quotes the first warning of each code with the app\'s texts, in Spanish and English', () => {
    const quirks = conflictQuirks({
      rows: 2,
      warnings: [
        { line: 5, code: 'si_no_invalido', params: { columna: 'vio_if', valor: 'tal vez' } },
        { line: 9, code: 'si_no_invalido', params: { columna: 'dial_if', valor: '?' } },
      ],
      outside: [],
      centroides: 0,
    });
    const q = quirks.find((x) => x.id === 'si_no_invalido');
    expect(q?.count).toBe(2);
    expect(q?.description).toEqual({
      es: '2 avisos al leer las filas, p. ej. fila 5: la columna vio_if tiene "tal vez", que no es sí ni no; se dejó vacía.',
      en: '2 warnings while reading the rows, e.g. row 5: the column vio_if holds "tal vez", which is neither yes nor no; left empty.',
    });
  });
});
