import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolveDataPaths } from '../../../data/config';
import { buildAll } from '../../../data/build';
import { loadUnits, type Units } from '../../../src/data/units';
import { defaultDefinitions, GORE_INSTITUTIONS, previousDefinitions, universeKey, universeMask, type IndicatorDefinitions } from '../../../src/domain/universe';
import { rankScenario } from '../../../src/state/ranking';
import { defaultScenario } from '../../../src/state/scenario';
import { robustOutlier } from '../../../src/domain/outliers';
import { NodeDataSource } from '../../support/nodeDataSource';

// Issue 12 on the real cases: the facility universe, the emergency ratio, all-zero rows and the
// start-date flags, through the app's SQL over the pipeline's Parquet, checked against
// hand-written queries.
let source: NodeDataSource;
let outDir: string;
let tmp: string | null = null;

beforeAll(async () => {
  outDir = resolveDataPaths().outDir;
  if (!existsSync(path.join(outDir, 'catalog.json'))) {
    tmp = mkdtempSync(path.join(tmpdir(), 'territorio-universe-'));
    outDir = tmp;
    await buildAll({ outDir });
  }
  source = await NodeDataSource.open();
  for (const t of ['establecimientos', 'provincias', 'distritos', 'emergencias_2024']) {
    await source.loadParquet(t, path.join(outDir, `${t}.parquet`));
  }
}, 600_000);

afterAll(async () => {
  await source?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const value = (u: Units, id: string, ubigeo: string) => u.values[id][u.ids.indexOf(ubigeo)];
const count = (u: Units, key: 'universo' | 'registro' | 'fechados' | 'alertas', ubigeo: string) => u.facilityCounts![key][u.ids.indexOf(ubigeo)];
async function scalar(sql: string): Promise<number> {
  return Number((await source.query(sql)).getChildAt(0)!.get(0));
}
const LIMA = '1501';
const CANAS = '0805';
const CASTROVIRREYNA = '0904';
const gore = defaultDefinitions(GORE_INSTITUTIONS);
const with_ = (patch: Partial<IndicatorDefinitions>, base = previousDefinitions()) => ({ ...base, ...patch });

describe('facility universe (Lima Metropolitana)', () => {
  it('counts 476 facilities in Lima province, none of them run by the regional government: 387 MINSA, 36 EsSalud, 20 private, 29 armed forces and police, 4 municipal', async () => {
    const all = await loadUnits(source, 'provincia', previousDefinitions());
    expect(count(all, 'registro', LIMA)).toBe(476);
    expect(count(all, 'universo', LIMA)).toBe(476);
    expect(await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE ubigeo_prov = '${LIMA}' AND institucion = 'GOBIERNO REGIONAL'`)).toBe(0);
    const g = await loadUnits(source, 'provincia', gore);
    expect(count(g, 'universo', LIMA)).toBe(0);
    // no facility of the universe: people per facility, age and emergencies are missing, not 0
    expect(value(g, 'personas_por_establecimiento', LIMA)).toBeNaN();
    expect(value(g, 'antiguedad_mediana', LIMA)).toBeNaN();
    expect(value(g, 'emergencias_por_establecimiento', LIMA)).toBeNaN();
    expect(value(g, 'establecimientos_por_10k', LIMA)).toBe(0);
    const m = await loadUnits(source, 'provincia', with_({ universe: { institutions: ['minsa'], categories: previousDefinitions().universe.categories } }));
    expect(count(m, 'universo', LIMA)).toBe(387);
    expect(count(m, 'universo', LIMA)).toBe(await scalar(`SELECT count(*)::DOUBLE AS n FROM establecimientos WHERE ubigeo_prov = '${LIMA}' AND institucion = 'MINSA'`));
    expect(value(m, 'personas_por_establecimiento', LIMA)).toBeCloseTo(
      (await scalar(`SELECT pob_2017::DOUBLE FROM provincias WHERE ubigeo = '${LIMA}'`)) / 387,
      6,
    );
  });

  it('takes the GORE preset out of Lima: people per facility (19,249, the national maximum) no longer ranks it 9th', async () => {
    const before = await loadUnits(source, 'provincia', previousDefinitions());
    expect(value(before, 'personas_por_establecimiento', LIMA)).toBeCloseTo(19249, -1);
    const s = defaultScenario();
    expect(s.definitions.universe.institutions).toEqual(['gore']);
    const rBefore = rankScenario(before, { ...s, definitions: previousDefinitions() });
    expect(rBefore.rank[before.ids.indexOf(LIMA)]).toBe(9);
    const after = await loadUnits(source, 'provincia', s.definitions);
    const r = rankScenario(after, s);
    const i = after.ids.indexOf(LIMA);
    expect(r.rank[i]).toBe(0);
    expect(Array.from(r.insufficient)).toContain(i);
  });

  it('filters by level: hospitals only (II and III)', async () => {
    const h = await loadUnits(source, 'provincia', with_({ universe: { institutions: previousDefinitions().universe.institutions, categories: ['II', 'III'] } }));
    const expected = await scalar(
      `SELECT count(*)::DOUBLE FROM establecimientos WHERE ubigeo_prov = '${LIMA}' AND (categoria LIKE 'II-%' OR categoria LIKE 'III-%')`,
    );
    expect(count(h, 'universo', LIMA)).toBe(expected);
  });
});

describe('consistent emergency ratio', () => {
  it('before: 7.17 M SUSALUD attentions of Lima over the register facilities; 2.39 M of them from 219 codes not in the register', async () => {
    const total = await scalar(`SELECT sum(atenciones) FROM emergencias_2024 WHERE ubigeo_prov = '${LIMA}'`);
    expect(total / 1e6).toBeCloseTo(7.17, 2);
    const outside = await scalar(
      `SELECT sum(atenciones) FROM emergencias_2024 WHERE ubigeo_prov = '${LIMA}' AND codigo NOT IN (SELECT codigo FROM establecimientos)`,
    );
    expect(outside / 1e6).toBeCloseTo(2.39, 2);
    expect(
      await scalar(`SELECT count(DISTINCT codigo)::DOUBLE FROM emergencias_2024 WHERE ubigeo_prov = '${LIMA}' AND codigo NOT IN (SELECT codigo FROM establecimientos)`),
    ).toBe(219);
    const before = await loadUnits(source, 'provincia', previousDefinitions());
    expect(value(before, 'emergencias_por_establecimiento', LIMA)).toBeCloseTo(total / 476, 6);
  });

  it('after: only the attentions of register codes, over those same facilities', async () => {
    const d = with_({ emergencyNumerator: 'universo' });
    const u = await loadUnits(source, 'provincia', d);
    const num = await scalar(
      `SELECT sum(s.atenciones) FROM establecimientos f JOIN emergencias_2024 s USING (codigo) WHERE f.ubigeo_prov = '${LIMA}'`,
    );
    const den = await scalar(
      `SELECT count(DISTINCT f.codigo)::DOUBLE FROM establecimientos f JOIN emergencias_2024 s USING (codigo) WHERE f.ubigeo_prov = '${LIMA}'`,
    );
    expect(value(u, 'emergencias_por_establecimiento', LIMA)).toBeCloseTo(num / den, 6);
    // and under the MINSA universe, only MINSA's codes on both sides
    const m = await loadUnits(source, 'provincia', { ...d, universe: { ...d.universe, institutions: ['minsa'] } });
    const mNum = await scalar(
      `SELECT sum(s.atenciones) FROM establecimientos f JOIN emergencias_2024 s USING (codigo) WHERE f.ubigeo_prov = '${LIMA}' AND f.institucion = 'MINSA'`,
    );
    const mDen = await scalar(
      `SELECT count(DISTINCT f.codigo)::DOUBLE FROM establecimientos f JOIN emergencias_2024 s USING (codigo) WHERE f.ubigeo_prov = '${LIMA}' AND f.institucion = 'MINSA'`,
    );
    expect(value(m, 'emergencias_por_establecimiento', LIMA)).toBeCloseTo(mNum / mDen, 6);
  });
});

describe('zero versus missing (Canas: 17 SUSALUD rows, all 0)', () => {
  it('reads all-zero rows as 0 before, and as «no report» (missing) by default', async () => {
    expect(await scalar(`SELECT count(*)::DOUBLE FROM emergencias_2024 WHERE ubigeo_prov = '${CANAS}'`)).toBe(17);
    expect(await scalar(`SELECT sum(atenciones) FROM emergencias_2024 WHERE ubigeo_prov = '${CANAS}'`)).toBe(0);
    const zero = await loadUnits(source, 'provincia', previousDefinitions());
    expect(value(zero, 'emergencias_por_establecimiento', CANAS)).toBe(0);
    const noReport = await loadUnits(source, 'provincia', with_({ emergencyZeros: 'sin_reporte' }));
    expect(value(noReport, 'emergencias_por_establecimiento', CANAS)).toBeNaN();
    // both readings are selectable under the consistent ratio too
    expect(value(await loadUnits(source, 'provincia', with_({ emergencyNumerator: 'universo', emergencyZeros: 'cero' })), 'emergencias_por_establecimiento', CANAS)).toBe(0);
  });
});

describe('SUSALUD attentions above their level\'s plausible maximum (code 1781, Quinuabamba)', () => {
  const QUINUABAMBA = '021604';
  const POMABAMBA = '0216';
  it('sets the maximum at the median II-1 hospital and flags the I-1 … I-3 rows above it, 1781 among them', async () => {
    const reference = await scalar(
      `SELECT median(e.atenciones) FROM emergencias_2024 e JOIN establecimientos f USING (codigo) WHERE f.categoria = 'II-1'`,
    );
    expect(reference).toBe(11339);
    expect(await scalar(`SELECT any_value(maximo_plausible) FROM emergencias_2024 WHERE alerta IS NOT NULL`)).toBe(reference);
    const t = await source.query(`SELECT atenciones, alerta FROM emergencias_2024 WHERE codigo = 1781`);
    expect(t.getChild('atenciones')!.get(0)).toBe(74003);
    expect(t.getChild('alerta')!.get(0)).toBe('sobre_maximo_nivel');
    // every flagged row, and only those, is an I-1 … I-3 facility above the maximum
    const expected = await scalar(
      `SELECT count(*)::DOUBLE FROM emergencias_2024 e JOIN establecimientos f USING (codigo)
       WHERE f.categoria IN ('I-1', 'I-2', 'I-3') AND e.atenciones > ${reference}`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(await scalar(`SELECT count(*)::DOUBLE FROM emergencias_2024 WHERE alerta IS NOT NULL`)).toBe(expected);
    // hospitals are never flagged, however many attentions they report
    expect(await scalar(`SELECT count(*)::DOUBLE FROM emergencias_2024 e JOIN establecimientos f USING (codigo) WHERE alerta IS NOT NULL AND f.categoria LIKE 'II%'`)).toBe(0);
  });

  it('includes, caps or leaves out the flagged row: Quinuabamba district and Pomabamba province', async () => {
    const base = with_({ emergencyNumerator: 'universo', emergencyZeros: 'cero' });
    const district = async (emergencyOutliers: IndicatorDefinitions['emergencyOutliers']) =>
      value(await loadUnits(source, 'distrito', { ...base, emergencyOutliers }), 'emergencias_por_establecimiento', QUINUABAMBA);
    const rows = await source.query(
      `SELECT e.codigo, e.atenciones, e.alerta IS NOT NULL AS flagged FROM emergencias_2024 e JOIN establecimientos f USING (codigo) WHERE f.ubigeo = '${QUINUABAMBA}'`,
    );
    const list = rows.toArray().map((r) => ({ codigo: Number(r.codigo), a: Number(r.atenciones), flagged: Boolean(r.flagged) }));
    expect(list.filter((r) => r.flagged).map((r) => r.codigo)).toEqual([1781]);
    const others = list.filter((r) => !r.flagged);
    const sumOthers = others.reduce((a, r) => a + r.a, 0);
    expect(await district('incluir')).toBeCloseTo((sumOthers + 74003) / list.length, 6);
    expect(await district('recortar')).toBeCloseTo((sumOthers + 11339) / list.length, 6);
    const excluded = await district('excluir');
    if (others.length) expect(excluded).toBeCloseTo(sumOthers / others.length, 6);
    else expect(excluded).toBeNaN();
    // the province falls from its outlying value once the row is left out
    const prov = async (emergencyOutliers: IndicatorDefinitions['emergencyOutliers']) =>
      value(await loadUnits(source, 'provincia', { ...base, emergencyOutliers }), 'emergencias_por_establecimiento', POMABAMBA);
    expect(await prov('excluir')).toBeLessThan(await prov('recortar'));
    expect(await prov('recortar')).toBeLessThan(await prov('incluir'));
  });

  it('the defaults leave flagged rows out; the earlier definitions keep them', () => {
    expect(defaultDefinitions().emergencyOutliers).toBe('excluir');
    expect(previousDefinitions().emergencyOutliers).toBe('incluir');
  });
});

describe('the universe as a mask (access worker)', () => {
  it('marks the facilities of the universe from their institution and level groups; none for the whole register', () => {
    // institution indices into INSTITUTION_GROUPS (gore = 0, minsa = 1), level indices into FACILITY_GROUPS (I-1 = 0, III = 5)
    const institution = Uint8Array.from([0, 1, 0, 1]);
    const group = Uint8Array.from([0, 0, 5, 5]);
    expect(universeMask(institution, group, previousDefinitions().universe)).toBeNull();
    expect(Array.from(universeMask(institution, group, gore.universe)!)).toEqual([1, 0, 1, 0]);
    expect(Array.from(universeMask(institution, group, { institutions: ['gore', 'minsa'], categories: ['III'] })!)).toEqual([0, 0, 1, 1]);
    expect(universeKey({ institutions: ['minsa', 'gore'], categories: ['III'] })).toBe(universeKey({ institutions: ['gore', 'minsa'], categories: ['III'] }));
  });
});

describe('capacity, not only counts', () => {
  const CUSCO = '0801';
  it('one per facility, a weight per level, or beds (the register\'s, else its level\'s median, at least 1)', async () => {
    const all = previousDefinitions();
    const v = async (patch: Partial<IndicatorDefinitions>, id = 'establecimientos_por_10k', ubigeo = CUSCO) =>
      value(await loadUnits(source, 'provincia', with_(patch, all)), id, ubigeo);
    const pop = await scalar(`SELECT pob_2017::DOUBLE FROM provincias WHERE ubigeo = '${CUSCO}'`);
    const n = await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE ubigeo_prov = '${CUSCO}'`);
    expect(await v({})).toBeCloseTo((n * 10000) / pop, 9);
    // weights of 1 are the count; only level III weighing 1 counts Cusco's level-III hospitals
    const ones = Object.fromEntries(['I-1', 'I-2', 'I-3', 'I-4', 'II', 'III', 'SC'].map((g) => [g, 1])) as IndicatorDefinitions['levelWeights'];
    expect(await v({ capacity: 'pesos', levelWeights: ones })).toBeCloseTo((n * 10000) / pop, 9);
    const onlyIII = { ...ones, 'I-1': 0, 'I-2': 0, 'I-3': 0, 'I-4': 0, II: 0, SC: 0 };
    const iii = await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE ubigeo_prov = '${CUSCO}' AND categoria LIKE 'III-%'`);
    expect(iii).toBeGreaterThan(0);
    expect(await v({ capacity: 'pesos', levelWeights: onlyIII })).toBeCloseTo((iii * 10000) / pop, 9);
    // beds: written out by hand
    const beds = await scalar(`
      WITH lvl AS (SELECT CASE WHEN categoria IN ('I-1','I-2','I-3','I-4') THEN categoria WHEN categoria LIKE 'III-%' THEN 'III'
                                WHEN categoria LIKE 'II-%' THEN 'II' ELSE 'SC' END AS g, * FROM establecimientos),
           med AS (SELECT g, median(camas) AS m FROM lvl GROUP BY 1)
      SELECT sum(greatest(1, coalesce(camas, med.m, 1)))::DOUBLE FROM lvl JOIN med USING (g) WHERE ubigeo_prov = '${CUSCO}'`);
    expect(beds).toBeGreaterThan(n);
    expect(await v({ capacity: 'camas' })).toBeCloseTo((beds * 10000) / pop, 9);
    expect(await v({ capacity: 'camas' }, 'personas_por_establecimiento')).toBeCloseTo(pop / beds, 9);
    // the ratios that are not counts do not change
    expect(await v({ capacity: 'camas' }, 'pct_antiguos')).toBe(await v({}, 'pct_antiguos'));
  });
});

describe('start-date flags', () => {
  it('flags Ticrapo\'s 06/09/1900 as a variant of the placeholder; Castrovirreyna\'s median age without it', async () => {
    const t = await source.query(`SELECT inicio_actividad::VARCHAR AS d, inicio_alerta AS f, ubigeo_prov AS p FROM establecimientos WHERE codigo = 4012`);
    expect(t.getChild('d')!.get(0)).toBe('1900-09-06');
    expect(t.getChild('f')!.get(0)).toBe('variante_1900');
    expect(t.getChild('p')!.get(0)).toBe(CASTROVIRREYNA);
    expect(await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE inicio_alerta = 'variante_1900'`)).toBe(4);
    const all = await loadUnits(source, 'provincia', previousDefinitions());
    const clean = await loadUnits(source, 'provincia', with_({ dates: 'sin_implausibles' }));
    const expected = await scalar(
      `SELECT median(2026 - anio_inicio)::DOUBLE FROM establecimientos WHERE ubigeo_prov = '${CASTROVIRREYNA}' AND anio_inicio IS NOT NULL AND codigo <> 4012`,
    );
    expect(value(clean, 'antiguedad_mediana', CASTROVIRREYNA)).toBe(expected);
    expect(count(clean, 'fechados', CASTROVIRREYNA)).toBe(count(all, 'fechados', CASTROVIRREYNA) - 1);
  });

  it('flags the 1965 block of Canas: 11 of its 14 dated facilities in 1964–1967 (8 in 1965)', async () => {
    const t = await source.query(
      `SELECT anio_inicio AS y, inicio_alerta AS f FROM establecimientos WHERE ubigeo_prov = '${CANAS}' AND anio_inicio IS NOT NULL ORDER BY codigo`,
    );
    const rows = Array.from({ length: t.numRows }, (_, r) => ({ y: t.getChild('y')!.get(r) as number, f: t.getChild('f')!.get(r) as string | null }));
    expect(rows).toHaveLength(14);
    const block = rows.filter((r) => r.f === 'bloque_anios');
    expect(block).toHaveLength(11);
    expect(block.every((r) => r.y >= 1964 && r.y <= 1967)).toBe(true);
    expect(block.filter((r) => r.y === 1965)).toHaveLength(8);
    expect(rows.filter((r) => r.f === null).map((r) => r.y).sort()).toEqual([1973, 1974, 2013]);
    const u = await loadUnits(source, 'provincia', with_({ dates: 'sin_alertas' }));
    expect(count(u, 'fechados', CANAS)).toBe(3);
    expect(value(u, 'antiguedad_mediana', CANAS)).toBe(2026 - 1974);
  });

  it('flags the 09/10/1996 block per province: 126 facilities share it; the one in Víctor Fajardo stays unflagged', async () => {
    expect(await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE inicio_actividad = DATE '1996-10-09'`)).toBe(126);
    expect(await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE inicio_actividad = DATE '1996-10-09' AND inicio_alerta = 'bloque_fecha'`)).toBe(125);
    expect(
      await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE inicio_actividad = DATE '1996-10-09' AND inicio_alerta IS NULL AND ubigeo_prov = '0510'`),
    ).toBe(1);
  });

  it('keeps the genuine old hospitals: Dos de Mayo (1875) and the Maternidad (1826) are not flagged', async () => {
    expect(await scalar(`SELECT count(*)::DOUBLE FROM establecimientos WHERE anio_inicio IN (1826, 1875) AND inicio_alerta IS NULL`)).toBe(2);
  });

  it('states the age boundary: a 1996 facility is 30 years old in 2026 and counts as old; in 2025 it does not', async () => {
    const where = `ubigeo_prov = '0506' AND anio_inicio IS NOT NULL`; // Lucanas: its 32 facilities of 09/10/1996
    const old2026 = await scalar(`SELECT 100.0 * count_if(2026 - anio_inicio >= 30) / count(*) FROM establecimientos WHERE ${where}`);
    const old2025 = await scalar(`SELECT 100.0 * count_if(2025 - anio_inicio >= 30) / count(*) FROM establecimientos WHERE ${where}`);
    expect(old2026).toBeGreaterThan(old2025);
    const y2026 = await loadUnits(source, 'provincia', previousDefinitions());
    const y2025 = await loadUnits(source, 'provincia', with_({ referenceYear: 2025 }));
    expect(value(y2026, 'pct_antiguos', '0506')).toBeCloseTo(old2026, 9);
    expect(value(y2025, 'pct_antiguos', '0506')).toBeCloseTo(old2025, 9);
  });
});

describe('outliers (robust rule)', () => {
  it('flags Pomabamba\'s emergency attentions per facility among Áncash\'s provinces (median 294 before issue 12)', async () => {
    const u = await loadUnits(source, 'provincia', previousDefinitions());
    const scope = u.ids.flatMap((id, k) => (id.startsWith('02') ? [k] : []));
    const i = u.names.indexOf('Pomabamba');
    const check = robustOutlier(u.values.emergencias_por_establecimiento, scope, i);
    expect(u.values.emergencias_por_establecimiento[i]).toBeCloseTo(9138, 0);
    expect(check.median).toBeCloseTo(294, 0);
    expect(check.outlier).toBe(true);
  });
});

describe('the previous definitions reproduce the previous ranking', () => {
  it('Canas 1st with 68.2 points, Lima 9th', async () => {
    const u = await loadUnits(source, 'provincia', previousDefinitions());
    const r = rankScenario(u, { ...defaultScenario(), definitions: previousDefinitions() });
    const canas = u.ids.indexOf(CANAS);
    expect(r.order[0]).toBe(canas);
    expect(r.score[canas]).toBeCloseTo(68.2, 1);
    expect(r.rank[u.ids.indexOf(LIMA)]).toBe(9);
  });
});
