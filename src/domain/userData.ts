/**
 * A user's table joined to the territory: which column is the key (UBIGEO of a department,
 * province or district; an IPRESS facility code; or lon/lat), each row's district, province and
 * department, and the join report shown before the data are used. Pure: no React, no DuckDB.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { UserTable } from '../data/userFile/table';
import type { UserFileFormat } from '../data/userFile/codes';
import { columnKey } from '../data/userFile/table';
import { decimalStyle, parseNumber, type DecimalStyle } from '../data/userFile/numbers';
import { normaliseIpress, normaliseUbigeo, ubigeoLevelOf, type UbigeoLevel } from '../data/userFile/keys';

export type KeySpec =
  | { kind: 'ubigeo'; column: string; level: UbigeoLevel }
  | { kind: 'ipress'; column: string }
  | { kind: 'coordenadas'; lon: string; lat: string };

/** Two keys name the same join (same kind, columns and level). */
export function sameKey(a: KeySpec, b: KeySpec): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'coordenadas') return b.kind === 'coordenadas' && a.lon === b.lon && a.lat === b.lat;
  if (a.kind === 'ubigeo') return b.kind === 'ubigeo' && a.column === b.column && a.level === b.level;
  return b.kind === 'ipress' && a.column === b.column;
}

/** What a scenario keeps of a user file: enough to find it in the local file store and read it the same way again. */
export interface UserFileRef {
  sha256: string;
  name: string;
  bytes: number;
  rows: number;
  format: UserFileFormat;
  /** XLSX: the sheet read. */
  sheet: string | null;
  key: KeySpec;
  /** Columns the user chose to drop (personal data) before anything else. */
  dropped: string[];
}

/** The facility register, as the join needs it (all facilities, with or without coordinates). */
export interface Register {
  codigo: Int32Array;
  ubigeo: string[];
  categoria: string[];
  nombre: string[];
}

/** The territory a table is joined to: the codes of the boundary layers and the district polygons. */
export interface JoinContext {
  districtIds: ReadonlySet<string>;
  /** The district polygons: only files keyed by coordinates need them (the worker fetches them then). */
  districts: ReadonlyArray<Feature<Polygon | MultiPolygon | import('geojson').Geometry, Record<string, string>>> | null;
  provinceIds: ReadonlySet<string>;
  departmentIds: ReadonlySet<string>;
  register: Register | null;
}

export interface ColumnProfile {
  name: string;
  nulls: number;
  kind: 'numerico' | 'categorico' | 'texto';
  /** Numeric columns: the decimal separator found, and the rows whose text is not a number. */
  decimal: DecimalStyle;
  notNumbers: { line: number; value: string }[];
  notNumbersTotal: number;
  /** Categorical columns: the values and how many rows hold each (most frequent first). */
  categories: { value: string; rows: number }[];
}

export interface JoinReport {
  rows: number;
  matched: number;
  /** The key's level in the file. */
  level: UbigeoLevel | 'establecimiento' | 'punto';
  emptyKey: number;
  /** Keys that name nothing in the boundaries or the register (listed up to LISTED), and how many distinct ones. */
  unmatched: { value: string; rows: number }[];
  unmatchedTotal: number;
  /** Keys given in more than one row. */
  duplicates: { value: string; rows: number }[];
  duplicatesTotal: number;
  /** Codes that had lost their leading zeros. */
  zerosRestored: number;
  columns: ColumnProfile[];
}

export interface JoinedTable {
  table: UserTable;
  key: KeySpec;
  /** Per row: the district, province and department codes (null where the row was not placed). */
  district: (string | null)[];
  province: (string | null)[];
  department: (string | null)[];
  /** Per row: index in the register (facility files), -1 otherwise. */
  facility: Int32Array;
  report: JoinReport;
}

export const LISTED = 20;
const MAX_CATEGORIES = 30;

/** Values looked at to decide a column's decimal separator and whether it is numeric at all. */
const SAMPLE = 2000;

/** Nulls, numbers and categories of each column (the key columns are profiled too). */
export function profileColumns(table: UserTable): ColumnProfile[] {
  return table.columns.map((name) => {
    const values = table.records.map((r) => (r[name] ?? '').trim());
    const sample: string[] = [];
    let nulls = 0;
    for (const v of values) {
      if (v === '') nulls++;
      else if (sample.length < SAMPLE) sample.push(v);
    }
    const filledCount = values.length - nulls;
    const decimal = decimalStyle(sample);
    // A column whose sample is mostly text is not parsed row by row (a 400,000-row name column).
    const sampleNumbers = sample.filter((v) => parseNumber(v, decimal) !== null).length;
    const maybeNumeric = sample.length > 0 && sampleNumbers >= 0.8 * sample.length;
    const notNumbers: { line: number; value: string }[] = [];
    let numbers = 0;
    let notNumbersTotal = 0;
    if (maybeNumeric) {
      values.forEach((v, i) => {
        if (v === '') return;
        if (parseNumber(v, decimal) !== null) numbers++;
        else {
          notNumbersTotal++;
          if (notNumbers.length < 5) notNumbers.push({ line: table.lines[i], value: v });
        }
      });
    }
    // Categories: counted until there are too many to be categories.
    const counts = new Map<string, number>();
    for (const v of values) {
      if (v === '') continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > MAX_CATEGORIES) break;
    }
    // Numeric when most filled cells are numbers: the others are reported as text in a numeric column.
    const numeric = maybeNumeric && numbers >= 0.8 * filledCount;
    // Categorical: few distinct values, some of them repeated (a name per row is text, not a category).
    const kind = numeric ? 'numerico' : counts.size <= MAX_CATEGORIES && counts.size < filledCount ? 'categorico' : 'texto';
    return {
      name,
      nulls,
      kind,
      decimal,
      notNumbers: numeric ? notNumbers : [],
      notNumbersTotal: numeric ? notNumbersTotal : 0,
      categories: kind === 'categorico' ? [...counts].sort((a, b) => b[1] - a[1]).map(([value, rows]) => ({ value, rows })) : [],
    };
  });
}

const has = (col: string, ...words: string[]) => columnKey(col).split('_').some((w) => words.includes(w));

/** The key a table most likely has: an IPRESS code, a UBIGEO, or coordinates; null when none is recognisable. */
export function guessKey(table: UserTable): KeySpec | null {
  const cols = table.columns;
  const ipress = cols.find((c) => has(c, 'ipress', 'renipress', 'eess') || columnKey(c) === 'codigo_unico' || columnKey(c) === 'cod_establecimiento');
  if (ipress) return { kind: 'ipress', column: ipress };
  const ubigeo = cols.find((c) => has(c, 'ubigeo', 'ubigeos'));
  if (ubigeo) {
    const level = ubigeoLevelOf(table.records.map((r) => r[ubigeo]));
    return { kind: 'ubigeo', column: ubigeo, level: level ?? 'distrito' };
  }
  const lon = cols.find((c) => ['lon', 'lng', 'longitud', 'longitude', 'x'].includes(columnKey(c)));
  const lat = cols.find((c) => ['lat', 'latitud', 'latitude', 'y'].includes(columnKey(c)));
  if (lon && lat) return { kind: 'coordenadas', lon, lat };
  return null;
}

/** The key columns a spec needs that the table lacks. */
export function missingKeyColumns(columns: readonly string[], key: KeySpec): string[] {
  const need = key.kind === 'coordenadas' ? [key.lon, key.lat] : [key.column];
  return need.filter((c) => !columns.includes(c));
}

interface Indexed {
  feature: NonNullable<JoinContext['districts']>[number];
  bbox: [number, number, number, number];
}

function bboxOf(coords: unknown, box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number]) {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  } else if (Array.isArray(coords)) for (const c of coords) bboxOf(c, box);
  return box;
}

const districtIndexCache = new WeakMap<object, Indexed[]>();
function districtIndex(districts: NonNullable<JoinContext['districts']>): Indexed[] {
  let idx = districtIndexCache.get(districts);
  if (!idx) {
    idx = districts
      .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .map((feature) => ({ feature, bbox: bboxOf((feature.geometry as Polygon | MultiPolygon).coordinates) }));
    districtIndexCache.set(districts, idx);
  }
  return idx;
}

/** The district (UBIGEO) whose polygon holds the point, or null. */
export function districtAt(lon: number, lat: number, districts: NonNullable<JoinContext['districts']>): string | null {
  for (const { feature, bbox } of districtIndex(districts)) {
    if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue;
    if (booleanPointInPolygon([lon, lat], feature as Feature<Polygon | MultiPolygon>)) return feature.properties.ubigeo;
  }
  return null;
}

/** Places each row by the key and builds the join report. */
export function joinTable(table: UserTable, key: KeySpec, ctx: JoinContext, profile?: ColumnProfile[]): JoinedTable {
  const n = table.records.length;
  const district: (string | null)[] = new Array(n).fill(null);
  const province: (string | null)[] = new Array(n).fill(null);
  const department: (string | null)[] = new Array(n).fill(null);
  const facility = new Int32Array(n).fill(-1);
  const districtIds = ctx.districtIds;
  const polygons = ctx.districts;
  if (key.kind === 'coordenadas' && !polygons) throw new Error('joinTable: a file keyed by coordinates needs the district polygons');
  const unmatched = new Map<string, number>();
  const seen = new Map<string, number>();
  let emptyKey = 0;
  let zerosRestored = 0;
  let matched = 0;
  const byCode = new Map<number, number>();
  if (key.kind === 'ipress' && ctx.register) ctx.register.codigo.forEach((c, i) => byCode.has(c) || byCode.set(c, i));
  const lonStyle = key.kind === 'coordenadas' ? decimalStyle(table.records.map((r) => r[key.lon])) : 'point';
  const latStyle = key.kind === 'coordenadas' ? decimalStyle(table.records.map((r) => r[key.lat])) : 'point';

  table.records.forEach((r, i) => {
    const raw = key.kind === 'coordenadas' ? `${r[key.lon]?.trim() ?? ''} ${r[key.lat]?.trim() ?? ''}`.trim() : (r[key.column] ?? '').trim();
    if (raw === '') {
      emptyKey++;
      return;
    }
    let placed: string | null = null;
    let keyText = raw;
    if (key.kind === 'ubigeo') {
      const code = normaliseUbigeo(raw, key.level);
      if (code) {
        keyText = code;
        if (code !== raw.replace(/\.0+$/, '')) zerosRestored++;
        const ids = key.level === 'distrito' ? districtIds : key.level === 'provincia' ? ctx.provinceIds : ctx.departmentIds;
        if (ids.has(code)) placed = code;
      }
      if (placed) {
        if (key.level === 'distrito') district[i] = placed;
        if (key.level !== 'departamento') province[i] = placed.slice(0, 4);
        department[i] = placed.slice(0, 2);
      }
    } else if (key.kind === 'ipress') {
      const code = normaliseIpress(raw);
      if (code !== null) {
        keyText = String(code);
        const at = byCode.get(code);
        if (at !== undefined && ctx.register) {
          facility[i] = at;
          const u = ctx.register.ubigeo[at];
          if (/^\d{6}$/.test(u)) {
            placed = u;
            district[i] = u;
            province[i] = u.slice(0, 4);
            department[i] = u.slice(0, 2);
          }
        }
      }
    } else {
      const lon = parseNumber(r[key.lon] ?? '', lonStyle);
      const lat = parseNumber(r[key.lat] ?? '', latStyle);
      if (lon !== null && lat !== null) {
        // Swapped columns are common: Peru's longitudes are below −68, its latitudes above −19.
        const [x, y] = lon > -20 && lat < -60 ? [lat, lon] : [lon, lat];
        const d = districtAt(x, y, polygons!);
        if (d) {
          placed = d;
          district[i] = d;
          province[i] = d.slice(0, 4);
          department[i] = d.slice(0, 2);
        }
      }
    }
    if (placed) matched++;
    else unmatched.set(keyText, (unmatched.get(keyText) ?? 0) + 1);
    if (key.kind !== 'coordenadas') seen.set(keyText, (seen.get(keyText) ?? 0) + 1);
  });
  const dups = [...seen].filter(([, c]) => c > 1);
  return {
    table,
    key,
    district,
    province,
    department,
    facility,
    report: {
      rows: n,
      matched,
      level: key.kind === 'ubigeo' ? key.level : key.kind === 'ipress' ? 'establecimiento' : 'punto',
      emptyKey,
      unmatched: [...unmatched].slice(0, LISTED).map(([value, rows]) => ({ value, rows })),
      unmatchedTotal: unmatched.size,
      duplicates: dups.slice(0, LISTED).map(([value, rows]) => ({ value, rows })),
      duplicatesTotal: dups.length,
      zerosRestored,
      // the worker profiles the columns as it reads the file; profiled here when it did not
      columns: profile ?? profileColumns(table),
    },
  };
}
