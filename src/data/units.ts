import type { Table } from 'apache-arrow';
import { facilityCountsSql, indicatorSql, unitsSql } from './indicatorSql';
import { INDICATORS, type Level } from '../domain/indicators';
import { previousDefinitions, unitsKey, type IndicatorDefinitions } from '../domain/universe';
import type { DataSource } from './source';
import type { TextCode } from '../domain/textCode';

/** The units of one level with their indicator values, column-wise (one Float64Array per indicator, NaN = missing). */
export interface Units {
  level: Level;
  ids: string[];
  names: string[];
  departamentos: string[];
  ubigeoDep: string[];
  ubigeoProv: string[];
  provincias: string[];
  values: Record<string, Float64Array>;
  /** The SQL that produced each indicator, shown to the user. */
  sql: Record<string, string>;
  /** How each browser-computed indicator was made (conflicts, access), as text codes; see state/derive.ts. */
  methods?: Record<string, TextCode[]>;
  /** `unitsKey` of the definitions the SQL values were computed with (issue 12). */
  definitionsKey?: string;
  /** Facilities per unit under those definitions (see facilityCountsSql); NaN-free counts. */
  facilityCounts?: Record<FacilityCountKey, Float64Array>;
}

export const FACILITY_COUNT_KEYS = ['universo', 'registro', 'fechados', 'alertas'] as const;
export type FacilityCountKey = (typeof FACILITY_COUNT_KEYS)[number];

const strings = (t: Table, col: string) => Array.from(t.getChild(col)!.toArray() as string[]);

/**
 * Runs the units query and one query per indicator of the level, under the definitions `d`
 * (universe, ratio, zeros, dates, year; by default those used before issue 12).
 */
export async function loadUnits(source: DataSource, level: Level, d: IndicatorDefinitions = previousDefinitions()): Promise<Units> {
  const base = await source.query(unitsSql(level), level);
  const ids = strings(base, 'ubigeo');
  const index = new Map(ids.map((id, i) => [id, i]));
  const values: Record<string, Float64Array> = {};
  const sqlById: Record<string, string> = {};
  // Browser-computed indicators (conflicts, access) are added later by the store.
  const defs = INDICATORS.filter((d) => d.levels.includes(level) && !d.computed);
  for (const def of defs) {
    sqlById[def.id] = indicatorSql(def.id, level, d);
    values[def.id] = new Float64Array(ids.length).fill(NaN);
  }
  // One round trip to the engine: every indicator's own query, stacked with UNION ALL.
  // The facility counts of the detail panel ride in the same query, as `n:<key>` rows.
  const counts = facilityCountsSql(level, d);
  const stacked = [
    ...defs.map((def) => `SELECT '${def.id}' AS indicator, ubigeo, value::DOUBLE AS value FROM (${sqlById[def.id]})`),
    ...FACILITY_COUNT_KEYS.map((k) => `SELECT 'n:${k}' AS indicator, ubigeo, ${k}::DOUBLE AS value FROM (${counts})`),
  ].join('\nUNION ALL\n');
  const facilityCounts = Object.fromEntries(FACILITY_COUNT_KEYS.map((k) => [k, new Float64Array(ids.length)])) as Record<FacilityCountKey, Float64Array>;
  const table = await source.query(stacked, level);
  const ind = table.getChild('indicator')!;
  const u = table.getChild('ubigeo')!;
  const v = table.getChild('value')!;
  for (let r = 0; r < table.numRows; r++) {
    const i = index.get(u.get(r) as string);
    const x = v.get(r) as number | null;
    if (i === undefined || x == null || !Number.isFinite(x)) continue;
    const id = ind.get(r) as string;
    if (id.startsWith('n:')) facilityCounts[id.slice(2) as FacilityCountKey][i] = x;
    else values[id][i] = x;
  }
  return {
    level,
    ids,
    names: strings(base, 'nombre'),
    departamentos: strings(base, 'departamento'),
    ubigeoDep: strings(base, 'ubigeo_dep'),
    ubigeoProv: strings(base, 'ubigeo_prov'),
    provincias: strings(base, 'provincia'),
    values,
    sql: sqlById,
    definitionsKey: unitsKey(d),
    facilityCounts,
  };
}

