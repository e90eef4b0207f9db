/**
 * The service worker (issue 15): registered once the app has started, never in development.
 * A new version waits: the user is told and chooses when to update; the open scenario is
 * flushed to local storage on the reload (workingCopy.ts), so updating drops nothing.
 */
import { registerSW } from 'virtual:pwa-register';
import type { StoreApi } from 'zustand';
import type { AppState } from './state/store';

let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;

export function startServiceWorker(store: StoreApi<AppState>): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // Registered once the engine is ready: its precache (≈ 40 MB) would otherwise download beside
  // the first load and slow the first ranked map it exists to speed up later.
  if (store.getState().data.engine.status === 'ready') return register(store);
  const stop = store.subscribe((s) => {
    if (s.data.engine.status !== 'ready') return;
    stop();
    register(store);
  });
}

function register(store: StoreApi<AppState>): void {
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => store.getState().setAppUpdate({ waiting: true }),
    onOfflineReady: () => store.getState().setAppUpdate({ offlineReady: true }),
    onRegisterError: (error: unknown) => store.getState().setAppUpdate({ error: String(error) }),
  });
}

/**
 * Activates the waiting version and reloads once it controls the page (the working copy is
 * written on `pagehide`). The reload is ours: workbox-window reloads only for a version found at
 * registration, not for one found later in the session (it calls that one «external»).
 */
export function applyUpdate(): void {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });
  void updateSW?.(true);
}
