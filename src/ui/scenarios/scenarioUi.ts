import { IndexedDbRepository, MemoryRepository, ScenarioLibrary } from '../../state/scenarioLibrary';
import { appStore } from '../../state/store';

/** IndexedDB when the browser has it; memory otherwise (the scenarios then last one visit, and the UI says so). */
export const library = new ScenarioLibrary(typeof indexedDB !== 'undefined' ? new IndexedDbRepository() : new MemoryRepository());

/** Reads the saved scenarios into the store's workshop view (the panel's list, the compare menu). */
export async function refreshLibrary(): Promise<void> {
  const { entries, unreadable } = await library.list();
  appStore.getState().setLibraryList(entries, unreadable);
}

/** Other tabs of the app hear about every save and deletion, and refresh their list. */
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('territorio:escenarios') : null;
if (channel) channel.onmessage = () => void refreshLibrary().catch(() => undefined);

/** Tells the other tabs that the saved scenarios changed. */
export function announceLibraryChange(): void {
  channel?.postMessage('changed');
}
