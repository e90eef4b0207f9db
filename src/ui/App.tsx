import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { loadApp, loadLevel } from '../data/loadApp';
import { loadFacilities } from '../data/facilities';
import { FacilityCard } from './FacilityCard';
import { LayerList } from './LayerList';
import { SearchBox } from './SearchBox';
import { Breadcrumb } from './Breadcrumb';
import { toDataError } from '../data/errors';
import { LANGUAGES } from '../i18n';
import { MapView } from './MapView';
import { RankingTable } from './RankingTable';
import { ScopeSelector, useScopeName } from './ScopeSelector';
import { WeightsPanel } from './WeightsPanel';
import { DetailPanel } from './DetailPanel';
import { DataPanel } from './DataPanel';

/** Loads a level's units and boundaries the first time the scenario asks for it. */
function useLevelLoader() {
  const data = useStore((s) => s.data);
  const level = useStore((s) => s.scenario.level);
  const loaded = useStore((s) => Boolean(s.units[level]));
  const setLevelData = useStore((s) => s.setLevelData);
  const setLevelError = useStore((s) => s.setLevelError);
  useEffect(() => {
    setLevelError(null); // an error belongs to the level that failed, not to the one shown now
    if (!data || loaded) return;
    let cancelled = false;
    loadLevel(data.source, level)
      .then(({ units, boundaries }) => !cancelled && setLevelData(level, units, boundaries))
      .catch((err) => !cancelled && setLevelError(toDataError(err)));
    return () => {
      cancelled = true;
    };
  }, [data, level, loaded, setLevelData, setLevelError]);
}

/** Loads the facilities the first time their layer is turned on. */
function useFacilityLoader() {
  const data = useStore((s) => s.data);
  const visible = useStore((s) => s.scenario.layers.facilities.visible);
  const loaded = useStore((s) => s.facilities !== null);
  const setFacilities = useStore((s) => s.setFacilities);
  const setFacilitiesError = useStore((s) => s.setFacilitiesError);
  useEffect(() => {
    if (!data || !visible || loaded) return;
    let cancelled = false;
    loadFacilities(data.source)
      .then((f) => !cancelled && setFacilities(f))
      .catch((err) => !cancelled && setFacilitiesError(toDataError(err)));
    return () => {
      cancelled = true;
    };
  }, [data, visible, loaded, setFacilities, setFacilitiesError]);
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
  useLevelLoader();
  useFacilityLoader();
  usePendingFacility();
  const selectedFacility = useStore((s) => s.selectedFacility);

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
                <WeightsPanel />
              </>
            ) : (
              <p role="status">{t('app.loading')}</p>
            )}
          </aside>
          <div className="center">
            <MapView />
            {selectedFacility !== null ? <FacilityCard /> : <DetailPanel />}
          </div>
          <div className="side">
            {status.phase === 'ready' && <Breadcrumb />}
            <h2 className="side-title">
              {t(level === 'distrito' ? 'ranking.titleDistricts' : 'ranking.title')}: {scopeName}
            </h2>
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
        </main>
      )}
    </div>
  );
}
