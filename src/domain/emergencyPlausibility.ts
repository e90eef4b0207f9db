/**
 * Plausibility of a facility's SUSALUD emergency attentions (issue 12). The pipeline
 * (data/emergencies.ts) flags each row of `emergencias_2024`; the scenario chooses what to do with
 * flagged rows. Pure rules and SQL fragments, shared by the pipeline, the queries and the UI text.
 *
 * Rule: a first-level facility without inpatient care (categories I-1, I-2, I-3; by MINSA's
 * NTS 021 the 24-hour emergency service starts at I-4) that reports more emergency attentions in
 * the year than the median hospital of the first hospital level (II-1) is not credible for its
 * level. The maximum is computed from the data (the median of the II-1 facilities SUSALUD lists:
 * 11,339 in 2024), not set by hand. E.g. code 1781, Puesto de Salud Quinuabamba (I-2), reports
 * 74,003. One SUSALUD row is one facility code.
 */
export const EMERGENCY_OUTLIER_FLAG = 'sobre_maximo_nivel';
/** Categories whose attentions have a plausible maximum. */
export const CAPPED_CATEGORIES = ['I-1', 'I-2', 'I-3'] as const;
/** The category whose median sets the maximum. */
export const REFERENCE_CATEGORY = 'II-1';

/**
 * What flagged rows do in «atenciones de emergencia por establecimiento»: `incluir` as reported
 * (before issue 12), `recortar` capped at the maximum (winsorised), `excluir` left out on both
 * sides of the ratio (its true value is unknown: treated like a facility that did not report).
 */
export type EmergencyOutlierRule = 'incluir' | 'recortar' | 'excluir';
export const EMERGENCY_OUTLIER_RULES: readonly EmergencyOutlierRule[] = ['incluir', 'recortar', 'excluir'];

/**
 * SQL over `emergencias_2024` (columns atenciones, alerta, maximo_plausible): the attentions a
 * row contributes under the rule, NULL when the row is left out.
 */
export function attentionsSql(rule: EmergencyOutlierRule, t = ''): string {
  const p = t ? `${t}.` : '';
  if (rule === 'recortar') return `(CASE WHEN ${p}alerta IS NOT NULL THEN least(${p}atenciones, ${p}maximo_plausible) ELSE ${p}atenciones END)`;
  if (rule === 'excluir') return `(CASE WHEN ${p}alerta IS NOT NULL THEN NULL ELSE ${p}atenciones END)`;
  return `${p}atenciones`;
}

/** SQL condition: the row counts (not left out) under the rule. */
export const rowCountsSql = (rule: EmergencyOutlierRule, t = ''): string => (rule === 'excluir' ? `${t ? `${t}.` : ''}alerta IS NULL` : 'TRUE');
