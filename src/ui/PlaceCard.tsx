import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { engineOf, selectedPlaceIndex } from '../state/selectors';
import { valueOf } from '../state/loadState';
import { formatNumber } from '../i18n';
import { datasetLabel } from './datasetLabel';
import { InfoCard } from './InfoCard';

/** One populated place: its nearest facility of the chosen category and the straight-line distance. */
export function PlaceCard() {
  const { t, i18n } = useTranslation();
  const i = useStore(selectedPlaceIndex);
  const access = useStore((s) => valueOf(s.data.access));
  const nearest = useStore((s) => s.derived.accessNearest);
  const category = useStore((s) => s.scenario.layers.places.category);
  const threshold = useStore((s) => s.scenario.layers.places.thresholdKm);
  const selectPlace = useStore((s) => s.selectPlace);
  const data = useStore(engineOf);
  if (i === null || !access || !data) return null;
  const p = access.places;
  const d = nearest?.distanceKm[i] ?? NaN;
  const f = nearest ? nearest.facility[i] : -1;
  const distance = Number.isNaN(d)
    ? '—'
    : `${formatNumber(d, i18n.language, 1)} km ${d > threshold ? t('access.beyond', { km: threshold }) : t('access.within', { km: threshold })}`;
  return (
    <InfoCard
      title={p.nombre[i] || t('access.unnamed')}
      closeLabel={t('access.close')}
      onClose={() => selectPlace(null)}
      testId="place-card"
      rows={[
        [t('access.district'), p.ubigeo[i] || t('access.noDistrict')],
        [
          t('access.nearest', { category: t(`access.categories.${category}`) }),
          f >= 0 ? `${access.facilities.nombre[f]} (${access.facilities.categoria[f] || '—'})` : '—',
          'place-nearest',
        ],
        [t('access.distance'), distance, 'place-distance'],
      ]}
    >
      <p className="small warning">{t('access.caveat')}</p>
      <p className="muted small">
        {t('tooltip.source', { dataset: datasetLabel(data.catalog, 'centros_poblados', i18n.language) })} ·{' '}
        {datasetLabel(data.catalog, 'establecimientos', i18n.language)}
      </p>
    </InfoCard>
  );
}
