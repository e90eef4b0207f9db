/**
 * The service worker (issue 15): registered once the app has started, never in development.
 * A new version waits: the user is told and chooses when to update; the open scenario is
 * flushed to local storage on the reload (workingCopy.ts), so updating drops nothing.
 */
import { registerSW } from 'virtual:pwa-register';
import type { StoreApi } from 'zustand';
import type { AppState } from './state/store';

let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;
/** This tab asked for the update (it reloads itself); another tab's update is only announced. */
let applying = false;

export function startServiceWorker(store: StoreApi<AppState>): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // A new worker taking control of a page that already had one: a version activated by another
  // tab. This tab still runs the old code, whose lazy chunks the new cache may no longer hold, so
  // it is told to reload (its scenario is written on the way out, as for any update). The first
  // install also takes control (clientsClaim), with no worker before it: nothing to say then.
  // Listened for from the start, not from the registration: that waits for the engine.
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => hadController && updatedElsewhere(store));
  // Registered once the engine is ready: its precache (≈ 40 MB) would otherwise download beside
  // the first load and slow the first ranked map it exists to speed up later.
  if (store.getState().data.engine.status === 'ready') return register(store);
  const stop = store.subscribe((s) => {
    if (s.data.engine.status !== 'ready') return;
    stop();
    register(store);
  });
}

function updatedElsewhere(store: StoreApi<AppState>): void {
  if (!applying) store.getState().setAppUpdate({ updatedElsewhere: true, waiting: false });
}

function register(store: StoreApi<AppState>): void {
  updateSW = registerSW({
    // without this, the plugin reloads every tab that saw the prompt, under the user's hands
    onNeedReload: () => updatedElsewhere(store),
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
  applying = true;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });
  void updateSW?.(true);
}
