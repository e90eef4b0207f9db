import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { FACILITY_GROUPS, GROUP_COLOUR, GROUP_RADIUS } from '../domain/facilities';
import { formatNumber } from '../i18n';
import type { LayerState, MapLayers } from '../state/scenario';
import { datasetLabel } from './datasetLabel';

const LAYERS: { key: keyof MapLayers; datasets: string[] }[] = [
  { key: 'basemap', datasets: ['paises'] },
  { key: 'departamentos', datasets: ['limites_departamentos'] },
  { key: 'choropleth', datasets: ['limites_provincias'] },
  { key: 'facilities', datasets: ['establecimientos'] },
];

function LayerRow({ layerKey, datasets }: { layerKey: keyof MapLayers; datasets: string[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const state = useStore((s) => s.scenario.layers[layerKey]) as LayerState;
  const setLayer = useStore((s) => s.setLayer);
  const data = useStore((s) => s.data);
  const label = t(`layers.${layerKey}`);
  return (
    <li className="layer" data-layer={layerKey}>
      <div className="indicator-head">
        <input id={`${id}-on`} type="checkbox" checked={state.visible} onChange={(e) => setLayer(layerKey, { visible: e.target.checked })} />
        <label htmlFor={`${id}-on`}>{label}</label>
      </div>
      {state.visible && (
        <div className="weight-row">
          <label htmlFor={`${id}-op`} className="small">
            {t('layers.opacity')}
          </label>
          <input
            id={`${id}-op`}
            type="range"
            min={0}
            max={100}
            value={Math.round(state.opacity * 100)}
            onChange={(e) => setLayer(layerKey, { opacity: Number(e.target.value) / 100 })}
          />
        </div>
      )}
      <p className="muted small layer-source">
        {data ? datasetLabel(data.catalog, datasets[0], i18n.language) : ''}{' '}
        <button type="button" className="link" onClick={() => useStore.getState().setDataPanelOpen(true)}>
          {t('layers.seeData')}
        </button>
      </p>
    </li>
  );
}

/** The map's layers: on/off, opacity, source; facilities filtered by category group. */
export function LayerList() {
  const { t, i18n } = useTranslation();
  const facilities = useStore((s) => s.facilities);
  const layer = useStore((s) => s.scenario.layers.facilities);
  const error = useStore((s) => s.facilitiesError);
  const setLayer = useStore((s) => s.setLayer);
  const counts = useMemo(() => {
    const c = new Array(FACILITY_GROUPS.length).fill(0) as number[];
    if (facilities) for (let i = 0; i < facilities.count; i++) c[facilities.group[i]]++;
    return c;
  }, [facilities]);
  const shown = FACILITY_GROUPS.reduce((sum, g, k) => sum + (layer.categories.includes(g) ? counts[k] : 0), 0);
  const toggle = (g: string, on: boolean) =>
    setLayer('facilities', { categories: on ? [...layer.categories, g] : layer.categories.filter((x) => x !== g) });
  return (
    <details className="layers" open data-testid="layer-list">
      <summary>
        <h2>{t('layers.title')}</h2>
      </summary>
      <ul className="indicator-list">
        {LAYERS.map((l) => (
          <LayerRow key={l.key} layerKey={l.key} datasets={l.datasets} />
        ))}
      </ul>
      {layer.visible && (
        <fieldset className="field facility-filter">
          <legend>{t('layers.categories')}</legend>
          {FACILITY_GROUPS.map((g, k) => (
            <label key={g} className="radio">
              <input type="checkbox" checked={layer.categories.includes(g)} onChange={(e) => toggle(g, e.target.checked)} />
              <span
                className="dot"
                aria-hidden="true"
                style={{ width: GROUP_RADIUS[g] * 2, height: GROUP_RADIUS[g] * 2, background: `rgb(${GROUP_COLOUR[g].join(',')})` }}
              />
              {t(`layers.groups.${g}`)} {facilities && <span className="muted">({formatNumber(counts[k], i18n.language, 0)})</span>}
            </label>
          ))}
          <p role="status" data-testid="facility-count">
            {error
              ? t(`errors.${error.key}`, error.params)
              : facilities
                ? t('layers.facilityCount', { count: shown, n: formatNumber(shown, i18n.language, 0) })
                : t('app.loading')}
          </p>
        </fieldset>
      )}
    </details>
  );
}
