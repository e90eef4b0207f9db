/**
 * Methodology notebook, executable: `npx tsx notebooks/ranking.ts [preset] [departamento]`
 *
 * Recomputes a ranking outside the browser — the same indicator SQL (src/data/indicatorSql.ts)
 * and the same domain code (src/domain) over the same built Parquet, on native DuckDB — and
 * prints each step: the indicators, the normalised values, the weights and the contributions.
 * Use it to check a number the app shows, or to explain a rank in a report.
 * Needs the built data (`npm run data`).
 */
import path from 'node:path';
import { resolveDataPaths } from '../data/config';
import { loadUnits } from '../src/data/units';
import { indicatorById } from '../src/domain/indicators';
import { PRESETS } from '../src/domain/presets';
import { rankScenario } from '../src/state/ranking';
import { scenarioFromPreset } from '../src/state/scenario';
import { NodeDataSource } from '../tests/support/nodeDataSource';

const presetId = process.argv[2] ?? 'mantenimiento_gore';
const departamento = process.argv[3] ?? null;
const { outDir } = resolveDataPaths();

const source = await NodeDataSource.open();
for (const t of ['establecimientos', 'provincias', 'distritos', 'emergencias_2024']) {
  await source.loadParquet(t, path.join(outDir, `${t}.parquet`));
}
const scenario = { ...scenarioFromPreset(presetId), scope: { departamento, provincia: null } };
// the preset's facility universe and indicator rules (issue 12), as the app loads them
const units = await loadUnits(source, 'provincia', scenario.definitions);
const preset = PRESETS.find((p) => p.id === presetId)!;
const r = rankScenario(units, scenario);

console.log(`# ${preset.title.es}  (${scenario.aggregation}, faltantes: ${scenario.missing})`);
console.log(`Ámbito: ${departamento ?? 'todo el Perú'} — ${r.order.length} provincias ordenadas, ${r.insufficient.length} con datos insuficientes\n`);
console.log('## Pesos normalizados');
r.indicatorIds.forEach((id, j) => console.log(`- ${(r.weights[j] * 100).toFixed(1).padStart(5)} %  ${indicatorById(id).label.es}`));

console.log('\n## Primeras 15 provincias: valor bruto → normalizado (0–100) → contribución');
for (const i of r.order.slice(0, 15)) {
  const c = r.contributionsOf(i);
  console.log(`\n${String(r.rank[i]).padStart(3)}. ${units.names[i]} (${units.departamentos[i]}) — puntaje ${r.score[i].toFixed(1)}`);
  r.indicatorIds.forEach((id, j) => {
    const raw = units.values[id][i];
    console.log(
      `     ${indicatorById(id).label.es.slice(0, 60).padEnd(60)} ${Number.isNaN(raw) ? 'sin dato' : raw.toFixed(2).padStart(10)}` +
        ` → ${Number.isNaN(r.normalised[j][i]) ? '  —  ' : r.normalised[j][i].toFixed(1).padStart(5)} → ${c[j].toFixed(2).padStart(6)}`,
    );
  });
}
if (r.insufficient.length) {
  console.log('\n## Datos insuficientes (listadas aparte)');
  for (const i of r.insufficient) console.log(`- ${units.names[i]} (${units.departamentos[i]}): ${(r.coverage[i] * 100).toFixed(0)} % del peso`);
}
await source.close();
