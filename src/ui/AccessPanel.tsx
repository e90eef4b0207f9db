import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { valueOf, errorOf } from '../state/loadState';
import { RetryButton } from './RetryButton';
import { ACCESS_CATEGORIES, type AccessCategory } from '../domain/access';
import { formatNumber } from '../i18n';

export const THRESHOLD_MIN_KM = 5;
export const THRESHOLD_MAX_KM = 60;

/** Threshold, facility category, colouring and caveats of the access-gap computation. */
export function AccessPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const places = useStore((s) => s.scenario.layers.places);
  const setLayer = useStore((s) => s.setLayer);
  const access = useStore((s) => valueOf(s.data.access));
  const error = useStore((s) => errorOf(s.data.access));
  const timing = useStore((s) => s.derived.accessTiming);
  const nearest = useStore((s) => s.derived.accessNearest);
  const n = (x: number, d = 0) => formatNumber(x, i18n.language, d);
  let beyond = 0;
  let measured = 0;
  if (nearest && nearest.category === places.category) {
    for (const d of nearest.distanceKm) {
      if (Number.isNaN(d)) continue;
      measured++;
      if (d > places.thresholdKm) beyond++;
    }
  }
  return (
    <details className="layers access" open data-testid="access-panel">
      <summary>
        <h2>{t('access.title')}</h2>
      </summary>
      <p className="small warning">{t('access.caveat')}</p>
      <div className="field">
        <label htmlFor={`${id}-km`}>{t('access.threshold', { km: places.thresholdKm })}</label>
        <input
          id={`${id}-km`}
          data-testid="access-threshold"
          type="range"
          min={THRESHOLD_MIN_KM}
          max={THRESHOLD_MAX_KM}
          value={places.thresholdKm}
          onChange={(e) => setLayer('places', { thresholdKm: Number(e.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cat`}>{t('access.category')}</label>
        <select
          id={`${id}-cat`}
          data-testid="access-category"
          value={places.category}
          onChange={(e) => setLayer('places', { category: e.target.value as AccessCategory })}
        >
          {ACCESS_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`access.categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {places.visible && (
        <fieldset className="field">
          <legend>{t('access.colourBy')}</legend>
          {(['threshold', 'distance'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name={`${id}-mode`} checked={places.colourBy === m} onChange={() => setLayer('places', { colourBy: m })} />
              {t(`access.modes.${m}`)}
            </label>
          ))}
          <label className="radio">
            <input type="checkbox" checked={places.showLine} onChange={(e) => setLayer('places', { showLine: e.target.checked })} />
            {t('access.showLine')}
          </label>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error.key}`, error.params)} <RetryButton load="access" />
        </p>
      )}
      <p role="status" data-testid="access-status" className="small">
        {!access
          ? t('access.notLoaded')
          : measured > 0
            ? t('access.summary', {
                beyond: n(beyond),
                total: n(measured),
                pct: n((100 * beyond) / measured, 1),
                km: places.thresholdKm,
                facilities: n(nearest?.category === places.category && nearest.facilities !== undefined ? nearest.facilities : access.categoryCounts[places.category]),
              })
            : t('app.loading')}
      </p>
      {timing && (
        <p className="small muted" data-testid="access-timing">
          {t('access.timing', { ms: n(timing.roundTripMs), worker: n(timing.workerMs, 1) })}
        </p>
      )}
      <p className="small muted">{t('access.method')}</p>
    </details>
  );
}
