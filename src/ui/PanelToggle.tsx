import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

/** Widths where the left panels start folded, so the map keeps at least half the screen (a 1024 px laptop). */
export const FOLDED_QUERY = '(min-width: 761px) and (max-width: 1180px)';

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Whether the left panels show now: the user's choice, or the width's default. */
export function useLeftPanelOpen(): boolean {
  const state = useStore((s) => s.view.leftPanel);
  const narrow = useMedia(FOLDED_QUERY);
  return state === 'auto' ? !narrow : state === 'open';
}

/** «Paneles»: folds the layers and weights column away, or brings it back. */
export function PanelToggle() {
  const { t } = useTranslation();
  const open = useLeftPanelOpen();
  const setLeftPanel = useStore((s) => s.setLeftPanel);
  return (
    // a compact button: the header stays one line at 1440 px; its name is said and shown on hover
    <button
      type="button"
      className="panel-toggle"
      data-testid="panel-toggle"
      aria-expanded={open}
      aria-controls="left-panels"
      aria-label={t(open ? 'app.hidePanels' : 'app.showPanels')}
      title={t(open ? 'app.hidePanels' : 'app.showPanels')}
      onClick={() => setLeftPanel(open ? 'closed' : 'open')}
    >
      <span aria-hidden="true">☰</span>
    </button>
  );
}
