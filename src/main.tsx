import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18next, initI18n } from './i18n';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { appStore } from './state/store';
import { Coordinator } from './state/coordinator';
import { browserDeps } from './state/browserDeps';
import { browserStorage, keepWorkingCopy, readWorkingCopy } from './state/workingCopy';
import { linkParam } from './state/scenarioLink';
import { startServiceWorker } from './pwa';
import './styles.css';

/** The scenario left by the last visit (a reload, a crash, a closed tab) comes back, unless a shared link is being opened. */
function restoreWorkingCopy() {
  const storage = browserStorage();
  if (!storage) return;
  const copy = readWorkingCopy(storage);
  if (copy && !linkParam(window.location.hash)) {
    const s = appStore.getState();
    s.setScenario(copy.scenario);
    s.setCurrentId(copy.currentId, copy.currentRevision);
    const when = new Intl.DateTimeFormat('es-PE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(copy.savedAt));
    s.setNotice({ kind: 'info', lines: [i18next.t('scenarios.notices.restored', { when })] });
  }
  keepWorkingCopy(appStore, storage);
}

void initI18n('es').then(() => {
  restoreWorkingCopy();
  // Data loading starts here, outside React: the coordinator watches the store from now on.
  void new Coordinator(appStore, browserDeps).start();
  startServiceWorker(appStore);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
});
