import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { loadApp, loadLevel } from '../data/loadApp';
import { loadFacilities } from '../data/facilities';
import { loadConflicts } from '../data/conflicts';
import { useConflictIndicators } from './useConflicts';
import { ConflictPanel } from './ConflictPanel';
import { ConflictCard } from './ConflictCard';
import { AccessPanel } from './AccessPanel';
import { PlaceCard } from './PlaceCard';
import { useAccessComputation, useAccessNeeded } from './useAccess';
import { loadAccess } from '../data/places';
import { FacilityCard } from './FacilityCard';
import { LayerList } from './LayerList';
import { SearchBox } from './SearchBox';
import { Breadcrumb } from './Breadcrumb';
import { toDataError, type DataError } from '../data/errors';
import type { DataSource } from '../data/source';
import type { Level } from '../domain/indicators';
import { LANGUAGES } from '../i18n';
import { MapView } from './MapView';
import { RankingTable } from './RankingTable';
import { ScopeSelector, useScopeName } from './ScopeSelector';
import { WeightsPanel } from './WeightsPanel';
import { DetailPanel } from './DetailPanel';
import { DataPanel } from './DataPanel';
import { DecisionNote, ScenarioBar, ScenarioLayer } from './scenarios/ScenarioLayer';

/**
 * Runs `load` against the engine once `needed` becomes true, then hands the result or a typed
 * error to the store; a result that arrives after the need changed is dropped.
 */
function useLoadWhenNeeded<T>(
  needed: boolean,
  key: string,
  load: (source: DataSource) => Promise<T>,
  onLoaded: (value: T) => void,
  onError: (error: DataError) => void,
) {
  const data = useStore((s) => s.data);
  useEffect(() => {
    if (!data || !needed) return;
    let cancelled = false;
    load(data.source)
      .then((v) => !cancelled && onLoaded(v))
      .catch((err) => !cancelled && onError(toDataError(err)));
    return () => {
      cancelled = true;
    };
    // `key` names what is loaded; the callbacks are stable store actions or closures over it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, needed, key]);
}

/**
 * A level's units and boundaries, the first time the scenario asks for it: the level shown, then
 * the districts when their boundary layer is turned on over the province map.
 */
function useLevelLoader() {
  const level = useStore((s) => s.scenario.level);
  const wanted = useStore((s): Level | null =>
    !s.units[s.scenario.level] ? s.scenario.level : s.scenario.layers.distritos.visible && !s.units.distrito ? 'distrito' : null,
  );
  const { setLevelData, setLevelError } = useStore.getState();
  // an error belongs to the level that failed, not to the one shown now
  useEffect(() => setLevelError(null), [level, setLevelError]);
  useLoadWhenNeeded(
    wanted !== null,
    wanted ?? '',
    (source) => loadLevel(source, wanted!),
    ({ units, boundaries }) => setLevelData(wanted!, units, boundaries),
    setLevelError,
  );
}

/** The facilities, the first time their layer is turned on. */
function useFacilityLoader() {
  const visible = useStore((s) => s.scenario.layers.facilities.visible);
  const loaded = useStore((s) => s.facilities !== null);
  const { setFacilities, setFacilitiesError } = useStore.getState();
  useLoadWhenNeeded(visible && !loaded, 'facilities', loadFacilities, setFacilities, setFacilitiesError);
}

/** The conflict events, once the app is ready (a few KB; they feed two indicators and three layers). */
function useConflictLoader() {
  const ready = useStore((s) => s.status.phase === 'ready');
  const loaded = useStore((s) => s.conflicts !== null);
  const { setConflicts, setConflictsError } = useStore.getState();
  useLoadWhenNeeded(ready && !loaded, 'conflicts', (source) => loadConflicts(source, useStore.getState().data!.catalog), setConflicts, setConflictsError);
}

/** Populated places and the access worker, when the layer or an access indicator needs them. */
function useAccessLoader() {
  const needed = useAccessNeeded();
  const loaded = useStore((s) => s.access !== null);
  const { setAccess, setAccessError } = useStore.getState();
  useLoadWhenNeeded(needed && !loaded, 'access', (source) => loadAccess(source, useStore.getState().data!.catalog), setAccess, setAccessError);
}

/** A facility found by search is selected once the facilities are loaded. */
function usePendingFacility() {
  const facilities = useStore((s) => s.facilities);
  const pending = useStore((s) => s.pendingFacility);
  useEffect(() => {
    if (!facilities || pending === null) return;
    const i = facilities.codigo.indexOf(pending);
    const { selectFacility, setPendingFacility } = useStore.getState();
    setPendingFacility(null);
    if (i >= 0) selectFacility(i);
  }, [facilities, pending]);
}

export function App() {
  const { t, i18n } = useTranslation();
  const status = useStore((s) => s.status);
  const setStep = useStore((s) => s.setStep);
  const setData = useStore((s) => s.setData);
  const setError = useStore((s) => s.setError);
  const setGeo = useStore((s) => s.setGeo);
  const geo = useStore((s) => s.geo);
  const dataPanelOpen = useStore((s) => s.dataPanelOpen);
  const setDataPanelOpen = useStore((s) => s.setDataPanelOpen);
  const level = useStore((s) => s.scenario.level);
  const levelReady = useStore((s) => Boolean(s.units[s.scenario.level]));
  const levelError = useStore((s) => s.levelError);
  const scopeName = useScopeName();
  const accessCategory = useStore((s) => s.scenario.layers.places.category);
  useLevelLoader();
  useFacilityLoader();
  useConflictLoader();
  useConflictIndicators();
  useAccessLoader();
  useAccessComputation(t(`access.categories.${accessCategory}`));
  usePendingFacility();
  const selectedFacility = useStore((s) => s.selectedFacility);
  const selectedConflict = useStore((s) => s.selectedConflict);
  const selectedPlace = useStore((s) => s.selectedPlace);

  useEffect(() => {
    let cancelled = false;
    loadApp(
      (step) => !cancelled && setStep(step),
      (g) => !cancelled && setGeo(g),
    )
      .then((data) => !cancelled && setData(data))
      .catch((err) => !cancelled && setError(toDataError(err)));
    return () => {
      cancelled = true;
    };
  }, [setStep, setData, setError, setGeo]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    <div className="app">
      <a className="skip" href="#ranking">
        {t('app.skipToTable')}
      </a>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="question">{t('app.question')}</p>
        </div>
        <div className="controls">
          {status.phase === 'ready' && <SearchBox />}
          {status.phase === 'ready' && <ScopeSelector />}
          <label htmlFor="lang-select">{t('app.language')}</label>
          <select id="lang-select" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'es' ? 'Español' : 'English'}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="open-data-panel"
            aria-expanded={dataPanelOpen}
            disabled={status.phase !== 'ready'}
            onClick={() => setDataPanelOpen(!dataPanelOpen)}
          >
            {t('data.open')}
          </button>
          <ScenarioBar />
        </div>
      </header>
      {status.phase === 'loading' && !geo && (
        <main className="status" aria-busy="true">
          <p role="status">
            {t('app.loading')} {t(`app.loadingStep.${status.step}`)}
          </p>
        </main>
      )}
      {status.phase === 'error' && (
        <main className="status">
          <div role="alert" className="error">
            <h2>{t('app.errorTitle')}</h2>
            <p>{t(`errors.${status.error.key}`, status.error.params)}</p>
          </div>
        </main>
      )}
      {status.phase !== 'error' && geo && (
        // The map draws as soon as the boundaries arrive; the panels fill in when the engine is ready.
        <main className="workspace" aria-busy={status.phase === 'loading'}>
          <aside className="left" aria-label={t('weights.title')}>
            {status.phase === 'ready' ? (
              <>
                <LayerList />
                <AccessPanel />
                <ConflictPanel />
                <WeightsPanel />
              </>
            ) : (
              <p role="status">{t('app.loading')}</p>
            )}
          </aside>
          <div className="center">
            <MapView />
            {selectedFacility !== null ? (
              <FacilityCard />
            ) : selectedConflict !== null ? (
              <ConflictCard />
            ) : selectedPlace !== null ? (
              <PlaceCard />
            ) : (
              <DetailPanel />
            )}
          </div>
          <div className="side">
            {status.phase === 'ready' && <Breadcrumb />}
            <h2 className="side-title">
              {t(level === 'distrito' ? 'ranking.titleDistricts' : 'ranking.title')}: {scopeName}
            </h2>
            <DecisionNote />
            {status.phase === 'loading' && (
              <p role="status">
                {t('app.loading')} {t(`app.loadingStep.${status.step}`)}
              </p>
            )}
            {levelError && (
              <p role="alert" className="error">
                {t(`errors.${levelError.key}`, levelError.params)}
              </p>
            )}
            {status.phase === 'ready' && !levelReady && !levelError && <p role="status">{t('app.loadingLevel')}</p>}
            {levelReady && <RankingTable scopeName={scopeName} />}
          </div>
          <DataPanel />
          <ScenarioLayer />
        </main>
      )}
    </div>
  );
}
