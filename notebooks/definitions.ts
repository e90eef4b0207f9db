/**
 * Issue 12, executable: `npx tsx notebooks/definitions.ts [preset]`
 *
 * The default ranking's top 10 under the definitions used before issue 12, then after each
 * change of definition, applied one after another (universe → consistent emergency ratio →
 * all-zero rows as «no report» → flagged start dates left out → SUSALUD rows above their
 * level's plausible maximum left out). The same SQL and domain code as
 * the app, over the built Parquet. docs/methodology.md quotes its output.
 */
import path from 'node:path';
import { resolveDataPaths } from '../data/config';
import { loadUnits } from '../src/data/units';
import { rankScenario } from '../src/state/ranking';
import { scenarioFromPreset } from '../src/state/scenario';
import { previousDefinitions, type IndicatorDefinitions } from '../src/domain/universe';
import { NodeDataSource } from '../tests/support/nodeDataSource';

const presetId = process.argv[2] ?? 'mantenimiento_gore';
const { outDir } = resolveDataPaths();
const source = await NodeDataSource.open();
for (const t of ['establecimientos', 'provincias', 'distritos', 'emergencias_2024']) {
  await source.loadParquet(t, path.join(outDir, `${t}.parquet`));
}
const base = scenarioFromPreset(presetId);
const prev = previousDefinitions();
const steps: [string, IndicatorDefinitions][] = [];
let d = prev;
steps.push(['antes (definiciones anteriores)', d]);
d = { ...d, universe: { ...d.universe, institutions: [...base.definitions.universe.institutions] } };
steps.push(['1. universo del preset', d]);
d = { ...d, emergencyNumerator: base.definitions.emergencyNumerator };
steps.push(['2. razón de emergencias consistente', d]);
d = { ...d, emergencyZeros: base.definitions.emergencyZeros };
steps.push(['3. filas todas en 0 = sin reporte', d]);
d = { ...d, dates: base.definitions.dates };
steps.push(['4. fechas con alerta fuera', d]);
d = { ...d, emergencyOutliers: base.definitions.emergencyOutliers };
steps.push(['5. atenciones inverosímiles fuera', d]);

const cols: string[][] = [];
for (const [title, defs] of steps) {
  const units = await loadUnits(source, 'provincia', defs);
  const r = rankScenario(units, { ...base, definitions: defs });
  const col = [title, ...Array.from(r.order.slice(0, 10), (i) => i).map((i) => `${units.names[i]} (${r.score[i].toFixed(1)})`)];
  const at = (name: string) => units.names.indexOf(name);
  for (const name of ['Lima', 'Canas', 'Castrovirreyna', 'Pomabamba']) {
    const i = at(name);
    col.push(`${name}: ${r.insufficient.includes(i) ? `datos insuficientes (${(r.coverage[i] * 100).toFixed(0)} %)` : `puesto ${r.rank[i]}`}`);
  }
  cols.push(col);
}
console.log(`| puesto | ${cols.map((c) => c[0]).join(' | ')} |`);
console.log(`|---|${cols.map(() => '---').join('|')}|`);
for (let k = 1; k < cols[0].length; k++) console.log(`| ${k <= 10 ? k : ''} | ${cols.map((c) => c[k]).join(' | ')} |`);
await source.close();
