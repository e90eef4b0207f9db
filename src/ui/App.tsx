import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { errorOf } from '../state/loadState';
import { ConflictPanel } from './ConflictPanel';
import { ConflictCard } from './ConflictCard';
import { AccessPanel } from './AccessPanel';
import { UserDataPanel } from './UserDataPanel';
import { PlaceCard } from './PlaceCard';
import { FacilityCard } from './FacilityCard';
import { LayerList } from './LayerList';
import { SearchBox } from './SearchBox';
import { Breadcrumb } from './Breadcrumb';
import { LANGUAGES } from '../i18n';
import { MapView } from './MapView';
import { ErrorBoundary } from './ErrorBoundary';
import { RankingTable } from './RankingTable';
import { ScopeSelector, useScopeName } from './ScopeSelector';
import { WeightsPanel } from './WeightsPanel';
import { StabilityPanel } from './stability/StabilityPanel';
import { DetailPanel } from './DetailPanel';
import { DataPanel } from './DataPanel';
import { UndoRedo, useUndoKeys } from './UndoRedo';
import { AppUpdateNotice } from './AppUpdateNotice';
import { PanelToggle, useLeftPanelOpen } from './PanelToggle';
import { RetryButton } from './RetryButton';
import { DecisionNote, ScenarioBar, ScenarioLayer } from './scenarios/ScenarioLayer';
import { PhoneTabs } from './PhoneTabs';
import { filesText } from './scenarios/ScenarioPanel';
import { awaitingEngine } from '../state/derive';
import { indicatorById } from '../domain/indicators';

export function App() {
  const { t, i18n } = useTranslation();
  const engine = useStore((s) => s.data.engine);
  const dataPanelOpen = useStore((s) => s.view.dataPanelOpen);
  const setDataPanelOpen = useStore((s) => s.setDataPanelOpen);
  const level = useStore((s) => s.scenario.level);
  const levelReady = useStore((s) => Boolean(s.derived.units[s.scenario.level]));
  const levelError = useStore((s) => errorOf(s.data.levels[s.scenario.level]));
  const selection = useStore((s) => s.view.selection.kind);
  const scopeName = useScopeName();
  const ready = engine.status === 'ready';
  // the weights work on the snapshot's ranking: offered once the first map is drawn, before the engine
  const firstMap = useStore((s) => s.view.firstMapDrawn);
  const leftOpen = useLeftPanelOpen();
  const question = useStore((s) => s.scenario.question.trim());
  const snapshot = useStore((s) => s.data.snapshot);
  // joined: a new empty list on every update would re-render for nothing
  const awaiting = useStore((s) => awaitingEngine(s).join(','));
  const phoneTab = useStore((s) => s.view.phoneTab);
  const linkLeftBehind = useStore((s) => s.view.workshop.linkLeftBehind);
  const [moreOpen, setMoreOpen] = useState(false);
  useUndoKeys();

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
          {/* the scenario's own question when it has one (a workshop may ask about districts, or another budget) */}
          <p className="question" data-testid="app-question">
            {question || t('app.question')}
          </p>
        </div>
        <div className="controls">
          {(ready || firstMap) && <PanelToggle />}
          {(ready || firstMap) && <UndoRedo />}
          {ready && <SearchBox />}
          {ready && <ScopeSelector />}
          <label htmlFor="lang-select">{t('app.language')}</label>
          <select id="lang-select" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'es' ? 'Español' : 'English'}
              </option>
            ))}
          </select>
          {/* on a phone these fold behind «Más» (issue 17): the map keeps the screen */}
          <button type="button" className="header-more" data-testid="header-more" aria-expanded={moreOpen} aria-controls="more-actions" onClick={() => setMoreOpen(!moreOpen)}>
            {t('app.moreActions')}
          </button>
          <div className={moreOpen ? 'more-actions open' : 'more-actions'} id="more-actions">
            <button
              type="button"
              data-testid="open-data-panel"
              aria-expanded={dataPanelOpen}
              disabled={!ready}
              onClick={() => setDataPanelOpen(!dataPanelOpen)}
            >
              {t('data.open')}
            </button>
            <button type="button" data-testid="open-consultas" disabled={!ready} onClick={() => useStore.getState().setScreen('consultas')}>
              {t('consultas.open')}
            </button>
            <button type="button" data-testid="open-trends" disabled={!ready} onClick={() => useStore.getState().setScreen('tendencias')}>
              {t('trends.open')}
            </button>
            <button type="button" data-testid="open-monitoring" disabled={!ready} onClick={() => useStore.getState().setScreen('seguimiento')}>
              {t('monitoring.open')}
            </button>
            <ScenarioBar />
          </div>
        </div>
      </header>
      <AppUpdateNotice />

      {engine.status === 'error' && (
        <main className="status">
          <div role="alert" className="error">
            <h2>{t('app.errorTitle')}</h2>
            <p>{t(`errors.${engine.error.key}`, engine.error.params)}</p>
            {typeof engine.error.params.step === 'string' && <p>{t('app.failedAtStep', { step: t(`app.loadingStep.${engine.error.params.step}`) })}</p>}
            <RetryButton load="engine" />
          </div>
        </main>
      )}
      {engine.status !== 'error' && (
        // The map is made at once and draws as soon as the boundaries arrive; the panels fill in when the engine is ready.
        <main className="workspace" aria-busy={!ready} data-phone-tab={phoneTab}>
          <PhoneTabs />
          <aside className="left" id="left-panels" aria-label={t('weights.title')} hidden={!leftOpen}>
            {ready ? (
              <>
                <LayerList />
                <AccessPanel />
                <ConflictPanel />
                <UserDataPanel />
                <WeightsPanel />
                <StabilityPanel />
              </>
            ) : firstMap ? (
              <>
                <p role="status" className="small muted" data-testid="panels-waiting">
                  {t('app.loadingPanels')}
                </p>
                <WeightsPanel />
              </>
            ) : (
              <p role="status">{t('app.loading')}</p>
            )}
          </aside>
          <div className="center">
            {/* A map that fails to draw is rebuilt alone: the ranking, the panels and the scenario stay. */}
            <div className="map-area" id="map-area">
              <ErrorBoundary fallback={(error, reset) => <MapCrash detail={error.message} onRebuild={reset} />}>
                <MapView />
              </ErrorBoundary>
            </div>
            <div className="detail-area" id="detail-area">
              {selection === 'facility' ? (
                <FacilityCard />
              ) : selection === 'conflict' ? (
                <ConflictCard />
              ) : selection === 'place' ? (
                <PlaceCard />
              ) : (
                <DetailPanel />
              )}
            </div>
          </div>
          <div className="side" data-snapshot={snapshot.status}>
            {ready && <Breadcrumb />}
            <h2 className="side-title">
              {t(level === 'distrito' ? 'ranking.titleDistricts' : 'ranking.title')}: {scopeName}
            </h2>
            <DecisionNote />
            {linkLeftBehind.length > 0 && (
              <p className="warning small" role="note" data-testid="ranking-without-files">
                {t('scenarios.rankingWithoutFiles', { files: filesText(linkLeftBehind) })}
              </p>
            )}
            {snapshot.status === 'mismatch' && (
              <p role="alert" className="error" data-testid="snapshot-mismatch">
                {snapshot.check.first
                  ? t('app.snapshotMismatch', {
                      count: snapshot.check.differences,
                      n: snapshot.check.differences,
                      indicator: snapshot.check.first.indicator,
                      ubigeo: snapshot.check.first.ubigeo,
                      snapshot: String(snapshot.check.first.snapshot),
                      engine: String(snapshot.check.first.engine),
                    })
                  : t('app.snapshotOtherVersion')}
              </p>
            )}
            {engine.status === 'loading' && (
              <p role="status">
                {t('app.loading')} {t(`app.loadingStep.${engine.step ?? 'catalog'}`)}
              </p>
            )}
            {levelError && (
              <p role="alert" className="error">
                {t(`errors.${levelError.key}`, levelError.params)} <RetryButton load={`level:${level}`} />
              </p>
            )}
            {ready && !levelReady && !levelError && <p role="status">{t('app.loadingLevel')}</p>}
            {awaiting && (
              <p role="status" data-testid="ranking-awaits-engine">
                {t('app.rankingAwaitsEngine', {
                  indicators: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(awaiting.split(',').map((id) => `«${indicatorById(id).label[i18n.language === 'en' ? 'en' : 'es']}»`)),
                })}
              </p>
            )}
            {levelReady && !awaiting && <RankingTable scopeName={scopeName} />}
          </div>
          <DataPanel />
          <ScenarioLayer />
        </main>
      )}
    </div>
  );
}

function MapCrash({ detail, onRebuild }: { detail: string; onRebuild: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="map-wrap map-crash" role="alert" data-testid="map-crashed">
      <p>{t('map.crashed', { detail })}</p>
      <button type="button" onClick={onRebuild}>
        {t('map.rebuild')}
      </button>
    </div>
  );
}
