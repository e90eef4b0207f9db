import { useTranslation } from 'react-i18next';
import { indicatorById } from '../domain/indicators';
import { formatNumber } from '../i18n';
import { useStore } from '../state/store';
import { useRanking } from './useRanking';
import { datasetLabel } from './datasetLabel';

/** The indicators behind the score: direction, normalised weight and the dataset each comes from. */
export function IndicatorList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useStore((s) => s.data);
  const ranked = useRanking();
  if (!data || !ranked) return null;
  const { ranking } = ranked;
  return (
    <section className="indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <ul>
        {ranking.indicatorIds.map((id, j) => {
          const def = indicatorById(id);
          return (
            <li key={id}>
              <strong>{def.label[lng === 'en' ? 'en' : 'es']}</strong>{' '}
              <span className="muted">
                ({t(def.direction === 'up' ? 'indicators.direction_up' : 'indicators.direction_down')};{' '}
                {t('indicators.weight', { pct: formatNumber(ranking.weights[j] * 100, lng, 1) })})
              </span>
              <div className="muted small">{def.datasets.map((d) => datasetLabel(data.catalog, d, lng)).join(' · ')}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
