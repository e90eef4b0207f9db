/**
 * The outcome of reading a user's file: the table, or an error, plus warnings. Errors and
 * warnings are codes with parameters, never sentences: the texts live in the i18n resources
 * (src/i18n/userFile.es.ts, userFile.en.ts) and src/i18n/userFileText.ts renders them.
 */
import type { Delimiter } from './delimited';
import type { UserFileEncoding } from './sniff';
import type { UserTable } from './table';

export type UserFileFormat = 'csv' | 'parquet' | 'xlsx' | 'geojson';

/** How many offending rows or lines an error or warning lists (the total is given too). */
export const MAX_LISTED = 5;

/** Files that are not text tables, recognised by their first bytes. */
export type UnsupportedFormat = 'xlsx' | 'xls' | 'ods' | 'zip' | 'pdf' | 'json' | 'binario' | 'html';

export type PersonalDataKind =
  | 'documento' | 'nombre' | 'telefono' | 'correo' | 'direccion' | 'nacimiento' | 'historia_clinica'
  | 'valores_dni' | 'valores_correo';

export interface PersonalColumn {
  columna: string;
  tipo: PersonalDataKind;
  /** Where a value gave it away (value checks only). */
  linea?: number;
}

export type UserFileError =
  | { code: 'archivo_vacio'; params: { archivo: string } }
  | { code: 'archivo_muy_grande'; params: { archivo: string; bytes: number; limite: number } }
  | { code: 'formato_no_soportado'; params: { archivo: string; formato: UnsupportedFormat } }
  | { code: 'comillas_sin_cerrar'; params: { linea: number } }
  | { code: 'sin_encabezado'; params: { primeraFila: string[] } }
  | { code: 'encabezado_vacio'; params: { columnas: number[] } }
  | { code: 'encabezados_duplicados'; params: { columnas: string[] } }
  | { code: 'sin_datos'; params: Record<string, never> }
  | { code: 'filas_irregulares'; params: { esperados: number; total: number; filas: Array<{ linea: number; campos: number }> } }
  | { code: 'datos_personales'; params: { columnas: PersonalColumn[] } }
  | { code: 'parquet_ilegible'; params: { detalle: string } }
  | { code: 'xlsx_ilegible'; params: { archivo: string; detalle: string } }
  | { code: 'hoja_no_encontrada'; params: { hoja: string; hojas: string[] } }
  | { code: 'geojson_invalido'; params: { archivo: string; motivo: 'json_invalido' | 'no_es_geojson' | 'sin_geometria' } };

export type UserFileErrorCode = UserFileError['code'];

export type UserFileWarning =
  | { code: 'codificacion_windows_1252'; params: Record<string, never> }
  | { code: 'codificacion_utf16'; params: { codificacion: 'utf-16le' | 'utf-16be' } }
  | { code: 'texto_danado'; params: { caracteres: number; lineas: number[] } }
  | { code: 'filas_vacias_omitidas'; params: { filas: number } }
  | { code: 'columnas_sin_nombre_omitidas'; params: { columnas: number[] } }
  | { code: 'filas_titulo_omitidas'; params: { filas: number; linea: number } }
  | { code: 'encabezado_dos_filas'; params: { lineas: [number, number]; ejemplo: string } }
  | { code: 'texto_con_datos_personales'; params: { hallazgos: { columna: string; tipo: 'dni' | 'telefono'; linea: number }[] } };

export type UserFileWarningCode = UserFileWarning['code'];

export const USER_FILE_ERROR_CODES = [
  'archivo_vacio', 'archivo_muy_grande', 'formato_no_soportado', 'comillas_sin_cerrar', 'sin_encabezado', 'encabezado_vacio',
  'encabezados_duplicados', 'sin_datos', 'filas_irregulares', 'datos_personales', 'parquet_ilegible',
  'xlsx_ilegible', 'hoja_no_encontrada', 'geojson_invalido',
] as const satisfies readonly UserFileErrorCode[];

export const USER_FILE_WARNING_CODES = [
  'codificacion_windows_1252', 'codificacion_utf16', 'texto_danado', 'filas_vacias_omitidas', 'columnas_sin_nombre_omitidas', 'filas_titulo_omitidas',
  'encabezado_dos_filas', 'texto_con_datos_personales',
] as const satisfies readonly UserFileWarningCode[];

// Compile-time check that the lists name every code.
type Unlisted = Exclude<UserFileErrorCode, (typeof USER_FILE_ERROR_CODES)[number]> | Exclude<UserFileWarningCode, (typeof USER_FILE_WARNING_CODES)[number]>;
const everyCodeListed: Unlisted extends never ? true : never = true;
void everyCodeListed;

export type UserFileResult =
  | {
      ok: true;
      format: UserFileFormat;
      table: UserTable;
      /** The detected delimiter (CSV only; null for a one-column file). */
      delimiter: Delimiter | null;
      /** How the text was decoded (CSV only). */
      encoding: UserFileEncoding | null;
      /** The workbook's sheets and the one read (XLSX only). */
      sheets?: { names: string[]; read: string };
      warnings: UserFileWarning[];
    }
  | { ok: false; error: UserFileError; warnings: UserFileWarning[] };

export function fail(error: UserFileError, warnings: UserFileWarning[] = []): UserFileResult {
  return { ok: false, error, warnings };
}
