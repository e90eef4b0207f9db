/**
 * The facility-condition template a regional office fills in, and MINSA's gap indicator from
 * it: the share of first-level facilities (I-1 to I-4) with inadequate installed capacity, where
 * inadequate means no integral intervention in infrastructure and equipment in the last five
 * years (MINSA, Diagnóstico de brechas 2021–2022; see ../shared/data/SOURCES.md and
 * docs/facility-condition.md).
 */
import { REFERENCE_YEAR } from './indicators';

export const TEMPLATE_COLUMNS = [
  'codigo_ipress',
  'estado_infraestructura',
  'estado_equipamiento',
  'anio_ultima_intervencion_integral',
  'tipo_intervencion',
  'monto_estimado_soles',
  'fuente',
  'fecha_inspeccion',
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** The values the two condition columns take. */
export const CONDITION_VALUES = ['bueno', 'regular', 'malo'] as const;

/** MINSA's rule: an integral intervention counts for five years (the reference year and the four before). */
export const INTERVENTION_YEARS = 5;

/** True for first-level categories (I-1 … I-4) of the register. */
export const isFirstLevel = (categoria: string) => /^I-[1-4]$/.test(categoria.trim());

/**
 * Inadequate installed capacity by MINSA's five-year rule: no integral intervention year, or one
 * before `referenceYear − 4`. A year after the reference year is a typo and counts as unknown (null).
 */
export function inadequateCapacity(year: number | null, referenceYear = REFERENCE_YEAR): boolean | null {
  if (year === null || !Number.isFinite(year)) return true;
  if (year > referenceYear || year < 1800) return null;
  return year <= referenceYear - INTERVENTION_YEARS;
}

/** True when a table has the template's key and intervention-year columns. */
export const looksLikeTemplate = (columns: readonly string[]) =>
  columns.includes('codigo_ipress') && columns.includes('anio_ultima_intervencion_integral');

/** The template as CSV (UTF-8 with BOM, `;` as Peruvian Excel writes it): the header only. */
export function templateCsv(): string {
  return `\uFEFF${TEMPLATE_COLUMNS.join(';')}\r\n`;
}

/** The template's sheets: the empty table, then one line per column saying what it holds. */
export function templateSheets(describe: (column: TemplateColumn) => string, instructions: string) {
  return [
    { name: 'establecimientos', rows: [[...TEMPLATE_COLUMNS]] },
    { name: instructions.slice(0, 31), rows: TEMPLATE_COLUMNS.map((c) => [c, describe(c)]) },
  ];
}
