import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Dot } from './Dot';
import { useStore } from '../state/store';
import { engineOf } from '../state/selectors';
import { valueOf, errorOf } from '../state/loadState';
import { RetryButton } from './RetryButton';
import { FACILITY_GROUPS, GROUP_COLOUR, GROUP_RADIUS, INSTITUTION_GROUPS } from '../domain/facilities';
import { formatNumber } from '../i18n';
import type { LayerState, MapLayers } from '../state/scenario';
import { useSourceLabel } from './datasetLabel';

const LAYERS: { key: keyof MapLayers; datasets: string[] }[] = [
  { key: 'basemap', datasets: ['paises'] },
  { key: 'departamentos', datasets: ['limites_departamentos'] },
  { key: 'provincias', datasets: ['limites_provincias'] },
  { key: 'distritos', datasets: ['limites_distritos'] },
  { key: 'choropleth', datasets: ['limites_provincias'] },
  { key: 'labels', datasets: ['limites_provincias'] },
  { key: 'facilities', datasets: ['establecimientos'] },
  { key: 'places', datasets: ['centros_poblados'] },
  { key: 'conflictHeatmap', datasets: ['conflictos'] },
  { key: 'conflictPoints', datasets: ['conflictos'] },
  { key: 'hotspots', datasets: ['conflictos', 'limites_provincias'] },
];

function LayerRow({ layerKey, datasets }: { layerKey: keyof MapLayers; datasets: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useStore((s) => s.scenario.layers[layerKey]) as LayerState;
  const setLayer = useStore((s) => s.setLayer);
  const data = useStore(engineOf);
  const source = useSourceLabel();
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
            <span className="sr-only">: {label}</span>
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
      {layerKey === 'distritos' && state.visible && <p className="small muted">{t('layers.districtLinesZoom')}</p>}
      <p className="muted small layer-source">
        {data ? source(datasets[0]) : ''}{' '}
        <button type="button" className="link" onClick={() => useStore.getState().setDataPanelOpen(true)}>
          {t('layers.seeData')}
          <span className="sr-only"> ({label})</span>
        </button>
      </p>
    </li>
  );
}

/** Counts of facilities per value of a grouping column (for the filter labels). */
function countBy(values: Uint8Array | undefined, size: number): number[] {
  const c = new Array(size).fill(0) as number[];
  if (values) for (const v of values) c[v]++;
  return c;
}

const parseAge = (v: string) => (v.trim() === '' ? null : Math.max(0, Math.round(Number(v))));

/** The facility layer's filters: category, institution, age, and the quality-flag rings. */
function FacilityFilters() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const facilities = useStore((s) => valueOf(s.data.facilities));
  const layer = useStore((s) => s.scenario.layers.facilities);
  const referenceYear = useStore((s) => s.scenario.definitions.referenceYear);
  const error = useStore((s) => errorOf(s.data.facilities));
  const setLayer = useStore((s) => s.setLayer);
  const { visible, flagged } = useStore((s) => s.derived.facilitiesShown);
  const byGroup = useMemo(() => countBy(facilities?.group, FACILITY_GROUPS.length), [facilities]);
  const byInstitution = useMemo(() => countBy(facilities?.institution, INSTITUTION_GROUPS.length), [facilities]);
  const unknownAge = useMemo(() => (facilities ? facilities.anioInicio.filter(Number.isNaN).length : 0), [facilities]);
  const fmt = (n: number) => formatNumber(n, i18n.language, 0);
  const toggleGroup = (g: string, on: boolean) =>
    setLayer('facilities', { categories: on ? [...layer.categories, g] : layer.categories.filter((x) => x !== g) });
  const shownInstitutions = layer.institutions ?? INSTITUTION_GROUPS;
  const toggleInstitution = (g: string, on: boolean) => {
    const next = on ? [...shownInstitutions, g] : shownInstitutions.filter((x) => x !== g);
    // every institution ticked is stored as «no filter», so a new institution group is never hidden
    setLayer('facilities', { institutions: next.length === INSTITUTION_GROUPS.length ? null : next });
  };
  return (
    <div className="facility-filter">
      <fieldset className="field">
        <legend>{t('layers.categories')}</legend>
        {FACILITY_GROUPS.map((g, k) => (
          <label key={g} className="radio">
            <input type="checkbox" checked={layer.categories.includes(g)} onChange={(e) => toggleGroup(g, e.target.checked)} />
            <Dot rgb={GROUP_COLOUR[g]} size={GROUP_RADIUS[g] * 2} />
            {t(`layers.groups.${g}`)} {facilities && <span className="muted">({fmt(byGroup[k])})</span>}
          </label>
        ))}
      </fieldset>
      <fieldset className="field" data-testid="institution-filter">
        <legend>{t('layers.institutions')}</legend>
        {INSTITUTION_GROUPS.map((g, k) => (
          <label key={g} className="radio">
            <input type="checkbox" checked={shownInstitutions.includes(g)} onChange={(e) => toggleInstitution(g, e.target.checked)} />
            {t(`layers.institutionGroups.${g}`)} {facilities && <span className="muted">({fmt(byInstitution[k])})</span>}
          </label>
        ))}
      </fieldset>
      <fieldset className="field age-filter" data-testid="age-filter">
        <legend>{t('layers.age', { year: referenceYear })}</legend>
        <label htmlFor={`${id}-min`}>{t('layers.ageMin')}</label>
        <input
          id={`${id}-min`}
          type="number"
          min={0}
          max={250}
          value={layer.minAge ?? ''}
          onChange={(e) => setLayer('facilities', { minAge: parseAge(e.target.value) })}
        />
        <label htmlFor={`${id}-max`}>{t('layers.ageMax')}</label>
        <input
          id={`${id}-max`}
          type="number"
          min={0}
          max={250}
          value={layer.maxAge ?? ''}
          onChange={(e) => setLayer('facilities', { maxAge: parseAge(e.target.value) })}
        />
        <label className="radio">
          <input
            type="checkbox"
            checked={layer.includeUnknownAge}
            onChange={(e) => setLayer('facilities', { includeUnknownAge: e.target.checked })}
          />
          {t('layers.ageUnknown', { n: fmt(unknownAge) })}
        </label>
      </fieldset>
      <label className="radio">
        <input type="checkbox" checked={layer.flags} onChange={(e) => setLayer('facilities', { flags: e.target.checked })} />
        {t('layers.flags')}
      </label>
      <label className="radio">
        <input type="checkbox" data-testid="facilities-universe-only" checked={layer.universeOnly} onChange={(e) => setLayer('facilities', { universeOnly: e.target.checked })} />
        {t('layers.universeOnly')}
      </label>
      <p role="status" data-testid="facility-count">
        {error
          ? t(`errors.${error.key}`, error.params)
          : facilities
            ? t('layers.facilityCount', { count: visible.length, n: fmt(visible.length) })
            : t('app.loading')}
        {error && <RetryButton load="facilities" />}
        {facilities && layer.flags && (
          <>
            <br />
            <span data-testid="flag-count">{t('layers.flagCount', { count: flagged.length, n: fmt(flagged.length) })}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** The map's layers: on/off, opacity, source; facilities filtered by category, institution and age. */
export function LayerList() {
  const { t } = useTranslation();
  const visible = useStore((s) => s.scenario.layers.facilities.visible);
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
      {visible && <FacilityFilters />}
    </details>
  );
}
