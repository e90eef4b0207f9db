import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { StoreApi } from 'zustand/vanilla';
import { resolveDataPaths } from '../../data/config';
import { buildAll } from '../../data/build';
import type { AppState } from '../../src/state/store';

/**
 * The pipeline's output folder for a test file: public/data when it was built (npm test builds it
 * first), else a fresh build in a temporary folder, removed afterwards. Call in `beforeAll`.
 */
export async function builtDataDir(): Promise<{ dir: string; cleanup: () => void }> {
  const dir = resolveDataPaths().outDir;
  if (existsSync(path.join(dir, 'catalog.json'))) return { dir, cleanup: () => undefined };
  const tmp = mkdtempSync(path.join(tmpdir(), 'territorio-data-'));
  await buildAll({ outDir: tmp });
  return { dir: tmp, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * For a test file that needs the built data: `const dataDir = withBuiltData();` at the top, then
 * `dataDir()` inside the tests (the folder is found or built in `beforeAll`, removed in `afterAll`).
 */
export function withBuiltData(): () => string {
  let dir: string | null = null;
  let cleanup = () => undefined as void;
  beforeAll(async () => {
    ({ dir, cleanup } = await builtDataDir());
  }, 600_000);
  afterAll(() => cleanup());
  return () => {
    if (dir === null) throw new Error('built data asked for before beforeAll ran');
    return dir;
  };
}

/** Resolves with the first store state that satisfies `pred` (the current one included). */
export function until(store: StoreApi<AppState>, pred: (s: AppState) => boolean, ms = 30_000): Promise<AppState> {
  return new Promise((resolve, reject) => {
    if (pred(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out waiting for the store'));
    }, ms);
    const unsubscribe = store.subscribe((s) => {
      if (!pred(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}
