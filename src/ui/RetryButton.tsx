import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import type { LoadKey } from '../state/datasets';

/** «Reintentar» for a failed load: the store sets it back to idle and the coordinator loads it again. */
export function RetryButton({ load }: { load: LoadKey }) {
  const { t } = useTranslation();
  const retryLoad = useStore((s) => s.retryLoad);
  return (
    <button type="button" className="retry" data-testid={`retry-${load.replace(':', '-')}`} onClick={() => retryLoad(load)}>
      {t('app.retry')}
    </button>
  );
}
