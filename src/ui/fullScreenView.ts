import { useCallback, useEffect, useRef } from 'react';
import { useStore } from '../state/store';

/**
 * The close of a full-screen view opened from the header («Consultas», «Tendencias»,
 * «Seguimiento»): back to the map, the focus on the button that opened it. Escape closes it
 * wherever the focus went (a button replaced by its result, a removed row leave it on <body>).
 * `beforeClose` runs first (e.g. keep text typed but not run).
 */
export function useFullScreenView(openerTestId: string, beforeClose?: () => void): () => void {
  const setScreen = useStore((s) => s.setScreen);
  const before = useRef(beforeClose);
  useEffect(() => {
    before.current = beforeClose;
  });
  const close = useCallback(() => {
    before.current?.();
    setScreen('none');
    document.querySelector<HTMLElement>(`[data-testid="${openerTestId}"]`)?.focus();
  }, [openerTestId, setScreen]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  return close;
}
