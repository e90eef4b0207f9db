// Checks the raw inputs before any work (presence, expected columns) and fingerprints them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Db } from './db';
import { sqlString } from './db';
import { missingColumnError, missingRawFileError, malformedFileError } from './errors';
import { RAW_FILES, WORLD_ATLAS_FILE, type RawFileSpec } from './rawFiles';

export function rawPath(rawDir: string, spec: RawFileSpec): string {
  return path.join(rawDir, spec.path);
}

/** Throws one Spanish error listing every missing raw file. */
export function assertRawFilesExist(rawDir: string, specs: readonly RawFileSpec[] = Object.values(RAW_FILES)): void {
  const missing = specs.filter((s) => !existsSync(rawPath(rawDir, s))).map((s) => s.path);
  if (missing.length > 0) throw missingRawFileError(missing, rawDir);
}

/** Splits one CSV line (RFC 4180 quoting); enough for a header row. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Reads a CSV header without loading the file (the sniffer of one file fails, see population.ts). */
export function readCsvHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    return parseCsvLine(firstLine).map((c) => c.trim());
  } finally {
    closeSync(fd);
  }
}

export function assertColumns(spec: RawFileSpec, rawDir: string, actual: readonly string[]): void {
  const have = new Set(actual);
  const missing = spec.columns.filter((c) => !have.has(c));
  if (missing.length > 0) throw missingColumnError(spec.path, rawDir, missing);
}

/** Checks the columns of every CSV and Parquet raw file (GeoJSON is checked when parsed). */
export async function assertRawColumns(db: Db, rawDir: string): Promise<void> {
  for (const spec of Object.values(RAW_FILES) as RawFileSpec[]) {
    const file = rawPath(rawDir, spec);
    if (spec.kind === 'csv') {
      assertColumns(spec, rawDir, readCsvHeader(file));
    } else if (spec.kind === 'parquet') {
      let names: string[];
      try {
        const rows = await db.rows<{ column_name: string }>(
          `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`,
        );
        names = rows.map((r) => r.column_name);
      } catch (e) {
        throw malformedFileError(spec.path, rawDir, `no se pudo leer como Parquet (${(e as Error).message.split('\n')[0]})`);
      }
      assertColumns(spec, rawDir, names);
    }
  }
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Absolute path of the world-atlas file shipped by npm. */
export function worldAtlasPath(): string {
  return createRequire(import.meta.url).resolve(WORLD_ATLAS_FILE);
}

/**
 * Fingerprint of every input, for the data version: sha256 over the lines
 * `<path>\t<sha256 of the file>\n`, sorted by path. Raw files are named relative to the raw
 * folder (so the hash does not depend on where it lives); the npm basemap as `npm:<path>`.
 */
export function hashInputs(rawDir: string, rawSpecs: readonly RawFileSpec[] = Object.values(RAW_FILES)): string {
  const entries: Array<[string, string]> = rawSpecs.map((s) => [s.path, sha256(readFileSync(rawPath(rawDir, s)))]);
  entries.push([`npm:${WORLD_ATLAS_FILE}`, sha256(readFileSync(worldAtlasPath()))]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(entries.map(([p, h]) => `${p}\t${h}\n`).join(''));
}

/**
 * Fingerprint of the pipeline's own code (every data/*.ts file), so `npm run data:ensure`
 * rebuilds after a change to the pipeline, not only after a change to the raw files.
 */
/**
 * Fingerprint of the pipeline's code: every `data/*.ts` file plus the project modules they
 * import (e.g. src/domain/conflictEvents.ts), followed through relative imports, so a change to
 * shared code rebuilds the data too.
 */
export function hashPipeline(dataDir: string): string {
  const root = path.dirname(dataDir);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]);
      visit(target.endsWith('.ts') || target.endsWith('.json') ? target : `${target}.ts`);
    }
  };
  for (const f of readdirSync(dataDir).filter((x) => x.endsWith('.ts'))) visit(path.join(dataDir, f));
  const files = [...seen].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
  return sha256(files.map((f) => `${f}\t${sha256(readFileSync(path.join(root, f)))}\n`).join(''));
}
