// The user's own files, end to end in Node: the synthetic fixtures (tests/fixtures/userData)
// through the one reader, joined to the real boundaries and register, turned into indicators,
// and a saved scenario that references a file reopened through the coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Topology } from 'topojson-specification';
import { resolveDataPaths } from '../../../data/config';
import { buildAll } from '../../../data/build';
import { boundariesFromTopology } from '../../../src/data/boundaries';
import { readUserFile } from '../../../src/data/userFile/read';
import { loadRegister } from '../../../src/data/register';
import { guessKey, joinTable, type JoinContext, type KeySpec, type UserFileRef } from '../../../src/domain/userData';
import { userIndicatorId, userIndicatorValues, type UserIndicator } from '../../../src/domain/userIndicators';
import { summariseJoin } from '../../../src/domain/userSummary';
import { inadequateCapacity } from '../../../src/domain/facilityCondition';
import { Coordinator } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { defaultScenario } from '../../../src/state/scenario';
import { parseScenario } from '../../../src/state/scenarioCodec';
import { scenarioDiff, scenarioFromDiff } from '../../../src/state/scenarioLink';
import { valueOf } from '../../../src/state/loadState';
import { DataError } from '../../../src/data/errors';
import { nodeDeps } from '../../support/nodeDeps';
import { NodeDataSource } from '../../support/nodeDataSource';
import type { Units } from '../../../src/data/units';
import { ok } from '../data/userFile/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/userData');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
let dataDir: string;
let tmp: string | null = null;
let ctx: JoinContext;
let source: NodeDataSource;

beforeAll(async () => {
  dataDir = resolveDataPaths().outDir;
  if (!existsSync(path.join(dataDir, 'catalog.json'))) {
    tmp = mkdtempSync(path.join(tmpdir(), 'territorio-user-'));
    dataDir = tmp;
    await buildAll({ outDir: dataDir });
  }
  const topo = (f: string, o: string) => boundariesFromTopology(JSON.parse(readFileSync(path.join(dataDir, f), 'utf8')) as Topology, o);
  const provinces = topo('limites_provincias.topojson', 'provincias');
  source = await NodeDataSource.open(dataDir);
  await source.loadParquet('establecimientos', path.join(dataDir, 'establecimientos.parquet'));
  const districts = topo('limites_distritos.topojson', 'distritos').features;
  ctx = {
    districtIds: new Set(districts.map((f) => f.properties.ubigeo)),
    districts,
    provinceIds: new Set(provinces.features.map((f) => f.properties.ubigeo)),
    departmentIds: new Set(provinces.features.map((f) => f.properties.ubigeo.slice(0, 2))),
    register: await loadRegister(source),
  };
}, 600_000);
afterAll(async () => {
  await source?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const unitsOf = (level: 'provincia' | 'distrito', ids: string[]): Units => ({
  level,
  ids,
  names: ids,
  departamentos: ids,
  ubigeoDep: ids.map((i) => i.slice(0, 2)),
  ubigeoProv: ids.map((i) => i.slice(0, 4)),
  provincias: ids,
  values: {},
  sql: {},
});

const indicator = (file: string, column: string | null, stat: UserIndicator['stat'], categories: string[] = []): UserIndicator => ({
  id: userIndicatorId(file, column, stat, categories),
  file,
  column,
  stat,
  categories,
  label: 'prueba',
  unit: '%',
  vintage: '2025',
  direction: 'up',
  weight: 10,
  enabled: true,
  method: { kind: 'minmax' },
  winsorise: null,
});

describe('user files joined to the territory', () => {
  it('a Windows-1252 `;` CSV with decimal commas and district codes without their zero', async () => {
    const r = ok(await readUserFile(fixture('prueba_brecha_distritos_w1252.csv'), 'x.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.table.columns).toContain('Índice de brecha');
    const key = guessKey(r.table)!;
    expect(key).toEqual({ kind: 'ubigeo', column: 'UBIGEO', level: 'distrito' });
    const j = joinTable(r.table, key, ctx);
    expect(j.report).toMatchObject({ rows: 11, matched: 10, unmatchedTotal: 1, zerosRestored: 10, duplicatesTotal: 0 });
    expect(j.report.unmatched).toEqual([{ value: '999999', rows: 1 }]);
    const col = j.report.columns.find((c) => c.name === 'Índice de brecha')!;
    expect(col).toMatchObject({ kind: 'numerico', decimal: 'comma', nulls: 0 });
    expect(j.report.columns.find((c) => c.name === 'Riesgo')!.kind).toBe('categorico');
    const values = userIndicatorValues(indicator('a'.repeat(64), 'Índice de brecha', 'mean'), summariseJoin(j, ctx.register), unitsOf('distrito', ['010101', '010102', '010111']));
    expect([...values]).toEqual([10, 17.5, NaN]);
    // district rows roll up to their province with the chosen function
    const share = userIndicatorValues(indicator('a'.repeat(64), 'Riesgo', 'share', ['alto']), summariseJoin(j, ctx.register), unitsOf('provincia', ['0101', '0102']));
    expect(share[0]).toBeCloseTo(40, 6); // 4 of the 10 Chachapoyas rows are «alto»
    expect(share[1]).toBeNaN();
  });

  it('the facility-condition template as XLSX: IPRESS codes as numbers, MINSA’s five-year rule', async () => {
    const r = ok(await readUserFile(fixture('prueba_condicion_establecimientos.xlsx'), 'c.xlsx'));
    expect(r.format).toBe('xlsx');
    expect(r.sheets).toEqual({ names: ['establecimientos', 'notas'], read: 'establecimientos' });
    const key = guessKey(r.table)!;
    expect(key).toEqual({ kind: 'ipress', column: 'codigo_ipress' });
    const j = joinTable(r.table, key, ctx);
    expect(j.report).toMatchObject({ rows: 12, matched: 12, level: 'establecimiento' });
    const minsa = userIndicatorValues(indicator('b'.repeat(64), 'anio_ultima_intervencion_integral', 'minsa'), summariseJoin(j, ctx.register), unitsOf('distrito', ['010101', '010514']));
    expect(minsa[0]).toBe(100); // 4839 (no intervention) and 4840 (2011)
    const notas = ok(await readUserFile(fixture('prueba_condicion_establecimientos.xlsx'), 'c.xlsx', { sheet: 'notas' }));
    expect(notas.table.columns).toEqual(['nota']);
    expect(inadequateCapacity(2022, 2026)).toBe(false);
    expect(inadequateCapacity(2021, 2026)).toBe(true);
    expect(inadequateCapacity(null, 2026)).toBe(true);
    expect(inadequateCapacity(2030, 2026)).toBeNull();
  });

  it('the summary the worker sends holds per-unit sums, not rows, and gives what the rows give', async () => {
    const r = ok(await readUserFile(fixture('prueba_brecha_distritos_w1252.csv'), 'x.csv'));
    const j = joinTable(r.table, guessKey(r.table)!, ctx);
    const summary = summariseJoin(j, ctx.register);
    // one cell per placed district, no row objects
    expect(summary.cells.length).toBe(new Set(j.district.filter((d) => d !== null)).size);
    expect(Object.values(summary).some((v) => Array.isArray(v) && v.length === r.table.records.length && typeof v[0] === 'object')).toBe(false);
    // the province mean from the rows themselves, decimal commas read as the reader reads them
    const rows = r.table.records
      .map((rec, i) => ({ prov: j.province[i], x: Number(rec['Índice de brecha'].replace(',', '.')) }))
      .filter((x) => x.prov === '0101');
    const mean = rows.reduce((a, b) => a + b.x, 0) / rows.length;
    const units = unitsOf('provincia', ['0101']);
    expect(userIndicatorValues(indicator('a'.repeat(64), 'Índice de brecha', 'mean'), summary, units)[0]).toBeCloseTo(mean, 10);
    expect(userIndicatorValues(indicator('a'.repeat(64), 'Índice de brecha', 'sum'), summary, units)[0]).toBeCloseTo(mean * rows.length, 9);
    expect(userIndicatorValues(indicator('a'.repeat(64), null, 'count'), summary, units)[0]).toBe(rows.length);
    // a column the summary has no sums for says nothing (NaN), it is not zero
    expect(userIndicatorValues(indicator('a'.repeat(64), 'Riesgo', 'mean'), summary, units)[0]).toBeNaN();
  });

  it('a facility file’s summary keeps each facility’s first row as text for its card, and survives a structured clone', async () => {
    const r = ok(await readUserFile(fixture('prueba_condicion_establecimientos.xlsx'), 'c.xlsx'));
    const j = joinTable(r.table, guessKey(r.table)!, ctx);
    const summary = structuredClone(summariseJoin(j, ctx.register));
    const first = r.table.records.findIndex((_, i) => j.facility[i] >= 0);
    const codigo = ctx.register!.codigo[j.facility[first]];
    const entries = summary.facilities.get(codigo)!;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map(([c]) => c)).not.toContain('codigo_ipress');
    for (const [c, v] of entries) expect(r.table.records[first][c]).toBe(v);
    expect(summary.minsa.get('anio_ultima_intervencion_integral')).toBeDefined();
  });

  it('Parquet with province codes stored as integers, and GeoJSON points placed by polygon', async () => {
    const p = ok(await readUserFile(fixture('prueba_provincias.parquet'), 'p.parquet'));
    const j = joinTable(p.table, guessKey(p.table)!, ctx);
    expect(j.key).toEqual({ kind: 'ubigeo', column: 'ubigeo', level: 'provincia' });
    expect(j.report).toMatchObject({ rows: 4, matched: 3, unmatched: [{ value: '9999', rows: 1 }] });
    const g = ok(await readUserFile(fixture('prueba_puntos.geojson'), 'g.geojson'));
    expect(g.format).toBe('geojson');
    const gj = joinTable(g.table, guessKey(g.table)!, ctx);
    expect(gj.report).toMatchObject({ rows: 4, matched: 3, level: 'punto' });
    expect(gj.district[0]).toBe('010101');
  });

  it('an office-shaped workbook: title rows skipped, the person-in-charge column refused then dropped', async () => {
    const file = fixture('prueba_inventario_oficina.xlsx');
    const refused = await readUserFile(file, 'i.xlsx');
    expect(refused.ok ? null : refused.error).toEqual({ code: 'datos_personales', params: { columnas: [{ columna: 'Responsable del EESS', tipo: 'nombre' }] } });
    const r = ok(await readUserFile(file, 'i.xlsx', { dropColumns: ['Responsable del EESS'] }));
    expect(r.warnings).toEqual([{ code: 'filas_titulo_omitidas', params: { filas: 3, linea: 4 } }]);
    const j = joinTable(r.table, guessKey(r.table)!, ctx);
    expect(j.key).toEqual({ kind: 'ipress', column: 'Cód. RENIPRESS' });
    // the totals row has no code: reported as a row without a key, not joined
    expect(j.report).toMatchObject({ rows: 4, matched: 3, emptyKey: 1, unmatchedTotal: 0 });
    const minsa = userIndicatorValues(indicator('c'.repeat(64), 'Año última intervención', 'minsa'), summariseJoin(j, ctx.register), unitsOf('provincia', ['0101', '0105']));
    expect(minsa[0]).toBe(100); // 4839 (2009) and 4840 (none), both in Chachapoyas
    expect(minsa[1]).toBe(0); // 4850 (I-3, 2024) in Luya
  });

  it('bad files each get their own error code', async () => {
    const code = async (name: string) => {
      const r = await readUserFile(fixture(name), name);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code('prueba_vacio.csv')).toBe('archivo_vacio');
    expect(await code('prueba_binario.csv')).toBe('formato_no_soportado');
    expect(await code('prueba_pagina.csv')).toBe('formato_no_soportado');
    expect(await code('prueba_irregular.csv')).toBe('filas_irregulares');
    expect(await code('prueba_personal.csv')).toBe('datos_personales');
    expect(await code('prueba_truncado.xlsx')).toBe('xlsx_ilegible');
    expect(await code('prueba_truncado.parquet')).toBe('parquet_ilegible');
    const dropped = ok(await readUserFile(fixture('prueba_personal.csv'), 'p.csv', { dropColumns: ['dni'] }));
    expect(dropped.table.columns).toEqual(['ubigeo', 'valor']);
    const none = ok(await readUserFile(fixture('prueba_sin_clave.csv'), 's.csv'));
    expect(guessKey(none.table)).toBeNull();
    const text = ok(await readUserFile(fixture('prueba_texto_en_numeros.csv'), 't.csv'));
    const col = joinTable(text.table, guessKey(text.table)!, ctx).report.columns.find((c) => c.name === 'valor')!;
    expect(col).toMatchObject({ kind: 'numerico', notNumbersTotal: 1, notNumbers: [{ line: 3, value: 'no sabe' }] });
    const unmatched = ok(await readUserFile(fixture('prueba_sin_coincidencias.csv'), 'u.csv'));
    expect(joinTable(unmatched.table, guessKey(unmatched.table)!, ctx).report.matched).toBe(0);
  });
});

describe('a scenario that uses a user file', () => {
  it('reopens through the codec and the coordinator: the file is read again and its indicator ranks', async () => {
    const bytes = fixture('prueba_brecha_distritos_w1252.csv');
    const sha = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    const ref: UserFileRef = { sha256: sha, name: 'prueba_brecha_distritos_w1252.csv', bytes: bytes.length, rows: 11, format: 'csv', sheet: null, key: { kind: 'ubigeo', column: 'UBIGEO', level: 'distrito' }, dropped: [] };
    const ind = { ...indicator(sha, 'Índice de brecha', 'mean'), weight: 50 };
    const saved = JSON.parse(JSON.stringify({ ...defaultScenario(), userData: { files: [ref], indicators: [ind] } }));
    const { scenario } = parseScenario(saved);
    expect(scenario.userData.indicators.map((i) => i.id)).toEqual([ind.id]);
    // an old scenario without the field opens with none
    const { userData: _omit, ...old } = saved;
    void _omit;
    expect(parseScenario(old).scenario.userData).toEqual({ files: [], indicators: [], conflictFiles: [] });

    // a share link cannot carry the file: it leaves the user data out, and still opens
    const diff = scenarioDiff(scenario);
    expect(JSON.stringify(diff)).not.toContain(sha);
    expect(scenarioFromDiff(JSON.parse(JSON.stringify(diff))).scenario.userData).toEqual({ files: [], indicators: [], conflictFiles: [] });
    const store = createAppStore({ scenario });
    const deps = {
      ...nodeDeps(dataDir),
      loadUserFile: async (r: UserFileRef, c: JoinContext) => {
        const read = ok(await readUserFile(fixture(r.name), r.name, { sheet: r.sheet, dropColumns: r.dropped }));
        return summariseJoin(joinTable(read.table, r.key, c), c.register);
      },
    };
    const c = new Coordinator(store, deps);
    await c.start();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the user file never loaded')), 60_000);
      const check = () => {
        const st = store.getState().data.userFiles[sha];
        if (st?.status === 'ready' || st?.status === 'error') {
          clearTimeout(timer);
          resolve();
        }
      };
      store.subscribe(check);
      check();
    });
    const s = store.getState();
    expect(valueOf(s.data.userFiles[sha])!.report.matched).toBe(10);
    const ranking = s.derived.ranking!;
    expect(ranking.ranking.indicatorIds).toContain(ind.id);
    const units = ranking.units;
    const i = units.ids.indexOf('0101');
    expect(units.values[ind.id][i]).toBeCloseTo((10 + 17.5 + 25 + 32.5 + 40 + 47.5 + 55 + 62.5 + 70 + 77.5) / 10, 6);
    await c.dispose();
    for (const src of deps.sources) await src.close().catch(() => undefined);
  }, 120_000);

  it('a file no longer in this browser is a typed error for its indicator, and the ranking still runs', async () => {
    const sha = 'f'.repeat(64);
    const ref: UserFileRef = { sha256: sha, name: 'perdido.csv', bytes: 10, rows: 2, format: 'csv', sheet: null, key: { kind: 'ubigeo', column: 'ubigeo', level: 'distrito' }, dropped: [] };
    const { scenario } = parseScenario(JSON.parse(JSON.stringify({ ...defaultScenario(), userData: { files: [ref], indicators: [indicator(sha, 'valor', 'mean')] } })));
    const store = createAppStore({ scenario });
    const deps = { ...nodeDeps(dataDir), loadUserFile: () => Promise.reject(new DataError('userFileMissing', { file: ref.name })) };
    const c = new Coordinator(store, deps);
    await c.start();
    await new Promise<void>((resolve) => {
      const check = () => store.getState().data.userFiles[sha]?.status === 'error' && resolve();
      store.subscribe(check);
      check();
    });
    const st = store.getState().data.userFiles[sha];
    expect(st.status === 'error' && st.error.key).toBe('userFileMissing');
    expect(store.getState().derived.ranking!.ranking.order.length).toBeGreaterThan(0);
    await c.dispose();
  }, 120_000);

  it('the staged file\'s join is run by the coordinator for the key asked, and a stale answer is dropped', async () => {
    const read = ok(await readUserFile(fixture('prueba_brecha_distritos_w1252.csv'), 'b.csv'));
    const keyA: KeySpec = { kind: 'ubigeo', column: 'UBIGEO', level: 'distrito' };
    const keyB: KeySpec = { kind: 'ubigeo', column: 'UBIGEO', level: 'provincia' };
    const asked: KeySpec[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    const store = createAppStore({ scenario: defaultScenario() });
    const deps = {
      ...nodeDeps(dataDir),
      // the rows "in the worker" are this table; the first join is held back until the second is asked
      joinStaged: async (_handle: number, key: KeySpec, c: JoinContext) => {
        asked.push(key);
        if (asked.length === 1) await firstHeld;
        return { summary: summariseJoin(joinTable(read.table, key, c), c.register), joinMs: 1 };
      },
    };
    const c = new Coordinator(store, deps);
    await c.start();
    const until = (pred: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => pred() && resolve();
        store.subscribe(check);
        check();
      });
    store.getState().wantUserData();
    store.getState().stageJoin(7, keyA);
    await until(() => asked.length === 1);
    expect(store.getState().data.staging?.join.status).toBe('loading');
    // the user picks another level before the first join answers: only the second answer counts
    store.getState().stageJoin(7, keyB);
    await until(() => store.getState().data.staging?.join.status === 'ready');
    releaseFirst();
    await new Promise((r) => setTimeout(r, 50));
    const st = store.getState().data.staging!;
    expect(st.key).toEqual(keyB);
    expect(valueOf(st.join)!.summary.report.level).toBe('provincia');
    // asking the same again runs nothing; clearing the staging drops it
    store.getState().stageJoin(7, { ...keyB });
    expect(asked).toHaveLength(2);
    store.getState().stageJoin(null, null);
    expect(store.getState().data.staging).toBeNull();
    await c.dispose();
    for (const src of deps.sources) await src.close().catch(() => undefined);
  }, 120_000);
});
