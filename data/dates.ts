// Start-of-activity dates of the MINSA register ("Inicio de Actividad", dd/mm/yyyy).
// The CSV sniffer would guess the format; here it is stated (DATE_FORMAT) and the column is
// read as text. Rules, from the data:
// - "01/01/1900" is a placeholder (1,061 rows in the raw file), not a date: NULL.
// - Years before MIN_PLAUSIBLE_YEAR are typos (one row says 1075): NULL. The oldest real
//   dates are kept on purpose: 1826 (Instituto Nacional Materno Perinatal, founded as the
//   Maternidad de Lima in 1826) and 1875 (Hospital Dos de Mayo, opened 28 Feb 1875).
// - Years after the register's own year (REGISTER_YEAR; its last date is 28/02/2017): NULL.
// - Text that is not a dd/mm/yyyy date: NULL.
export const DATE_FORMAT = '%d/%m/%Y';
export const PLACEHOLDER_START_DATE = '01/01/1900';
export const MIN_PLAUSIBLE_YEAR = 1800;
export const REGISTER_YEAR = 2017;

export type StartDateStatus =
  | 'ok'
  | 'vacia'
  | 'placeholder_1900'
  | 'anio_imposible'
  | 'posterior_al_registro'
  | 'ilegible';

/** SQL CASE classifying a raw VARCHAR date into a StartDateStatus. */
export function startDateStatusSql(expr: string): string {
  const parsed = `try_strptime(trim(${expr}), '${DATE_FORMAT}')`;
  return `(CASE
    WHEN ${expr} IS NULL OR trim(${expr}) = '' THEN 'vacia'
    WHEN trim(${expr}) = '${PLACEHOLDER_START_DATE}' THEN 'placeholder_1900'
    WHEN ${parsed} IS NULL THEN 'ilegible'
    WHEN year(${parsed}) < ${MIN_PLAUSIBLE_YEAR} THEN 'anio_imposible'
    WHEN year(${parsed}) > ${REGISTER_YEAR} THEN 'posterior_al_registro'
    ELSE 'ok' END)`;
}

/** SQL DATE for valid dates, NULL otherwise. */
export function startDateSql(expr: string): string {
  return `(CASE WHEN ${startDateStatusSql(expr)} = 'ok'
    THEN CAST(try_strptime(trim(${expr}), '${DATE_FORMAT}') AS DATE) END)`;
}
