import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { canRedo, canUndo } from '../state/selectors';

/** Text fields keep the browser's own undo: Ctrl+Z there undoes typing, not the scenario. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'color'].includes(target.type);
}

/** Ctrl+Z undoes a scenario change; Ctrl+Shift+Z and Ctrl+Y redo it (⌘ on a Mac). */
export function useUndoKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || editsText(e.target)) return;
      const key = e.key.toLowerCase();
      const s = useStore.getState();
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The undo and redo buttons, with how many steps each way. */
export function UndoRedo() {
  const { t } = useTranslation();
  const undoable = useStore(canUndo);
  const redoable = useStore(canRedo);
  const steps = useStore((s) => s.history.past.length);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  return (
    <div className="undo-redo" role="group" aria-label={t('history.label')}>
      <button type="button" data-testid="undo" onClick={undo} disabled={!undoable} aria-keyshortcuts="Control+Z" title={t('history.undoHint', { count: steps })}>
        {t('history.undo')}
      </button>
      <button type="button" data-testid="redo" onClick={redo} disabled={!redoable} aria-keyshortcuts="Control+Shift+Z Control+Y" title={t('history.redoHint')}>
        {t('history.redo')}
      </button>
    </div>
  );
}
