/**
 * Conflict events from a table of text records (a user's file or the Defensoría's monthly
 * report): columns, dates, status, place and point, row by row, with precise row issues. The
 * pipeline (data/conflicts.ts) builds conflictos.parquet with this same code.
 */
import { mapColumns, type ConflictField } from './columns';
import { hasDateShape, parsePeriod, type ParsedPeriod } from './dates';
import type { Gazetteer } from './gazetteer';
import {
  issue, type ConflictFileError, type ConflictRejectCode, type ConflictRowIssue, type ConflictWarningCode, type RequiredColumn,
} from './issues';
import { placePoint, placeRow } from './placement';
import type { ConflictEvent } from './schema';
import { normaliseStatus, parseYesNo } from './values';

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
  /** A file with more rows is refused whole (a user's upload: every event crosses to the page and is drawn). */
  maxRows?: number;
}

export const USER_SERIES = 'archivo_usuario_v1';
/**
 * Events one user file may add. Every event crosses to the page and is drawn and counted there;
 * the Defensoría reports about 200 active cases a month, so this is decades of monthly reports.
 */
export const MAX_USER_EVENTS = 50_000;
/** The `fuente` of rows without one when the caller gives no default (a data value, not UI text). */
export const DEFAULT_USER_SOURCE = 'Archivo del usuario';

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
  const faltan: RequiredColumn[] = [];
  if (!cols.fecha && !options.periodo) faltan.push('fecha');
  if (!cols.ubigeo && !cols.provincia && !cols.distrito) faltan.push('ubicacion');
  if (faltan.length > 0) return { ok: false, error: { code: 'faltan_columnas', params: { faltan } } };
  if (table.records.length === 0) return { ok: false, error: { code: 'sin_filas', params: {} } };
  if (options.maxRows !== undefined && table.records.length > options.maxRows) {
    return { ok: false, error: { code: 'demasiadas_filas', params: { filas: table.records.length, limite: options.maxRows } } };
  }
  let defaultPeriod: ParsedPeriod | null = null;
  if (options.periodo) {
    defaultPeriod = parsePeriod(options.periodo);
    // A programming error (the caller's constant), not a problem of the file.
    if (!defaultPeriod) throw new Error(`conflictEventsFromTable: invalid default period "${options.periodo}"`);
  }
  const fuenteDefault = options.fuente ?? DEFAULT_USER_SOURCE;
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
          // A well-formed but impossible date (31/02) needs no format hint.
          const formato = hasDateShape(raw) ? 'reconocido' : 'desconocido';
          return void rejected.push(issue(line, 'fecha_invalida', { valor: raw, formato }));
        }
      }
    }

    // Status.
    const estadoFuente = text('estado');
    const estado = estadoFuente === null ? null : normaliseStatus(estadoFuente);
    if (estadoFuente !== null && estado === null) return void rejected.push(issue(line, 'estado_desconocido', { valor: estadoFuente }));

    // Place, then point.
    const [ubigeoText, dep, prov, dist] = LOCATION_COLUMNS.map(get);
    const placed = placeRow(gazetteer, line, ubigeoText, dep, prov, dist);
    if (!placed.ok) return void rejected.push(placed.reject);
    const p = placed.place;
    const point = placePoint(line, get('lat'), get('lon'), p);
    const rowWarnings = [...placed.warnings, ...point.warnings];

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
      lon: point.lon,
      lat: point.lat,
      origen_coordenadas: point.origen,
      ubicacion_punto: null,
      fuente: text('fuente') ?? fuenteDefault,
      serie,
    });
  });
  return { ok: true, events, rejected, warnings, columns: cols };
}
