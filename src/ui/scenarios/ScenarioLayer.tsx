import { useEffect, useRef } from 'react';
import { ConsultasView } from '../ConsultasView';
import { filesText } from './ScenarioPanel';
import { TrendsView } from '../TrendsView';
import { MonitoringView } from '../MonitoringView';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { catalogOf, isReady } from '../../state/selectors';
import { decodeScenarioLink, linkParam } from '../../state/scenarioLink';
import { errorText, warningLines } from './common';
import { ScenarioPanel } from './ScenarioPanel';
import { CompareView } from './CompareView';
import { PresentMode } from './PresentMode';
import { ReportView } from './ReportView';
import './scenarios.css';

/** Opens a scenario shared as a link (`#e=…`), at start-up or when the hash changes. */
function useSharedLink() {
  const { t } = useTranslation();
  const catalog = useStore(catalogOf);
  const shared = useRef<string | null>(null);
  useEffect(() => {
    const open = () => {
      const param = linkParam(window.location.hash);
      if (!param) return;
      // the link has done its job: a reload keeps the user's later changes
      history.replaceState(null, '', window.location.pathname + window.location.search);
      decodeScenarioLink(param)
        .then(({ scenario, warnings, leftBehind }) => {
          useStore.getState().setScenario(scenario);
          useStore.getState().setCurrentId(null);
          useStore.getState().setLinkLeftBehind(leftBehind);
          shared.current = scenario.dataVersion;
          useStore.getState().setNotice({
            kind: leftBehind.length ? 'warning' : 'info',
            lines: [
              t('scenarios.notices.fromLink', { name: scenario.title || t('scenarios.untitled') }),
              // never «restored»: the files stayed with whoever made the link, and the ranking here is without them
              ...(leftBehind.length ? [t('scenarios.notices.linkLeftBehind', { files: filesText(leftBehind) })] : []),
              ...warningLines(warnings, t),
            ],
          });
        })
        .catch((err) => useStore.getState().setNotice({ kind: 'error', lines: [errorText(err, t)] }));
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [t]);
  // once the data are known: warn when the link was made with other data
  useEffect(() => {
    const theirs = shared.current;
    if (!catalog || !theirs) return;
    shared.current = null;
    if (theirs !== catalog.inputsSha256) {
      const n = useStore.getState().view.workshop.notice;
      const line = t('scenarios.notices.dataDiffers', { theirs: theirs.slice(0, 12), ours: catalog.inputsSha256.slice(0, 12) });
      useStore.getState().setNotice({ kind: 'warning', lines: [...(n?.lines ?? []), line] });
    }
  }, [catalog, t]);
}

function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.view.workshop.notice);
  const setNotice = useStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className={`sc-notice sc-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
      <div>
        {notice.kind === 'error' && <strong>{t('scenarios.errors.title')}: </strong>}
        {notice.lines.map((l, k) => (
          <p key={k}>{l}</p>
        ))}
      </div>
      <button type="button" aria-label={t('scenarios.notices.dismiss')} onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}

/** Everything of the scenario features that sits over the workspace. */
export function ScenarioLayer() {
  const view = useStore((s) => s.view.workshop.screen);
  const ready = useStore(isReady);
  useSharedLink();
  return (
    <>
      <NoticeBanner />
      {ready && <ScenarioPanel />}
      {ready && view === 'compare' && <CompareView />}
      {ready && view === 'present' && <PresentMode />}
      {ready && view === 'report' && <ReportView />}
      {ready && view === 'consultas' && <ConsultasView />}
      {ready && view === 'tendencias' && <TrendsView />}
      {ready && view === 'seguimiento' && <MonitoringView />}
    </>
  );
}

/** The top-bar buttons. */
export function ScenarioBar() {
  const { t } = useTranslation();
  const ready = useStore(isReady);
  const open = useStore((s) => s.view.workshop.panelOpen);
  const { setPanelOpen, setScreen: setView } = useStore.getState();
  return (
    <>
      <button type="button" data-testid="open-scenarios" aria-expanded={open} disabled={!ready} onClick={() => setPanelOpen(!open)}>
        {t('scenarios.open')}
      </button>
      <button type="button" data-testid="open-present" disabled={!ready} onClick={() => setView('present')}>
        {t('scenarios.actions.present')}
      </button>
    </>
  );
}

/** Beside the ranking: it informs a human decision, it does not take it. */
export function DecisionNote() {
  const { t } = useTranslation();
  return (
    <p className="sc-decision-note" data-testid="decision-note">
      {t('scenarios.decisionNoteShort')}
    </p>
  );
}
