// `npm run data:ensure` (run before dev, build and test): builds the data only when an
// expected output file is missing, so the usual loop does not pay for a rebuild.
// It does not detect stale outputs: run `npm run data` after changing the raw files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataPaths } from './config';
import { OUTPUT_FILES } from './datasets';
import { buildAll, reportFailure } from './build';

export function missingOutputs(outDir: string): string[] {
  return OUTPUT_FILES.filter((f) => !existsSync(path.join(outDir, f)));
}

async function main(): Promise<void> {
  const { outDir } = resolveDataPaths();
  const missing = missingOutputs(outDir);
  if (missing.length === 0) {
    console.log(`Datos al día en ${outDir}: ${OUTPUT_FILES.length} archivos presentes, no se reconstruye.`);
    return;
  }
  console.log(`Faltan ${missing.length} archivo(s) en ${outDir} (${missing.join(', ')}): construyendo los datos…`);
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
