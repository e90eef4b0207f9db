/**
 * Social-conflict events from a table of text records (a user's file or the Defensoría's
 * monthly report): column synonyms, dates, placement by UBIGEO or names, status. Pure: no
 * React, no DuckDB. The pipeline (data/conflicts.ts) builds conflictos.parquet with this
 * same code, so a user's file and the published data have one row shape: ConflictEvent.
 */
import { normaliseName } from './search';

export type ConflictStatus = 'activo' | 'latente' | 'resuelto' | 'retirado';
export const CONFLICT_STATUSES: readonly ConflictStatus[] = ['activo', 'latente', 'resuelto', 'retirado'];
export type DatePrecision = 'mes' | 'semana' | 'dia';
export type LocationLevel = 'distrito' | 'provincia';
/** Where lon/lat come from: the file's point, or the centroid of the place it was put in. */
export type CoordinateOrigin = 'fuente' | 'centroide';
/** Point-in-polygon check against the province (pipeline only; null when not checked). */
export type PointCheck = 'ok' | 'otra_provincia' | 'fuera_de_limites';

/** One row of conflictos.parquet, and one event read from a user's file. Dates are ISO `yyyy-mm-dd`. */
export interface ConflictEvent {
  id: string;
  /** Label of the period the row covers: `2024-03` (mes), `2024-W12` (semana), `2024-03-15` (dia). */
  periodo: string;
  fecha_inicio: string;
  fecha_fin: string;
  precision_fecha: DatePrecision;
  caso: string | null;
  empresa: string | null;
  tipo: string | null;
  actividad: string | null;
  estado: ConflictStatus | null;
  estado_fuente: string | null;
  fase: string | null;
  violencia: boolean | null;
  dialogo: boolean | null;
  competencia: string | null;
  ubigeo: string | null;
  ubigeo_prov: string;
  ubigeo_dep: string;
  nivel_ubicacion: LocationLevel;
  departamento: string;
  provincia: string;
  distrito: string | null;
  /** The district text as given ("No detalla"), kept when it could not be used. */
  distrito_fuente: string | null;
  lon: number;
  lat: number;
  origen_coordenadas: CoordinateOrigin;
  ubicacion_punto: PointCheck | null;
  fuente: string;
  serie: string;
}

export type ConflictColumnType = 'VARCHAR' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

/** Column order and SQL types of conflictos.parquet; `satisfies` keeps it in step with ConflictEvent. */
export const CONFLICT_EVENT_COLUMNS = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'periodo', type: 'VARCHAR' },
  { name: 'fecha_inicio', type: 'DATE' },
  { name: 'fecha_fin', type: 'DATE' },
  { name: 'precision_fecha', type: 'VARCHAR' },
  { name: 'caso', type: 'VARCHAR' },
  { name: 'empresa', type: 'VARCHAR' },
  { name: 'tipo', type: 'VARCHAR' },
  { name: 'actividad', type: 'VARCHAR' },
  { name: 'estado', type: 'VARCHAR' },
  { name: 'estado_fuente', type: 'VARCHAR' },
  { name: 'fase', type: 'VARCHAR' },
  { name: 'violencia', type: 'BOOLEAN' },
  { name: 'dialogo', type: 'BOOLEAN' },
  { name: 'competencia', type: 'VARCHAR' },
  { name: 'ubigeo', type: 'VARCHAR' },
  { name: 'ubigeo_prov', type: 'VARCHAR' },
  { name: 'ubigeo_dep', type: 'VARCHAR' },
  { name: 'nivel_ubicacion', type: 'VARCHAR' },
  { name: 'departamento', type: 'VARCHAR' },
  { name: 'provincia', type: 'VARCHAR' },
  { name: 'distrito', type: 'VARCHAR' },
  { name: 'distrito_fuente', type: 'VARCHAR' },
  { name: 'lon', type: 'DOUBLE' },
  { name: 'lat', type: 'DOUBLE' },
  { name: 'origen_coordenadas', type: 'VARCHAR' },
  { name: 'ubicacion_punto', type: 'VARCHAR' },
  { name: 'fuente', type: 'VARCHAR' },
  { name: 'serie', type: 'VARCHAR' },
] as const satisfies ReadonlyArray<{ name: keyof ConflictEvent; type: ConflictColumnType }>;

// Compile-time check that no ConflictEvent field is missing from the column list.
type MissingColumn = Exclude<keyof ConflictEvent, (typeof CONFLICT_EVENT_COLUMNS)[number]['name']>;
const everyFieldHasAColumn: MissingColumn extends never ? true : never = true;
void everyFieldHasAColumn;

// ---------------------------------------------------------------------------------------------
// Gazetteer

/** A district (6-digit ubigeo, with `distrito`) or a province (4 digits, no `distrito`). */
export interface GazetteerPlace {
  ubigeo: string;
  departamento: string;
  provincia: string;
  distrito?: string | null;
  /** A representative point (centroid) used when a row gives no usable coordinates. */
  lon: number;
  lat: number;
}

interface ProvinceEntry {
  place: GazetteerPlace;
  districts: Map<string, GazetteerPlace>;
}
interface DepartmentEntry {
  ubigeo: string;
  name: string;
  provinces: Map<string, ProvinceEntry>;
}

export interface Gazetteer {
  byUbigeo: ReadonlyMap<string, GazetteerPlace>;
  /** Keyed by normalised name (accents and case ignored). */
  departments: ReadonlyMap<string, DepartmentEntry>;
}

const key = (s: string) => normaliseName(s).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

export function buildGazetteer(places: readonly GazetteerPlace[]): Gazetteer {
  const byUbigeo = new Map<string, GazetteerPlace>();
  for (const p of places) byUbigeo.set(p.ubigeo, p);
  const departments = new Map<string, DepartmentEntry>();
  const province = (p: GazetteerPlace): ProvinceEntry => {
    const dk = key(p.departamento);
    let dep = departments.get(dk);
    if (!dep) departments.set(dk, (dep = { ubigeo: p.ubigeo.slice(0, 2), name: p.departamento, provinces: new Map() }));
    const pk = key(p.provincia);
    let prov = dep.provinces.get(pk);
    if (!prov) {
      // A province with districts but no province entry gets one (centroid filled below).
      const code = p.ubigeo.slice(0, 4);
      const own = byUbigeo.get(code);
      prov = { place: own ?? { ubigeo: code, departamento: p.departamento, provincia: p.provincia, lon: NaN, lat: NaN }, districts: new Map() };
      dep.provinces.set(pk, prov);
    }
    return prov;
  };
  const sorted = [...places].sort((a, b) => (a.ubigeo < b.ubigeo ? -1 : a.ubigeo > b.ubigeo ? 1 : 0));
  for (const p of sorted) {
    const prov = province(p);
    if (p.ubigeo.length === 6 && p.distrito) prov.districts.set(key(p.distrito), p);
  }
  for (const dep of departments.values()) {
    for (const prov of dep.provinces.values()) {
      if (Number.isFinite(prov.place.lon) && Number.isFinite(prov.place.lat)) continue;
      const ds = [...prov.districts.values()];
      prov.place = {
        ...prov.place,
        lon: ds.reduce((s, d) => s + d.lon, 0) / ds.length,
        lat: ds.reduce((s, d) => s + d.lat, 0) / ds.length,
      };
      byUbigeo.set(prov.place.ubigeo, prov.place);
    }
  }
  return { byUbigeo, departments };
}

// ---------------------------------------------------------------------------------------------
// Issues

export type ConflictRejectCode =
  | 'fecha_vacia'
  | 'fecha_invalida'
  | 'sin_ubicacion'
  | 'ubigeo_desconocido'
  | 'departamento_desconocido'
  | 'provincia_desconocida'
  | 'provincia_ambigua'
  | 'distrito_ambiguo'
  | 'sin_provincia'
  | 'estado_desconocido';

export type ConflictWarningCode =
  | 'distrito_no_encontrado'
  | 'distrito_no_detallado'
  | 'ubigeo_distrito_desconocido'
  | 'ubigeo_desconocido_se_usan_nombres'
  | 'ubigeo_no_coincide_con_nombres'
  | 'coordenadas_fuera_del_peru'
  | 'coordenadas_intercambiadas'
  | 'coordenadas_invalidas'
  | 'si_no_invalido';

export type IssueParams = Record<string, string | number>;

export interface ConflictRowIssue<C extends string = ConflictRejectCode | ConflictWarningCode> {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  line: number;
  code: C;
  params: IssueParams;
  /** Default Spanish text; the UI may rebuild it from code + params. */
  message: string;
}

export interface ConflictFileError {
  code: 'faltan_columnas' | 'sin_filas';
  params: { faltan: string[] } | Record<string, never>;
  message: string;
}

const q = (v: unknown) => `"${String(v)}"`;
const hint = (p: IssueParams) => (p.sugerencia ? ` (¿quiso decir "${p.sugerencia}"?)` : '');

/** Spanish text of a row issue (rejection or warning). */
export function conflictIssueMessage(line: number, code: ConflictRejectCode | ConflictWarningCode, p: IssueParams): string {
  const body = ((): string => {
    switch (code) {
      case 'fecha_vacia':
        return 'falta la fecha';
      case 'fecha_invalida':
        // A well-formed but impossible date (31/02) needs no format hint.
        return p.formato === 'reconocido'
          ? `fecha ${q(p.valor)} no válida`
          : `fecha ${q(p.valor)} no válida (use aaaa-mm-dd, dd/mm/aaaa, aaaa-mm o aaaa-Wss)`;
      case 'sin_ubicacion':
        return 'falta la ubicación (ni UBIGEO ni nombres)';
      case 'ubigeo_desconocido':
        return `el UBIGEO ${q(p.ubigeo)} no existe`;
      case 'departamento_desconocido':
        return `el departamento ${q(p.departamento)} no existe${hint(p)}`;
      case 'provincia_desconocida':
        return p.departamento
          ? `la provincia ${q(p.provincia)} no existe en el departamento ${p.departamento}${hint(p)}`
          : `la provincia ${q(p.provincia)} no existe${hint(p)}`;
      case 'provincia_ambigua':
        return `hay varias provincias ${q(p.provincia)} (${p.departamentos}); indique el departamento`;
      case 'distrito_ambiguo':
        return `hay varios distritos ${q(p.distrito)} (${p.provincias}); indique la provincia`;
      case 'sin_provincia':
        return `falta la provincia (solo se indicó el departamento ${p.departamento})`;
      case 'estado_desconocido':
        return `estado ${q(p.valor)} no reconocido (use activo, latente, resuelto o retirado)`;
      case 'distrito_no_encontrado':
        return `el distrito ${q(p.distrito)} no existe en la provincia ${p.provincia}${hint(p)}; se ubicó en la provincia`;
      case 'distrito_no_detallado':
        return `el distrito no se detalla (${q(p.distrito)}); se ubicó en la provincia ${p.provincia}`;
      case 'ubigeo_distrito_desconocido':
        return `el UBIGEO ${q(p.ubigeo)} no es un distrito conocido; se ubicó en su provincia ${p.provincia}`;
      case 'ubigeo_desconocido_se_usan_nombres':
        return `el UBIGEO ${q(p.ubigeo)} no existe; se ubicó por los nombres`;
      case 'ubigeo_no_coincide_con_nombres':
        return `el UBIGEO ${p.ubigeo} corresponde a ${p.lugar}, no a ${q(p.nombres)}; se usó el UBIGEO`;
      case 'coordenadas_fuera_del_peru':
        return `las coordenadas (${p.lat}, ${p.lon}) están fuera del Perú; se usó el centroide de ${p.lugar}`;
      case 'coordenadas_intercambiadas':
        return `latitud y longitud estaban intercambiadas (${p.lat}, ${p.lon}); se corrigieron`;
      case 'coordenadas_invalidas':
        return `coordenadas no numéricas o incompletas (${q(p.lat)}, ${q(p.lon)}); se usó el centroide de ${p.lugar}`;
      case 'si_no_invalido':
        return `la columna ${p.columna} tiene ${q(p.valor)}, que no es sí ni no; se dejó vacía`;
    }
  })();
  return `fila ${line}: ${body}`;
}

function issue<C extends ConflictRejectCode | ConflictWarningCode>(line: number, code: C, params: IssueParams = {}): ConflictRowIssue<C> {
  return { line, code, params, message: conflictIssueMessage(line, code, params) };
}

// ---------------------------------------------------------------------------------------------
// Columns

export type ConflictField =
  | 'fecha' | 'ubigeo' | 'departamento' | 'provincia' | 'distrito' | 'lat' | 'lon' | 'tipo' | 'estado'
  | 'caso' | 'empresa' | 'violencia' | 'dialogo' | 'fuente' | 'actividad' | 'fase' | 'competencia';

/** Accepted header names per field (compared normalised: accents, case, spaces and punctuation ignored). */
export const COLUMN_SYNONYMS: Readonly<Record<ConflictField, readonly string[]>> = {
  fecha: ['fecha', 'date', 'fecha_evento', 'event_date', 'fecha_inicio', 'start_date', 'fecha_reporte', 'periodo', 'period', 'mes', 'month', 'semana', 'week'],
  ubigeo: ['ubigeo', 'ubigeo_distrito', 'ubigeo_inei', 'cod_ubigeo', 'codigo_ubigeo', 'ubigeo_provincia', 'ubigeo_prov'],
  departamento: ['departamento', 'department', 'dpto', 'depto', 'region'],
  provincia: ['provincia', 'province', 'prov'],
  distrito: ['distrito', 'district', 'dist'],
  lat: ['lat', 'latitud', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitud', 'longitude', 'x'],
  tipo: ['tipo', 'type', 'tipo_conflicto', 'conflict_type'],
  estado: ['estado', 'status', 'state', 'situacion'],
  caso: ['caso', 'case', 'nombre_caso', 'case_name', 'conflicto', 'conflict'],
  empresa: ['empresa', 'company', 'empresa_minera', 'operador', 'operator'],
  violencia: ['violencia', 'violence', 'vio_if', 'hechos_de_violencia'],
  dialogo: ['dialogo', 'dialogue', 'dialog', 'dial_if', 'mesa_de_dialogo'],
  fuente: ['fuente', 'source'],
  actividad: ['actividad', 'activity', 'sector'],
  fase: ['fase', 'phase'],
  competencia: ['competencia', 'competence', 'nivel_de_gobierno', 'jurisdiccion', 'jurisdiction'],
};

const headerKey = (h: string) => normaliseName(h).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/** Which file column feeds each field: the first synonym (in list order) present in the header. */
export function mapColumns(columns: readonly string[]): Partial<Record<ConflictField, string>> {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(headerKey(c))) byKey.set(headerKey(c), c);
  const out: Partial<Record<ConflictField, string>> = {};
  for (const [field, names] of Object.entries(COLUMN_SYNONYMS) as Array<[ConflictField, readonly string[]]>) {
    for (const n of names) {
      const col = byKey.get(headerKey(n));
      if (col !== undefined) {
        out[field] = col;
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

export interface ParsedPeriod {
  periodo: string;
  fecha_inicio: string;
  fecha_fin: string;
  precision_fecha: DatePrecision;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isoFromUtc(t: number): string {
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function dayPeriod(y: number, m: number, d: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const day = iso(y, m, d);
  return { periodo: day, fecha_inicio: day, fecha_fin: day, precision_fecha: 'dia' };
}

export function monthPeriod(y: number, m: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  return { periodo: `${y}-${pad2(m)}`, fecha_inicio: iso(y, m, 1), fecha_fin: iso(y, m, daysInMonth(y, m)), precision_fecha: 'mes' };
}

/** ISO 8601 week: Monday to Sunday; week 1 holds the year's first Thursday. */
function weekPeriod(y: number, w: number): ParsedPeriod | null {
  if (y < MIN_YEAR || y > MAX_YEAR || w < 1 || w > 53) return null;
  const jan4 = Date.UTC(y, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Weekday * 86_400_000 + (w - 1) * 7 * 86_400_000;
  // Week 53 exists only if its Thursday still falls in year y.
  if (new Date(monday + 3 * 86_400_000).getUTCFullYear() !== y) return null;
  return { periodo: `${y}-W${pad2(w)}`, fecha_inicio: isoFromUtc(monday), fecha_fin: isoFromUtc(monday + 6 * 86_400_000), precision_fecha: 'semana' };
}

const DATE_SHAPES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:.]+)?$/,
  /^(\d{4})[-/](\d{1,2})$/,
  /^(\d{1,2})[/-](\d{4})$/,
  /^(\d{4})-?W(\d{1,2})$/i,
] as const;

/**
 * Reads a date or a period: `2024-03-15` (also with a time after it), `15/03/2024` (day first,
 * as in Peru; `-` or `.` also separate), `2024-03` or `03/2024` (month), `2024-W12` (ISO week).
 * Null when the text is not one of these or names an impossible date (`31/02/2024`).
 */
export function parsePeriod(text: string): ParsedPeriod | null {
  const t = text.trim();
  const [isoDay, dmy, isoMonth, my, isoWeek] = DATE_SHAPES;
  let m = isoDay.exec(t);
  if (m) return dayPeriod(+m[1], +m[2], +m[3]);
  m = dmy.exec(t);
  if (m) return dayPeriod(+m[3], +m[2], +m[1]);
  m = isoMonth.exec(t);
  if (m) return monthPeriod(+m[1], +m[2]);
  m = my.exec(t);
  if (m) return monthPeriod(+m[2], +m[1]);
  m = isoWeek.exec(t);
  if (m) return weekPeriod(+m[1], +m[2]);
  return null;
}

/** activo / latente / resuelto / retirado from Spanish or English, any case or gender. */
export function normaliseStatus(text: string): ConflictStatus | null {
  const k = normaliseName(text);
  if (/^activ/.test(k)) return 'activo';
  if (/^laten/.test(k)) return 'latente';
  if (/^(resuel|resolv|solved)/.test(k)) return 'resuelto';
  if (/^(retir|withdr)/.test(k)) return 'retirado';
  return null;
}

/** true / false / null (empty); undefined when the text is not a yes/no. */
export function parseYesNo(text: string): boolean | null | undefined {
  const k = normaliseName(text);
  if (k === '') return null;
  if (['si', 's', 'yes', 'y', 'true', 'verdadero', '1', 'x'].includes(k)) return true;
  if (['no', 'n', 'false', 'falso', '0'].includes(k)) return false;
  return undefined;
}

/** A number with a decimal point or, as Peruvian spreadsheets write it, a decimal comma. */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/\s+/g, '');
  if (t === '') return null;
  if (!t.includes('.') && /^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Peru with a margin (the same box the pipeline tests use). */
export const PERU_BBOX = { minLon: -82, maxLon: -68, minLat: -19, maxLat: 0.5 } as const;
const inPeru = (lon: number, lat: number) =>
  lon >= PERU_BBOX.minLon && lon <= PERU_BBOX.maxLon && lat >= PERU_BBOX.minLat && lat <= PERU_BBOX.maxLat;

/** District text that means "not given" ("No detalla", "s/d", "-"). */
const PLACEHOLDER = /^(no detalla|no se detalla|no precisa|no especifica|sin dato|sin datos|s d|sd|nd|n d|desconocido|varios|-+|\?+)$/;
const isPlaceholder = (t: string) => PLACEHOLDER.test(key(t)) || /^[-?]+$/.test(t.trim());

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The one closest name within 2 edits (and 30% of the length), to suggest, never to apply. */
function suggest(text: string, names: Iterable<string>): string | undefined {
  const k = key(text);
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    const d = levenshtein(k, key(n));
    if (d < bestD) [best, bestD, tie] = [n, d, false];
    else if (d === bestD) tie = true;
  }
  return best !== undefined && !tie && bestD <= 2 && bestD <= Math.ceil(k.length * 0.3) ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// Placement

type Placement =
  | { ok: true; place: GazetteerPlace; level: LocationLevel; warnings: ConflictRowIssue<ConflictWarningCode>[] }
  | { ok: false; reject: ConflictRowIssue<ConflictRejectCode> };

const placeLabel = (p: GazetteerPlace) =>
  p.distrito ? `${p.distrito} (${p.provincia}, ${p.departamento})` : `${p.provincia} (${p.departamento})`;

function place(
  gaz: Gazetteer,
  line: number,
  ubigeoText: string,
  dep: string,
  prov: string,
  dist: string,
): Placement {
  const warnings: ConflictRowIssue<ConflictWarningCode>[] = [];
  const hasNames = dep !== '' || prov !== '' || dist !== '';
  if (ubigeoText !== '') {
    const byCode = placeByUbigeo(gaz, ubigeoText);
    if (byCode) {
      if (byCode.level === 'provincia' && byCode.unknownDistrict) {
        warnings.push(issue(line, 'ubigeo_distrito_desconocido', { ubigeo: ubigeoText, provincia: byCode.place.provincia }));
      }
      if (hasNames) {
        const byName = placeByNames(gaz, line, dep, prov, dist);
        const p = byCode.place;
        if (byName.ok && byName.place.ubigeo.slice(0, 4) !== p.ubigeo.slice(0, 4)) {
          warnings.push(issue(line, 'ubigeo_no_coincide_con_nombres', {
            ubigeo: p.ubigeo, lugar: placeLabel(p), nombres: [dist, prov, dep].filter(Boolean).join(', '),
          }));
        }
      }
      return { ok: true, place: byCode.place, level: byCode.level, warnings };
    }
    if (!hasNames) return { ok: false, reject: issue(line, 'ubigeo_desconocido', { ubigeo: ubigeoText }) };
    warnings.push(issue(line, 'ubigeo_desconocido_se_usan_nombres', { ubigeo: ubigeoText }));
  }
  if (!hasNames) return { ok: false, reject: issue(line, 'sin_ubicacion') };
  const byName = placeByNames(gaz, line, dep, prov, dist);
  if (!byName.ok) return byName;
  return { ...byName, warnings: [...warnings, ...byName.warnings] };
}

function placeByUbigeo(
  gaz: Gazetteer,
  text: string,
): { place: GazetteerPlace; level: LocationLevel; unknownDistrict: boolean } | null {
  const digits = /^(\d+)(?:\.0+)?$/.exec(text.trim())?.[1];
  if (!digits) return null;
  // Spreadsheets drop leading zeros: 5 digits is a district of departments 01-09, 3 a province.
  if (digits.length === 5 || digits.length === 6) {
    const code = digits.padStart(6, '0');
    const d = gaz.byUbigeo.get(code);
    if (d) return { place: d, level: 'distrito', unknownDistrict: false };
    const p = gaz.byUbigeo.get(code.slice(0, 4));
    return p ? { place: p, level: 'provincia', unknownDistrict: true } : null;
  }
  if (digits.length === 3 || digits.length === 4) {
    const p = gaz.byUbigeo.get(digits.padStart(4, '0'));
    return p ? { place: p, level: 'provincia', unknownDistrict: false } : null;
  }
  return null;
}

function placeByNames(gaz: Gazetteer, line: number, dep: string, prov: string, dist: string): Placement {
  const warnings: ConflictRowIssue<ConflictWarningCode>[] = [];
  let departments = [...gaz.departments.values()];
  if (dep !== '') {
    const d = gaz.departments.get(key(dep));
    if (!d) {
      const sugerencia = suggest(dep, departments.map((x) => x.name));
      return { ok: false, reject: issue(line, 'departamento_desconocido', { departamento: dep, ...(sugerencia ? { sugerencia } : {}) }) };
    }
    departments = [d];
  }
  const distGiven = dist !== '' && !isPlaceholder(dist);
  if (prov === '') {
    if (!distGiven) {
      return dep !== ''
        ? { ok: false, reject: issue(line, 'sin_provincia', { departamento: departments[0].name }) }
        : { ok: false, reject: issue(line, 'sin_ubicacion') };
    }
    // District without province: accept it when the name is unique (in the department, if given).
    const found = departments.flatMap((d) => [...d.provinces.values()].flatMap((p) => p.districts.get(key(dist)) ?? []));
    if (found.length === 1) return { ok: true, place: found[0], level: 'distrito', warnings };
    if (found.length > 1) {
      return { ok: false, reject: issue(line, 'distrito_ambiguo', { distrito: dist, provincias: found.map((f) => `${f.provincia}, ${f.departamento}`).join('; ') }) };
    }
    return dep !== ''
      ? { ok: false, reject: issue(line, 'sin_provincia', { departamento: departments[0].name }) }
      : { ok: false, reject: issue(line, 'sin_ubicacion') };
  }
  const provinces = departments.flatMap((d) => d.provinces.get(key(prov)) ?? []);
  if (provinces.length === 0) {
    const names = departments.flatMap((d) => [...d.provinces.values()].map((p) => p.place.provincia));
    const sugerencia = suggest(prov, names);
    return {
      ok: false,
      reject: issue(line, 'provincia_desconocida', {
        provincia: prov, ...(dep !== '' ? { departamento: departments[0].name } : {}), ...(sugerencia ? { sugerencia } : {}),
      }),
    };
  }
  if (provinces.length > 1) {
    return { ok: false, reject: issue(line, 'provincia_ambigua', { provincia: prov, departamentos: provinces.map((p) => p.place.departamento).join(', ') }) };
  }
  const p = provinces[0];
  if (dist === '') return { ok: true, place: p.place, level: 'provincia', warnings };
  if (!distGiven) {
    warnings.push(issue(line, 'distrito_no_detallado', { distrito: dist, provincia: p.place.provincia }));
    return { ok: true, place: p.place, level: 'provincia', warnings };
  }
  const d = p.districts.get(key(dist));
  if (d) return { ok: true, place: d, level: 'distrito', warnings };
  const sugerencia = suggest(dist, [...p.districts.values()].map((x) => x.distrito ?? ''));
  warnings.push(issue(line, 'distrito_no_encontrado', {
    distrito: dist, provincia: p.place.provincia, departamento: p.place.departamento, ...(sugerencia ? { sugerencia } : {}),
  }));
  return { ok: true, place: p.place, level: 'provincia', warnings };
}

// ---------------------------------------------------------------------------------------------
// The table

export interface RecordTable {
  columns: readonly string[];
  records: ReadonlyArray<Readonly<Record<string, string | null | undefined>>>;
  /** Spreadsheet row of each record (header = 1); defaults to index + 2. */
  lines?: readonly number[];
}

export interface ConflictImportOptions {
  /** Period for every row when the file has no date column (`2024-03`, `2024-W12`, `2024-03-15`). */
  periodo?: string;
  /** Used when the file has no `fuente` column, or a row leaves it empty. */
  fuente?: string;
  /** Id of the series/method; a change along the time axis is a series break. */
  serie?: string;
  /** Ids are `<idPrefix>_<record number in the file, from 001>`. */
  idPrefix?: string;
}

export const USER_SERIES = 'archivo_usuario_v1';

export type ConflictImportResult =
  | {
      ok: true;
      events: ConflictEvent[];
      rejected: ConflictRowIssue<ConflictRejectCode>[];
      warnings: ConflictRowIssue<ConflictWarningCode>[];
      /** Which file column fed each field. */
      columns: Partial<Record<ConflictField, string>>;
    }
  | { ok: false; error: ConflictFileError };

const LOCATION_COLUMNS = ['ubigeo', 'departamento', 'provincia', 'distrito'] as const;

/** Reads conflict events from a table of text records. */
export function conflictEventsFromTable(
  table: RecordTable,
  gazetteer: Gazetteer,
  options: ConflictImportOptions = {},
): ConflictImportResult {
  const cols = mapColumns(table.columns);
  const faltan: string[] = [];
  if (!cols.fecha && !options.periodo) faltan.push('fecha');
  if (!cols.ubigeo && !cols.provincia && !cols.distrito) faltan.push('ubicación (ubigeo, o provincia/distrito)');
  if (faltan.length > 0) {
    return {
      ok: false,
      error: {
        code: 'faltan_columnas',
        params: { faltan },
        message: `Faltan columnas obligatorias: ${faltan.join('; ')}. Nombres aceptados para la fecha: fecha, date, periodo, mes, semana; ` +
          `para la ubicación: ubigeo, departamento, provincia, distrito (o en inglés).`,
      },
    };
  }
  if (table.records.length === 0) {
    return { ok: false, error: { code: 'sin_filas', params: {}, message: 'El archivo no tiene filas de datos.' } };
  }
  let defaultPeriod: ParsedPeriod | null = null;
  if (options.periodo) {
    defaultPeriod = parsePeriod(options.periodo);
    if (!defaultPeriod) throw new Error(`Error interno: periodo por defecto no válido «${options.periodo}»`);
  }
  const fuenteDefault = options.fuente ?? 'Archivo del usuario';
  const serie = options.serie ?? USER_SERIES;
  const prefix = options.idPrefix ?? 'usuario';

  const events: ConflictEvent[] = [];
  const rejected: ConflictRowIssue<ConflictRejectCode>[] = [];
  const warnings: ConflictRowIssue<ConflictWarningCode>[] = [];
  table.records.forEach((record, index) => {
    const line = table.lines?.[index] ?? index + 2;
    const get = (f: ConflictField): string => {
      const c = cols[f];
      return c === undefined ? '' : (record[c] ?? '').trim();
    };
    const text = (f: ConflictField): string | null => get(f) || null;

    // Date.
    let period = defaultPeriod;
    if (cols.fecha) {
      const raw = get('fecha');
      if (raw === '' && !defaultPeriod) return void rejected.push(issue(line, 'fecha_vacia'));
      if (raw !== '') {
        period = parsePeriod(raw);
        if (!period) {
          const formato = DATE_SHAPES.some((re) => re.test(raw)) ? 'reconocido' : 'desconocido';
          return void rejected.push(issue(line, 'fecha_invalida', { valor: raw, formato }));
        }
      }
    }

    // Status.
    const estadoFuente = text('estado');
    const estado = estadoFuente === null ? null : normaliseStatus(estadoFuente);
    if (estadoFuente !== null && estado === null) return void rejected.push(issue(line, 'estado_desconocido', { valor: estadoFuente }));

    // Place.
    const [ubigeoText, dep, prov, dist] = LOCATION_COLUMNS.map(get);
    const placed = place(gazetteer, line, ubigeoText, dep, prov, dist);
    if (!placed.ok) return void rejected.push(placed.reject);
    const rowWarnings = [...placed.warnings];
    const p = placed.place;

    // Point: the row's own if it is in Peru, else the place's centroid.
    let lon = p.lon;
    let lat = p.lat;
    let origen: CoordinateOrigin = 'centroide';
    const latText = get('lat');
    const lonText = get('lon');
    if (latText !== '' || lonText !== '') {
      const la = parseNumber(latText);
      const lo = parseNumber(lonText);
      if (la === null || lo === null) {
        rowWarnings.push(issue(line, 'coordenadas_invalidas', { lat: latText, lon: lonText, lugar: placeLabel(p) }));
      } else if (inPeru(lo, la)) {
        [lon, lat, origen] = [lo, la, 'fuente'];
      } else if (inPeru(la, lo)) {
        [lon, lat, origen] = [la, lo, 'fuente'];
        rowWarnings.push(issue(line, 'coordenadas_intercambiadas', { lat: latText, lon: lonText }));
      } else {
        rowWarnings.push(issue(line, 'coordenadas_fuera_del_peru', { lat: la, lon: lo, lugar: placeLabel(p) }));
      }
    }

    const yesNo = (f: 'violencia' | 'dialogo'): boolean | null => {
      const v = parseYesNo(get(f));
      if (v !== undefined) return v;
      rowWarnings.push(issue(line, 'si_no_invalido', { columna: cols[f] ?? f, valor: get(f) }));
      return null;
    };
    const violencia = yesNo('violencia');
    const dialogo = yesNo('dialogo');

    warnings.push(...rowWarnings);
    const period_ = period!; // set above: a date column or the default period exists
    events.push({
      id: `${prefix}_${String(index + 1).padStart(3, '0')}`,
      periodo: period_.periodo,
      fecha_inicio: period_.fecha_inicio,
      fecha_fin: period_.fecha_fin,
      precision_fecha: period_.precision_fecha,
      caso: text('caso'),
      empresa: text('empresa'),
      tipo: text('tipo'),
      actividad: text('actividad'),
      estado,
      estado_fuente: estadoFuente,
      fase: text('fase'),
      violencia,
      dialogo,
      competencia: text('competencia'),
      ubigeo: placed.level === 'distrito' ? p.ubigeo : null,
      ubigeo_prov: p.ubigeo.slice(0, 4),
      ubigeo_dep: p.ubigeo.slice(0, 2),
      nivel_ubicacion: placed.level,
      departamento: p.departamento,
      provincia: p.provincia,
      distrito: placed.level === 'distrito' ? (p.distrito ?? null) : null,
      distrito_fuente: placed.level === 'distrito' ? null : text('distrito'),
      lon,
      lat,
      origen_coordenadas: origen,
      ubicacion_punto: null,
      fuente: text('fuente') ?? fuenteDefault,
      serie,
    });
  });
  return { ok: true, events, rejected, warnings, columns: cols };
}
