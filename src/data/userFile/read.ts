/** The entry point: an uploaded file's bytes (CSV/TSV/TXT, XLSX, Parquet or GeoJSON) → a table of text records, or a typed error. */
import { fail, type UserFileResult, type UserFileWarning } from './codes';
import { parseDelimitedText } from './delimited';
import { readParquet } from './parquet';
import { readXlsx } from './xlsx';
import { readGeojson } from './geojson';
import { findPersonalData, findPersonalDataInText } from './personalData';
import { damagedText, decodeText, sniffFormat } from './sniff';
import { buildTable, joinHeaderRows, titleRows } from './table';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ReadUserFileOptions {
  /** Largest accepted file, in bytes (default 50 MB). */
  maxBytes?: number;
  /** The workbook sheet to read (XLSX); the first one when absent. */
  sheet?: string | null;
  /** Columns to drop before anything else is checked (personal data the user chose to leave out). */
  dropColumns?: readonly string[];
}

/** Reads an uploaded file's bytes into a table of text records. */
export async function readUserFile(
  input: Uint8Array | ArrayBuffer,
  fileName: string,
  options: ReadUserFileOptions = {},
): Promise<UserFileResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength === 0) return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  if (bytes.byteLength > maxBytes) {
    return fail({ code: 'archivo_muy_grande', params: { archivo: fileName, bytes: bytes.byteLength, limite: maxBytes } });
  }
  const kind = sniffFormat(bytes, fileName);
  let result: UserFileResult;
  if (kind === 'parquet') {
    const pq = await readParquet(bytes);
    if (!pq.ok) return fail({ code: 'parquet_ilegible', params: { detalle: pq.detalle } });
    const warnings: UserFileWarning[] = [];
    const built = buildTable(pq.header, pq.rows, pq.rows.map((_, i) => i + 2), warnings);
    if (!built.ok) return built.result;
    result = { ok: true, format: 'parquet', table: built.table, delimiter: null, encoding: null, warnings };
  } else if (kind === 'xlsx') {
    const x = await readXlsx(bytes, options.sheet);
    if (!x.ok) {
      return x.error === 'ilegible'
        ? fail({ code: 'xlsx_ilegible', params: { archivo: fileName, detalle: x.detalle } })
        : fail({ code: 'hoja_no_encontrada', params: { hoja: x.sheet, hojas: x.sheets } });
    }
    if (x.header.length === 0) return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
    const warnings: UserFileWarning[] = [];
    const skip = titleRows(x.header, x.rows);
    if (skip > 0) warnings.push({ code: 'filas_titulo_omitidas', params: { filas: skip, linea: x.headerRow + skip } });
    const rest = x.rows.slice(skip);
    const { header, data, dataLines } = joinHeaderRows(
      skip > 0 ? x.rows[skip - 1] : x.header,
      rest,
      x.headerRow + skip,
      rest.map((_, i) => x.headerRow + skip + i + 1),
      warnings,
    );
    const built = buildTable(header, data, dataLines, warnings);
    if (!built.ok) return built.result;
    result = { ok: true, format: 'xlsx', table: built.table, delimiter: null, encoding: null, warnings, sheets: { names: x.sheets, read: x.sheet } };
  } else if (kind === 'json') {
    const g = readGeojson(decodeText(bytes).text);
    if (!g.ok) return fail({ code: 'geojson_invalido', params: { archivo: fileName, motivo: g.detalle } });
    const warnings: UserFileWarning[] = [];
    const built = buildTable(g.header, g.rows, g.rows.map((_, i) => i + 1), warnings);
    if (!built.ok) return built.result;
    result = { ok: true, format: 'geojson', table: built.table, delimiter: null, encoding: null, warnings };
  } else if (kind === 'text' || kind === 'utf-16le' || kind === 'utf-16be') {
    const { text, encoding } = decodeText(bytes, kind === 'text' ? undefined : kind);
    const pre: UserFileWarning[] = [];
    if (encoding === 'windows-1252') pre.push({ code: 'codificacion_windows_1252', params: {} });
    if (encoding === 'utf-16le' || encoding === 'utf-16be') pre.push({ code: 'codificacion_utf16', params: { codificacion: encoding } });
    const damaged = damagedText(text);
    if (damaged) pre.push({ code: 'texto_danado', params: damaged });
    const parsed = parseDelimitedText(text, fileName);
    if (!parsed.ok) return { ...parsed, warnings: [...pre, ...parsed.warnings] };
    result = { ...parsed, encoding, warnings: [...pre, ...parsed.warnings] };
  } else {
    return fail({ code: 'formato_no_soportado', params: { archivo: fileName, formato: kind } });
  }
  if (options.dropColumns?.length) {
    const drop = new Set(options.dropColumns);
    const columns = result.table.columns.filter((c) => !drop.has(c));
    const records = result.table.records.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
    result = { ...result, table: { ...result.table, columns, records } };
  }
  const personal = findPersonalData(result.table);
  if (personal.length > 0) return fail({ code: 'datos_personales', params: { columnas: personal } }, result.warnings);
  const inText = findPersonalDataInText(result.table);
  if (inText.length > 0) result = { ...result, warnings: [...result.warnings, { code: 'texto_con_datos_personales', params: { hallazgos: inText } }] };
  return result;
}
