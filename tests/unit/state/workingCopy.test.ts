import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { WORKING_COPY_KEY, keepWorkingCopy, readWorkingCopy, type KeyValueStorage } from '../../../src/state/workingCopy';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('working copy of the scenario', () => {
  it('keeps every change, canvas text included, and brings it back as it was', async () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const stop = keepWorkingCopy(store, storage, 5);
    const id = store.getState().scenario.indicators.find((i) => i.enabled)!.id;
    store.getState().setWeight(id, 42);
    store.getState().setWorkshop({ canvas: { ...store.getState().scenario.canvas, decision: 'Priorizar el primer nivel' } });
    store.getState().setCurrentId('entrada-7');
    expect(storage.map.size).toBe(0); // written shortly after, not on every keystroke
    await tick(20);
    const copy = readWorkingCopy(storage)!;
    expect(copy.scenario).toEqual(store.getState().scenario);
    expect(copy.scenario.canvas.decision).toBe('Priorizar el primer nivel');
    expect(copy.currentId).toBe('entrada-7');
    stop();
  });

  it('writes at once when stopped (the page is closing)', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const stop = keepWorkingCopy(store, storage, 10_000);
    store.getState().setTopN(7);
    stop();
    expect(readWorkingCopy(storage)!.scenario.topN).toBe(7);
  });

  it('drops a damaged or hostile copy instead of failing on every start', () => {
    for (const bad of ['{', '{"kind":"territorio-copia-de-trabajo","savedAt":"x","scenario":{"version":99,"indicators":[],"presetId":"x"}}', '"<script>"', '{"kind":"otra"}']) {
      const storage = memoryStorage();
      storage.setItem(WORKING_COPY_KEY, bad);
      expect(readWorkingCopy(storage)).toBeNull();
      expect(storage.getItem(WORKING_COPY_KEY)).toBeNull();
    }
  });

  it('a full or blocked storage loses nothing in the app', () => {
    const store = createAppStore();
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const stop = keepWorkingCopy(store, full, 10_000);
    store.getState().setTopN(3);
    expect(() => stop()).not.toThrow();
    expect(store.getState().scenario.topN).toBe(3);
  });
});
