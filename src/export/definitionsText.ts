import { FACILITY_GROUPS, INSTITUTION_GROUPS } from '../domain/facilities';
import type { IndicatorDefinitions } from '../domain/universe';
import type { Tr } from './provenance';

/** The scenario's facility universe and indicator rules in one sentence (issue 12): exports, legend, detail. */
export function definitionsText(d: IndicatorDefinitions, t: Tr): string {
  const names = <T extends string>(all: readonly T[], chosen: readonly T[], label: (x: T) => string) =>
    chosen.length === 0 ? t('definitions.none') : all.every((g) => chosen.includes(g)) ? t('definitions.all') : all.filter((g) => chosen.includes(g)).map(label).join(', ');
  return t('definitions.summary', {
    institutions: names(INSTITUTION_GROUPS, d.universe.institutions, (g) => t(`layers.institutionGroups.${g}`)),
    categories: names(FACILITY_GROUPS, d.universe.categories, (g) => g),
    capacity:
      d.capacity === 'pesos'
        ? `${t('definitions.capacityOptions.pesos')} (${FACILITY_GROUPS.map((g) => `${g} ${d.levelWeights[g]}`).join(', ')})`
        : t(`definitions.capacityOptions.${d.capacity}`),
    numerator: t(`definitions.emergencyNumerators.${d.emergencyNumerator}`),
    zeros: t(`definitions.emergencyZerosOptions.${d.emergencyZeros}`),
    outliers: t(`definitions.emergencyOutliersOptions.${d.emergencyOutliers}`),
    dates: t(`definitions.dateRules.${d.dates}`),
    year: d.referenceYear,
  });
}
