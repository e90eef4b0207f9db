/**
 * Plausibility of the register's start-of-activity dates (issue 12). The pipeline
 * (data/datePlausibility.ts) writes one flag per facility in `establecimientos.inicio_alerta`;
 * the app lets the user leave flagged dates out of the age indicators. Pure data and rules, no
 * DuckDB: the thresholds are shared by the pipeline, the SQL and the UI text.
 *
 * Flags, first match wins:
 * - `variante_1900`: a date in 1900 that is not the 01/01/1900 placeholder (which the pipeline
 *   already empties): 27/01/1900, 01/05/1900, 06/09/1900 (Ticrapo), 09/01/1900. Year 1900 is the
 *   placeholder's year; no first-level post of the register is that old.
 * - `anterior_al_nivel`: a first-level facility (I-1 … I-4) dated before 1935, the year the
 *   Ministerio de Salud Pública, Trabajo y Previsión Social was created: the first-level network
 *   it runs did not exist yet. Old hospitals (Dos de Mayo 1875, the Maternidad 1826) are not flagged.
 * - `bloque_fecha`: the same full date shared by at least BLOCK_MIN_FACILITIES facilities of
 *   one province (09/10/1996: 126 facilities in 7 provinces of Ayacucho): a probable registration date.
 * - `bloque_anios`: at least BLOCK_MIN_FACILITIES facilities and at least BLOCK_MIN_SHARE of a
 *   province's dated facilities within BLOCK_YEARS consecutive years, before BLOCK_BEFORE_YEAR
 *   (Canas: 11 of its 14 dated facilities in 1964–1967, 8 of them in 1965): a probable registration campaign.
 */
export const START_DATE_FLAGS = ['variante_1900', 'anterior_al_nivel', 'bloque_fecha', 'bloque_anios'] as const;
export type StartDateFlag = (typeof START_DATE_FLAGS)[number];
/** Implausible dates (not blocks): wrong rather than merely suspicious. */
export const IMPLAUSIBLE_FLAGS: readonly StartDateFlag[] = ['variante_1900', 'anterior_al_nivel'];

export const PLACEHOLDER_YEAR = 1900;
/** Creation of the Ministerio de Salud Pública (5 October 1935). */
export const FIRST_LEVEL_EARLIEST_YEAR = 1935;
export const BLOCK_MIN_FACILITIES = 5;
export const BLOCK_YEARS = 4;
export const BLOCK_MIN_SHARE = 0.5;
/** Runs of years are looked for only before this year (later waves of building are documented). */
export const BLOCK_BEFORE_YEAR = 1990;

/** Which start dates the age indicators use. */
export type DateRule = 'todas' | 'sin_implausibles' | 'sin_alertas';
export const DATE_RULES: readonly DateRule[] = ['todas', 'sin_implausibles', 'sin_alertas'];

/** SQL condition (over `establecimientos`) for a date the age indicators may use under `rule`. */
export function dateUsableSql(rule: DateRule): string {
  if (rule === 'todas') return 'anio_inicio IS NOT NULL';
  if (rule === 'sin_implausibles') {
    return `anio_inicio IS NOT NULL AND coalesce(inicio_alerta, '') NOT IN (${IMPLAUSIBLE_FLAGS.map((f) => `'${f}'`).join(', ')})`;
  }
  return 'anio_inicio IS NOT NULL AND inicio_alerta IS NULL';
}

/** Whether a facility's start date counts under `rule` (the same test as dateUsableSql, in JS). */
export function dateUsable(anio: number | null, flag: StartDateFlag | null, rule: DateRule): boolean {
  if (anio === null || Number.isNaN(anio)) return false;
  if (rule === 'todas' || flag === null) return true;
  if (rule === 'sin_implausibles') return !IMPLAUSIBLE_FLAGS.includes(flag);
  return false;
}
