import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { appStore } from './state/store';
import { Coordinator } from './state/coordinator';
import { browserDeps } from './state/browserDeps';
import './styles.css';

void initI18n('es').then(() => {
  // Data loading starts here, outside React: the coordinator watches the store from now on.
  void new Coordinator(appStore, browserDeps).start();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
});
