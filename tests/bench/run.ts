import { startPreview, stopPreview } from '../browser/previewServer';
import { measureColdStart } from './coldstart';

/**
 * `npm run bench`: builds the app, serves it on localhost and measures it in headless Chromium.
 * Prints every figure; docs/performance.md records them.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

const server = await startPreview();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measureColdStart();
    console.log(
      `cold start #${i + 1}: ranked map ${r.rankedMapMs.toFixed(0)} ms, table ${r.tableMs.toFixed(0)} ms, ` +
        `DuckDB ready ${r.engineReadyMs.toFixed(0)} ms, ${r.requests} requests, ${mb(r.bytes)}`,
    );
    runs.push(r);
  }
  console.log('');
  console.log(`cold start (median of ${RUNS}): navigation → first ranked map: ${median(runs.map((r) => r.rankedMapMs)).toFixed(0)} ms`);
  console.log(`  navigation → ranked table: ${median(runs.map((r) => r.tableMs)).toFixed(0)} ms`);
  console.log(`  navigation → DuckDB-WASM ready: ${median(runs.map((r) => r.engineReadyMs)).toFixed(0)} ms`);
  console.log(`  bytes transferred on first load: ${mb(runs[0].bytes)} in ${runs[0].requests} requests (uncompressed, vite preview)`);
  console.log('  largest responses:');
  for (const x of runs[0].largest) console.log(`    ${mb(x.bytes).padStart(9)}  ${x.url}`);
} finally {
  stopPreview(server);
}
