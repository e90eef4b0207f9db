import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, sqlString, type Db } from '../../../data/db';
import {
  buildFacilityBase, buildTextRepairs, countReplacementCharsInRaw, dropDuplicateCodes, facilityQuirks,
  loadNames, loadRegister, writeFacilities,
} from '../../../data/facilities';
import { REPLACEMENT_CHAR } from '../../../data/text';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/data');
const csv = path.join(fixtures, 'ipress_mini.csv');

describe('facility steps on a hand-made register', () => {
  let db: Db;
  let tmp: string;
  let directorColumn: string | null;
  let rows: Array<Record<string, unknown>>;

  beforeAll(async () => {
    db = await openDb();
    tmp = mkdtempSync(path.join(tmpdir(), 'territorio-fac-'));
    // The intact copy of the register knows code 10 only; `codigo` is VARCHAR as in the real file.
    const names = path.join(tmp, 'nombres.parquet');
    await db.run(`COPY (SELECT * FROM (VALUES ('10', 'CHEJOÑA'), ('99', 'OTRO'))
      v(codigo, nombre)) TO ${sqlString(names)} (FORMAT parquet)`);
    ({ directorColumn } = await loadRegister(db, csv, fixtures, 'ipress_mini.csv'));
    await loadNames(db, names);
  });
  afterAll(() => {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('finds the director column (to drop it) and counts the damaged characters', async () => {
    expect(directorColumn).toBe('Director Médico y/o Responsable de la Atención de Salud');
    // CHEJO?A, RESOLUCI?N, SE?OR, HUAYTAR?, M?DICO, CA?ETE x2, CA?ETE (red), N?, CA?ETE (UE), Categor?a
    expect(await countReplacementCharsInRaw(db)).toBe(11);
  });

  it('keeps the first row of a duplicated code', async () => {
    expect(await dropDuplicateCodes(db)).toBe(1);
    const kept = await db.value<string>(`SELECT "Nombre del establecimiento" FROM ipress_unicos WHERE "Codigo Unico" = '20'`);
    expect(kept).toContain('HUAYTAR');
  });

  it('builds clean rows', async () => {
    await buildTextRepairs(db, ['Cañete', 'SAN VICENTE DE CAÑETE', 'Huaytará', 'SEÑOR', 'Nº 5']);
    await buildFacilityBase(db, directorColumn);
    await writeFacilities(db, [
      { codigo: 10, ubigeoProvGeo: '0101', ubicacion: 'ok' },
      { codigo: 20, ubigeoProvGeo: null, ubicacion: 'fuera_de_limites' },
      { codigo: 30, ubigeoProvGeo: null, ubicacion: 'sin_coordenadas' },
    ], path.join(tmp, 'establecimientos.parquet'));
    rows = await db.rows(`SELECT * FROM read_parquet(${sqlString(path.join(tmp, 'establecimientos.parquet'))}) ORDER BY codigo`);
    expect(rows.map((r) => r.codigo)).toEqual([10, 20, 30]);
  });

  it('recovers names by code, else repairs the CSV text', () => {
    expect(rows[0].nombre).toBe('CHEJOÑA');
    expect(rows[1].nombre).toBe('SEÑOR DE HUAYTARÁ');
  });

  it('repairs labels and free text; no U+FFFD is left', () => {
    expect(rows[1].categoria).toBe('Sin categoría');
    expect(rows[1].tipo).toBe('SERVICIO MÉDICO DE APOYO');
    expect(rows[1].provincia).toBe('CAÑETE');
    expect(rows[1].red).toBe('RED VII CAÑETE - YAUYOS');
    expect(rows[1].unidad_ejecutora).toBe('GOB. REG. Nº 01 CAÑETE');
    for (const r of rows) for (const v of Object.values(r)) {
      if (typeof v === 'string') expect(v).not.toContain(REPLACEMENT_CHAR);
    }
  });

  it('pads UBIGEO and derives province and department', () => {
    expect(rows[0]).toMatchObject({ ubigeo: '010101', ubigeo_prov: '0101', ubigeo_dep: '01' });
  });

  it('swaps NORTE/ESTE back and nulls 0/0', () => {
    expect(rows[0]).toMatchObject({ lon: -77.5, lat: -6.5 });
    expect(rows[2]).toMatchObject({ lon: null, lat: null, ubicacion: 'sin_coordenadas' });
  });

  it('nulls placeholder and impossible dates, keeps beds only where given', () => {
    expect(rows.map((r) => r.inicio_actividad)).toEqual([null, null, null]);
    expect(rows.map((r) => r.anio_inicio)).toEqual([null, null, null]);
    expect(rows.map((r) => r.camas)).toEqual([4, null, 0]);
  });

  it('writes exactly the contract columns: no personal data, no bookkeeping', () => {
    expect(Object.keys(rows[0])).toEqual([
      'codigo', 'nombre', 'institucion', 'clasificacion', 'tipo', 'categoria', 'ubigeo', 'ubigeo_prov',
      'ubigeo_dep', 'departamento', 'provincia', 'distrito', 'disa', 'red', 'microrred', 'unidad_ejecutora',
      'lon', 'lat', 'altitud_m', 'camas', 'inicio_actividad', 'anio_inicio', 'ubigeo_prov_geo', 'ubicacion', 'inicio_alerta',
    ]);
    expect(JSON.stringify(rows)).not.toContain('PERSONA');
  });

  it('counts each quirk', async () => {
    const q = Object.fromEntries(
      (await facilityQuirks(db, { rawRows: 4, duplicatesDropped: 1, replacementChars: 11 })).map((x) => [x.id, x.count]),
    );
    expect(q).toMatchObject({
      codigo_duplicado: 1,
      norte_este_intercambiadas: 2,
      sin_coordenadas: 1,
      ubigeo_sin_ceros: 1,
      texto_u_fffd: 11,
      nombre_recuperado_por_codigo: 1,
      nombre_sin_referencia: 2,
      categoria_reparada: 1,
      tipo_reparado: 1,
      inicio_placeholder_1900: 1,
      inicio_anio_imposible: 1,
      inicio_posterior_al_registro: 1,
      camas_sin_dato: 1,
      director_eliminado: 2,
      ubicacion_otra_provincia: 0,
      ubicacion_fuera_de_limites: 1,
    });
    // provincia, distrito, red, unidad_ejecutora of row 20
    expect(q.texto_reparado_diccionario).toBe(4);
  });
});
