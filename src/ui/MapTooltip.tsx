import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf } from '../state/selectors';
import { formatNumber } from '../i18n';
import { indicatorById } from '../domain/indicators';
import { useSourceLabel } from './datasetLabel';
import { formatIndicator } from './indicatorValue';
import { robustOutlier } from '../domain/outliers';

/** Pointer-only (no live region): the ranking table is the accessible equivalent. */
export function MapTooltip({ ubigeo, x, y }: { ubigeo: string; x: number; y: number }) {
  const { t, i18n } = useTranslation();
  const data = useStore(engineOf);
  const source = useSourceLabel();
  const ranked = useStore((s) => s.derived.ranking);
  const classes = useStore((s) => s.scenario.classes);
  if (!data || !ranked) return null;
  const { units, ranking } = ranked;
  const i = units.ids.indexOf(ubigeo);
  if (i < 0) return null;
  const lng = i18n.language;
  const inScope = ranking.inScope[i] === 1;
  // the indicator the map is coloured by comes first, even when it does not weigh in the ranking
  const mapped = classes.kind === 'indicator' && units.values[classes.indicator] ? classes.indicator : null;
  const ids = mapped ? [mapped, ...ranking.indicatorIds.filter((id) => id !== mapped)] : ranking.indicatorIds;
  const datasets = new Set(ids.flatMap((id) => indicatorById(id).datasets));
  const parent = units.level === 'distrito' ? `${units.provincias[i]}, ${units.departamentos[i]}` : units.departamentos[i];
  return (
    <div className="tooltip" style={{ left: x + 12, top: y + 12 }} data-testid="map-tooltip">
      <strong>{units.names[i]}</strong> <span className="muted">({parent})</span>
      {!inScope ? (
        <div>{t('tooltip.outOfScope')}</div>
      ) : ranking.rank[i] > 0 ? (
        <div>
          {t('tooltip.rank', { rank: ranking.rank[i], total: ranking.order.length })} ·{' '}
          {t('tooltip.score', { score: formatNumber(ranking.score[i], lng) })}
        </div>
      ) : (
        <div>{t('ranking.insufficient')}</div>
      )}
      <ul>
        {ids.map((id) => (
          <li key={id} data-testid={id === mapped ? 'tooltip-mapped' : undefined}>
            {indicatorById(id).label[lng === 'en' ? 'en' : 'es']}: {formatIndicator(id, units.values[id][i], t, lng)}
            {id === mapped && <span className="muted"> ({t('tooltip.onMap')})</span>}
            {/* the same robust rule as the detail panel: far from the scope's median (MAD) */}
            {inScope && robustOutlier(units.values[id], ranking.scopeIndices, i).outlier && (
              <span className="outlier-mark" data-testid="tooltip-outlier">
                {' '}
                ({t('definitions.outlierMark')})
              </span>
            )}
          </li>
        ))}
      </ul>
      {[...datasets].map((id) => (
        <div key={id} className="muted small">
          {t('tooltip.source', { dataset: source(id) })}
        </div>
      ))}
    </div>
  );
}
