import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { formatNumber } from '../i18n';
import { indicatorById } from '../domain/indicators';
import type { Units } from '../data/units';
import type { Ranking } from '../state/ranking';
import { definitionsText } from '../export/definitionsText';

/**
 * The detail panel's account of the facility universe for one unit (issue 12): how many
 * facilities count under the scenario's definitions, which indicators are missing here and how
 * the score treated that, and Lima Metropolitana's case.
 */
export function UnitFacilities({ units, index, ranking }: { units: Units; index: number; ranking: Ranking }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'es';
  const d = useStore((s) => s.scenario.definitions);
  const missingPolicy = useStore((s) => s.scenario.missing);
  const threshold = useStore((s) => s.scenario.coverageThreshold);
  const counts = units.facilityCounts;
  const fmt = (x: number) => formatNumber(x, lng, 0);
  const missing = ranking.indicatorIds.filter((id) => Number.isNaN(units.values[id]?.[index] ?? NaN));
  const coverage = ranking.coverage[index];
  const inLima = units.ubigeoProv[index] === '1501';
  return (
    <div className="unit-facilities" data-testid="unit-facilities">
      <h3>{t('definitions.unit.title')}</h3>
      {counts && (
        <p data-testid="unit-facility-counts" data-universe={counts.universo[index]} data-register={counts.registro[index]}>
          {t('definitions.unit.counts', {
            universe: fmt(counts.universo[index]),
            register: fmt(counts.registro[index]),
            dated: fmt(counts.fechados[index]),
            flagged: fmt(counts.alertas[index]),
          })}
        </p>
      )}
      <p className="muted small" data-testid="unit-definitions">{definitionsText(d, t)}</p>
      {inLima && !d.universe.institutions.includes('minsa') && <p className="small">{t('definitions.unit.lima')}</p>}
      {missing.length > 0 && (
        <p className="small" data-testid="unit-missing">
          {t('definitions.unit.missing', { names: missing.map((id) => indicatorById(id).label[lng]).join('; ') })}{' '}
          {missingPolicy === 'exclude'
            ? t('definitions.unit.missingExclude')
            : coverage < threshold
              ? t('definitions.unit.missingInsufficient', { pct: fmt((coverage || 0) * 100) })
              : t('definitions.unit.missingReweight', { pct: fmt(coverage * 100) })}
        </p>
      )}
    </div>
  );
}
