import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { formatNumber } from '../i18n';
import { datasetLabel } from './datasetLabel';

/** One populated place: its nearest facility of the chosen category and the straight-line distance. */
export function PlaceCard() {
  const { t, i18n } = useTranslation();
  const i = useStore((s) => s.selectedPlace);
  const access = useStore((s) => s.access);
  const nearest = useStore((s) => s.accessNearest);
  const category = useStore((s) => s.scenario.layers.places.category);
  const threshold = useStore((s) => s.scenario.layers.places.thresholdKm);
  const selectPlace = useStore((s) => s.selectPlace);
  const data = useStore((s) => s.data);
  if (i === null || !access || !data) return null;
  const p = access.places;
  const d = nearest?.distanceKm[i] ?? NaN;
  const f = nearest ? nearest.facility[i] : -1;
  return (
    <section className="detail facility-card" aria-labelledby="place-title" data-testid="place-card">
      <header>
        <h2 id="place-title">{p.nombre[i] || t('access.unnamed')}</h2>
        <button type="button" onClick={() => selectPlace(null)} aria-label={t('access.close')}>
          ×
        </button>
      </header>
      <dl>
        <div className="facility-row">
          <dt>{t('access.district')}</dt>
          <dd>{p.ubigeo[i] || t('access.noDistrict')}</dd>
        </div>
        <div className="facility-row">
          <dt>{t('access.nearest', { category: t(`access.categories.${category}`) })}</dt>
          <dd data-testid="place-nearest">{f >= 0 ? `${access.facilities.nombre[f]} (${access.facilities.categoria[f] || '—'})` : '—'}</dd>
        </div>
        <div className="facility-row">
          <dt>{t('access.distance')}</dt>
          <dd data-testid="place-distance">
            {Number.isNaN(d) ? '—' : `${formatNumber(d, i18n.language, 1)} km`}{' '}
            {!Number.isNaN(d) && (d > threshold ? t('access.beyond', { km: threshold }) : t('access.within', { km: threshold }))}
          </dd>
        </div>
      </dl>
      <p className="small warning">{t('access.caveat')}</p>
      <p className="muted small">
        {t('tooltip.source', { dataset: datasetLabel(data.catalog, 'centros_poblados', i18n.language) })} ·{' '}
        {datasetLabel(data.catalog, 'establecimientos', i18n.language)}
      </p>
    </section>
  );
}
