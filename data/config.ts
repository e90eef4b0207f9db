// Where the pipeline reads raw open data and writes the built files.
// Both folders come from environment variables so CI, tests and developers can point the
// pipeline elsewhere; relative values are resolved against the project root (the folder of
// package.json), never against the shell's cwd, so `npm run data` works from any folder.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const RAW_DIR_ENV = 'TERRITORIO_RAW_DIR';
export const DATA_DIR_ENV = 'TERRITORIO_DATA_DIR';

export const DEFAULT_RAW_DIR = '../shared/data/raw';
export const DEFAULT_DATA_DIR = 'public/data';

/** The project root: this file lives in `<root>/data/`. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface DataPaths {
  /** Absolute folder holding the raw files (read-only). */
  rawDir: string;
  /** Absolute folder receiving the built files. */
  outDir: string;
}

function fromRoot(value: string): string {
  return path.resolve(PROJECT_ROOT, value);
}

/** Resolves the folders: explicit options win, then the environment, then the defaults. */
export function resolveDataPaths(
  options: Partial<DataPaths> = {},
  env: NodeJS.ProcessEnv = process.env,
): DataPaths {
  const raw = options.rawDir ?? (env[RAW_DIR_ENV] || DEFAULT_RAW_DIR);
  const out = options.outDir ?? (env[DATA_DIR_ENV] || DEFAULT_DATA_DIR);
  return { rawDir: fromRoot(raw), outDir: fromRoot(out) };
}
