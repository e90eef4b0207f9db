import { IndexedDbRepository, MemoryRepository, ScenarioLibrary } from '../../state/scenarioLibrary';
import { appStore } from '../../state/store';

/** IndexedDB when the browser has it; memory otherwise (the scenarios then last one visit). */
export const library = new ScenarioLibrary(typeof indexedDB !== 'undefined' ? new IndexedDbRepository() : new MemoryRepository());

/** Reads the saved scenarios into the store's workshop view (the panel's list, the compare menu). */
export async function refreshLibrary(): Promise<void> {
  const { entries, unreadable } = await library.list();
  appStore.getState().setLibraryList(entries, unreadable);
}
