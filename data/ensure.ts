// `npm run data:ensure` (run before dev, build and test): builds the data only when it is
// missing or stale — an output file is absent, the raw files changed (inputsSha256) or the
// pipeline's code changed (pipelineSha256) — so the usual loop does not pay for a rebuild.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT, resolveDataPaths } from './config';
import { CATALOG_FILE, OUTPUT_FILES } from './datasets';
import { buildAll, reportFailure } from './build';
import { hashInputs, hashPipeline } from './inputs';

export function missingOutputs(outDir: string): string[] {
  return OUTPUT_FILES.filter((f) => !existsSync(path.join(outDir, f)));
}

/** Why the built data must be rebuilt, in Spanish; null when it is up to date. */
export function staleReason(rawDir: string, outDir: string): string | null {
  const missing = missingOutputs(outDir);
  if (missing.length > 0) return `faltan ${missing.length} archivo(s) en ${outDir} (${missing.join(', ')})`;
  const catalog = JSON.parse(readFileSync(path.join(outDir, CATALOG_FILE), 'utf8')) as {
    inputsSha256?: string;
    pipelineSha256?: string;
  };
  if (catalog.pipelineSha256 !== hashPipeline(path.join(PROJECT_ROOT, 'data'))) return 'el código del pipeline cambió';
  // Without the raw folder the existing build is kept: there is nothing newer to build from.
  if (existsSync(rawDir) && catalog.inputsSha256 !== hashInputs(rawDir)) return `los datos crudos de ${rawDir} cambiaron`;
  return null;
}

async function main(): Promise<void> {
  const { rawDir, outDir } = resolveDataPaths();
  let reason: string | null;
  try {
    reason = staleReason(rawDir, outDir);
  } catch (error) {
    reason = `no se pudo verificar la construcción anterior (${error instanceof Error ? error.message : String(error)})`;
  }
  if (reason === null) {
    console.log(`Datos al día en ${outDir}: ${OUTPUT_FILES.length} archivos presentes, no se reconstruye.`);
    return;
  }
  console.log(`Construyendo los datos: ${reason}…`);
  try {
    const result = await buildAll({ log: (m) => console.log(m) });
    console.log(`Datos construidos en ${(result.milliseconds / 1000).toFixed(1)} s.`);
  } catch (error) {
    reportFailure(error);
    process.exitCode = 1;
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) void main();
