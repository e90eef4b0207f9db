/**
 * What can go wrong reading conflict rows: codes with parameters, never sentences. The texts live
 * in the i18n resources (src/i18n/userFile.es.ts, userFile.en.ts) and are rendered by
 * src/i18n/conflictText.ts, in the browser and in the pipeline alike.
 */

/** Row issues that leave the row out. */
export const CONFLICT_REJECT_CODES = [
  'fecha_vacia',
  'fecha_invalida',
  'sin_ubicacion',
  'ubigeo_desconocido',
  'departamento_desconocido',
  'provincia_desconocida',
  'provincia_ambigua',
  'distrito_ambiguo',
  'sin_provincia',
  'estado_desconocido',
] as const;
export type ConflictRejectCode = (typeof CONFLICT_REJECT_CODES)[number];

/** Row issues that keep the row, with a fallback (the province, the centroid, an empty value). */
export const CONFLICT_WARNING_CODES = [
  'distrito_no_encontrado',
  'distrito_no_detallado',
  'ubigeo_distrito_desconocido',
  'ubigeo_desconocido_se_usan_nombres',
  'ubigeo_no_coincide_con_nombres',
  'coordenadas_fuera_del_peru',
  'coordenadas_intercambiadas',
  'coordenadas_invalidas',
  'si_no_invalido',
] as const;
export type ConflictWarningCode = (typeof CONFLICT_WARNING_CODES)[number];

/** Names, values and codes only (a name suggestion is `sugerencia`); never text to show as is. */
export type IssueParams = Record<string, string | number>;

export interface ConflictRowIssue<C extends string = ConflictRejectCode | ConflictWarningCode> {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  line: number;
  code: C;
  params: IssueParams;
}

/** Required columns a file can lack: the date, and a place (ubigeo, or province/district). */
export type RequiredColumn = 'fecha' | 'ubicacion';

export type ConflictFileError =
  | { code: 'faltan_columnas'; params: { faltan: RequiredColumn[] } }
  | { code: 'sin_filas'; params: Record<string, never> }
  | { code: 'demasiadas_filas'; params: { filas: number; limite: number } };

export const CONFLICT_FILE_ERROR_CODES = ['faltan_columnas', 'sin_filas', 'demasiadas_filas'] as const satisfies ReadonlyArray<ConflictFileError['code']>;

export function issue<C extends ConflictRejectCode | ConflictWarningCode>(line: number, code: C, params: IssueParams = {}): ConflictRowIssue<C> {
  return { line, code, params };
}
