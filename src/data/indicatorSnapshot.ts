/**
 * The SQL indicators of every level under each preset's definitions, computed by the pipeline with
 * the app's own SQL on native DuckDB and written beside the Parquet files (issue 16), one file per
 * level and definitions. The app ranks and draws from the one its scenario needs at once, while
 * DuckDB-WASM starts; when the engine is ready it computes the same indicators again and the two
 * must hold the same numbers, value for value, or the screen says so.
 * Pure: no fetch, no DuckDB (the pipeline and the browser both use it).
 */
import type { Units } from './units';
import { FACILITY_COUNT_KEYS, type FacilityCountKey } from './units';
import { LEVELS, type Level } from '../domain/indicators';
import { PRESETS } from '../domain/presets';
import { defaultDefinitions, unitsKey, type IndicatorDefinitions } from '../domain/universe';
import { fnv1a } from '../domain/fnv';

/** The snapshot of a level under definitions whose `unitsKey` is `definitionsKey` (named by its hash: a scenario finds it without a list). */
export const snapshotFile = (level: Level, definitionsKey: string): string => `indicadores_${level}_${fnv1a(definitionsKey)}.json`;

/** The definitions the pipeline computes snapshots for: each preset's, once. */
export function snapshotDefinitions(): IndicatorDefinitions[] {
  const byKey = new Map<string, IndicatorDefinitions>();
  for (const p of PRESETS) {
    const d = defaultDefinitions(p.institutions);
    if (!byKey.has(unitsKey(d))) byKey.set(unitsKey(d), d);
  }
  return [...byKey.values()];
}

/** Every snapshot file the pipeline writes (what a complete build holds). */
export const SNAPSHOT_FILES: readonly string[] = snapshotDefinitions().flatMap((d) => LEVELS.map((l) => snapshotFile(l, unitsKey(d))));
/** Tables loaded into DuckDB at start-up (catalog dataset id = table name): what the province indicators read. */
export const START_TABLES = ['establecimientos', 'provincias', 'distritos', 'emergencias_2024'];

interface SnapshotFile {
  schemaVersion: 1;
  /** The catalog's `inputsSha256`: the snapshot belongs to one build of the data. */
  inputsSha256: string;
  units: {
    level: Level;
    ids: string[];
    names: string[];
    departamentos: string[];
    ubigeoDep: string[];
    ubigeoProv: string[];
    provincias: string[];
    /** null where the value is missing (NaN): JSON has no NaN. */
    values: Record<string, (number | null)[]>;
    sql: Record<string, string>;
    definitionsKey: string;
    facilityCounts: Record<FacilityCountKey, number[]>;
  };
}

export interface IndicatorSnapshot {
  inputsSha256: string;
  units: Units;
}

const toJson = (a: Float64Array) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));
const fromJson = (a: readonly (number | null)[]) => Float64Array.from(a, (x) => (x === null ? NaN : x));

/**
 * The snapshot's text. JSON writes each double in the shortest form that reads back as the same
 * double, so the app gets exactly the numbers native DuckDB computed.
 */
export function serialiseSnapshot(units: Units, inputsSha256: string): string {
  if (!units.definitionsKey || !units.facilityCounts) throw new Error('serialiseSnapshot: units with their definitions');
  const file: SnapshotFile = {
    schemaVersion: 1,
    inputsSha256,
    units: {
      level: units.level,
      ids: units.ids,
      names: units.names,
      departamentos: units.departamentos,
      ubigeoDep: units.ubigeoDep,
      ubigeoProv: units.ubigeoProv,
      provincias: units.provincias,
      values: Object.fromEntries(Object.entries(units.values).map(([k, v]) => [k, toJson(v)])),
      sql: units.sql,
      definitionsKey: units.definitionsKey,
      facilityCounts: Object.fromEntries(FACILITY_COUNT_KEYS.map((k) => [k, Array.from(units.facilityCounts![k])])) as Record<FacilityCountKey, number[]>,
    },
  };
  return JSON.stringify(file);
}

/** The snapshot read back, or null when the text is not one (an old or damaged file is not used). */
export function parseSnapshot(text: string): IndicatorSnapshot | null {
  let f: SnapshotFile;
  try {
    f = JSON.parse(text) as SnapshotFile;
  } catch {
    return null;
  }
  const u = f?.units;
  if (f?.schemaVersion !== 1 || typeof f.inputsSha256 !== 'string' || !(LEVELS as readonly string[]).includes(u?.level) || !Array.isArray(u.ids)) return null;
  const n = u.ids.length;
  const columns = [...Object.values(u.values ?? {}), ...FACILITY_COUNT_KEYS.map((k) => u.facilityCounts?.[k])];
  if (columns.some((c) => !Array.isArray(c) || c.length !== n)) return null;
  return {
    inputsSha256: f.inputsSha256,
    units: {
      level: u.level,
      ids: u.ids,
      names: u.names,
      departamentos: u.departamentos,
      ubigeoDep: u.ubigeoDep,
      ubigeoProv: u.ubigeoProv,
      provincias: u.provincias,
      values: Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, fromJson(v)])),
      sql: u.sql,
      definitionsKey: u.definitionsKey,
      facilityCounts: Object.fromEntries(FACILITY_COUNT_KEYS.map((k) => [k, fromJson(u.facilityCounts[k])])) as Record<FacilityCountKey, Float64Array>,
    },
  };
}

export interface SnapshotCheck {
  /** Values compared, and those that differ (NaN equals NaN: both missing). */
  compared: number;
  differences: number;
  first: { indicator: string; ubigeo: string; snapshot: number; engine: number } | null;
}

/** The snapshot against the engine's own computation: every unit, every indicator, every count. */
export function compareWithEngine(snapshot: Units, engine: Units): SnapshotCheck {
  const check: SnapshotCheck = { compared: 0, differences: 0, first: null };
  const at = new Map(engine.ids.map((id, i) => [id, i]));
  const columns: [string, Float64Array, Float64Array | undefined][] = [
    ...Object.entries(snapshot.values).map(([k, v]) => [k, v, engine.values[k]] as [string, Float64Array, Float64Array | undefined]),
    ...FACILITY_COUNT_KEYS.map((k) => [`n:${k}`, snapshot.facilityCounts![k], engine.facilityCounts?.[k]] as [string, Float64Array, Float64Array | undefined]),
  ];
  const differ = (indicator: string, ubigeo: string, a: number, b: number) => {
    check.differences++;
    check.first ??= { indicator, ubigeo, snapshot: a, engine: b };
  };
  if (snapshot.ids.length !== engine.ids.length) differ('unidades', '', snapshot.ids.length, engine.ids.length);
  for (const [indicator, mine, theirs] of columns) {
    snapshot.ids.forEach((id, i) => {
      const j = at.get(id);
      const a = mine[i];
      const b = j === undefined || !theirs ? NaN : theirs[j];
      check.compared++;
      // the same double, or both missing (0 and −0 count as equal: JSON has no −0)
      if (!(a === b || (Number.isNaN(a) && Number.isNaN(b)))) differ(indicator, id, a, b);
    });
  }
  return check;
}

/** The check of a snapshot: its values against the engine's, and its data build against the engine's (another build is a difference). */
export function snapshotCheck(snapshot: IndicatorSnapshot, engine: Units, inputsSha256: string): SnapshotCheck {
  const check = compareWithEngine(snapshot.units, engine);
  if (snapshot.inputsSha256 !== inputsSha256) check.differences++;
  return check;
}
