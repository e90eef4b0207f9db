import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { catalogOf } from '../state/selectors';
import { applyUpdate } from '../pwa';

/**
 * Offline workshops (issue 15): says when the app is ready to work without a network, when the
 * network is gone, and when a new version waits (updating keeps the open scenario).
 */
export function AppUpdateNotice() {
  const { t } = useTranslation();
  const { offlineReady, waiting, updatedElsewhere, error } = useStore((s) => s.view.appUpdate);
  const dataVersion = useStore((s) => catalogOf(s)?.inputsSha256.slice(0, 12));
  const [online, setOnline] = useState(() => navigator.onLine);
  const [readySeen, setReadySeen] = useState(false);
  const restarts = useStore((s) => s.data.restarts);
  const restartCount = restarts.engine + restarts.parquet + restarts.access;
  const [restartsSeen, setRestartsSeen] = useState(0);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  const restarted = restartCount > restartsSeen;
  const [errorSeen, setErrorSeen] = useState(false);
  const failed = error !== null && !errorSeen;
  if (!waiting && !updatedElsewhere && online && (!offlineReady || readySeen) && !restarted && !failed) return null;
  return (
    <div className="app-update" role="status" data-testid="app-update">
      {restarted && (
        <>
          <span data-testid="worker-restarted">{t(restarts.engine > 0 ? 'pwa.engineRestarted' : restarts.parquet > 0 ? 'pwa.parquetRestarted' : 'pwa.accessRestarted')}</span>{' '}
          <button type="button" onClick={() => setRestartsSeen(restartCount)} aria-label={t('pwa.dismiss')}>
            ×
          </button>
        </>
      )}
      {failed && (
        <>
          <span data-testid="offline-failed">{t('pwa.failed', { detail: error })}</span>{' '}
          <button type="button" onClick={() => setErrorSeen(true)} aria-label={t('pwa.dismiss')}>
            ×
          </button>
        </>
      )}
      {!online && <span data-testid="offline-banner">{t('pwa.offline', { version: dataVersion ?? '—' })} </span>}
      {updatedElsewhere && (
        <>
          <span data-testid="updated-elsewhere">{t('pwa.updatedElsewhere')}</span>{' '}
          <button type="button" data-testid="reload-updated" onClick={() => window.location.reload()}>
            {t('pwa.reload')}
          </button>
        </>
      )}
      {waiting && !updatedElsewhere && (
        <>
          <span>{t('pwa.waiting')}</span>{' '}
          <button type="button" data-testid="apply-update" onClick={applyUpdate}>
            {t('pwa.update')}
          </button>
        </>
      )}
      {online && !waiting && !updatedElsewhere && offlineReady && !readySeen && (
        <>
          <span data-testid="offline-ready">{t('pwa.ready', { version: dataVersion ?? '—' })}</span>{' '}
          <button type="button" onClick={() => setReadySeen(true)} aria-label={t('pwa.dismiss')}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
