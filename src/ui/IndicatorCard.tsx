import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { indicatorById, OLD_FACILITY_YEARS } from '../domain/indicators';
import { COUNT_INDICATORS, FACILITY_INDICATORS } from '../data/indicatorSql';
import type { Units } from '../data/units';
import { definitionsText } from '../export/definitionsText';
import { useSourceLabel } from './datasetLabel';
import { robustOutlier } from '../domain/outliers';
import { formatNumber } from '../i18n';

const FACILITY = new Set<string>(FACILITY_INDICATORS);
const COUNT = new Set<string>(COUNT_INDICATORS);
const AGE = new Set(['antiguedad_mediana', 'pct_antiguos']);
/** Lima Metropolitana = the province of Lima. */
const LIMA = '1501';

/** The caveats of an indicator, in general (keys under definitions.caveats). */
function generalCaveats(id: string): string[] {
  if (!FACILITY.has(id)) return [];
  const out = ['register2017'];
  if (COUNT.has(id)) out.push('capacity');
  if (AGE.has(id)) out.push('ageProxy');
  if (id === 'pct_sin_camas') out.push('bedsGap');
  if (id === 'emergencias_por_establecimiento') out.push('susaludOutside', 'zerosRule', 'outlierRows');
  return out;
}

/**
 * The indicator card (issue 12): definition, numerator, denominator and universe, source and
 * vintage, known caveats and, for a selected unit, the caveats that apply to it. A
 * `<details>` disclosure, so it opens from the detail panel and the weights panel with the keyboard.
 */
export function IndicatorCard({ id, units, index, scope }: { id: string; units?: Units; index?: number; scope?: ArrayLike<number> }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const source = useSourceLabel();
  const d = useStore((s) => s.scenario.definitions);
  const def = indicatorById(id);
  const facility = FACILITY.has(id);
  const name = def.label[lng];
  const applies: string[] = [];
  if (units && index !== undefined) {
    const value = units.values[id]?.[index];
    const counts = units.facilityCounts;
    const inLima = units.ubigeoProv[index] === LIMA;
    if (facility && counts && counts.universo[index] === 0) applies.push(t('definitions.caveats.noFacility'));
    else if (value === undefined || Number.isNaN(value)) applies.push(t('definitions.caveats.missingHere'));
    if (facility && inLima && !d.universe.institutions.includes('minsa')) applies.push(t('definitions.caveats.lima'));
    if (AGE.has(id) && counts && counts.alertas[index] > 0) applies.push(t('definitions.caveats.datesFlagged', { n: counts.alertas[index] }));
    const values = units.values[id];
    const check = values && scope ? robustOutlier(values, scope, index) : null;
    if (check?.outlier) {
      applies.push(t('definitions.caveats.outlier', { z: formatNumber(check.z, lng, 1), median: formatNumber(check.median, lng, def.digits) }));
    }
    if (id === 'emergencias_por_establecimiento' && Number.isNaN(value ?? NaN) && d.emergencyZeros === 'sin_reporte') {
      applies.push(t('definitions.caveats.zerosRule', { rule: t(`definitions.emergencyZerosOptions.${d.emergencyZeros}`) }));
    }
  }
  const unitName = units && index !== undefined ? units.names[index] : null;
  return (
    <details className="indicator-card" data-testid={`indicator-card-${id}`}>
      <summary aria-label={t('definitions.card.openNamed', { name })}>{t('definitions.card.open')}</summary>
      <dl>
        <dt>{t('definitions.card.definition')}</dt>
        <dd>{facility ? t(`definitions.defs.${id}.d`, { years: OLD_FACILITY_YEARS }) : name}</dd>
        <dt>{t('definitions.card.direction')}</dt>
        <dd>{t(`indicators.direction_${def.direction}`)}</dd>
        {facility ? (
          <>
            <dt>{t('definitions.card.numerator')}</dt>
            <dd>{t(`definitions.defs.${id}.n`, { years: OLD_FACILITY_YEARS })}</dd>
            <dt>{t('definitions.card.denominator')}</dt>
            <dd>{t(`definitions.defs.${id}.q`, { years: OLD_FACILITY_YEARS })}</dd>
          </>
        ) : (
          <>
            <dt>{t('definitions.card.numerator')}</dt>
            <dd>{t('definitions.card.value')}</dd>
          </>
        )}
        <dt>{t('definitions.card.universe')}</dt>
        <dd data-testid="indicator-card-universe">{facility ? definitionsText(d, t) : t('definitions.card.notFacility')}</dd>
        {def.period && (
          <>
            <dt>{t('definitions.card.period')}</dt>
            <dd data-testid="indicator-card-period">{def.period}</dd>
          </>
        )}
        <dt>{t('definitions.card.source')}</dt>
        <dd>{def.datasets.map(source).join(' · ')}</dd>
        {generalCaveats(id).length > 0 && (
          <>
            <dt>{t('definitions.card.caveats')}</dt>
            <dd>
              <ul>
                {generalCaveats(id).map((k) => (
                  <li key={k}>
                    {t(`definitions.caveats.${k}`, {
                      rule: t(
                        k === 'outlierRows'
                          ? `definitions.emergencyOutliersOptions.${d.emergencyOutliers}`
                          : k === 'capacity'
                            ? `definitions.capacityOptions.${d.capacity}`
                            : `definitions.emergencyZerosOptions.${d.emergencyZeros}`,
                      ),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {unitName !== null && (
          <>
            <dt>{t('definitions.card.appliesHere', { name: unitName })}</dt>
            <dd data-testid="indicator-card-applies">
              {applies.length ? (
                <ul>
                  {applies.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              ) : (
                t('definitions.card.noneHere', { name: unitName })
              )}
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
