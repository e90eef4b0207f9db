import { indicatorById } from '../domain/indicators';
import { provenance, provenanceLines, rankedUnits, type ExportContext } from './provenance';
import type { StabilityResult } from '../state/slices';
import type { MonitoringTotals } from '../domain/monitoring';

/** A CSV field: quoted when it holds a separator, a quote or a line break. */
export function csvField(v: string | number): string {
  // Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab/CR) gets a leading
  // apostrophe: names and labels can come from a user's file. Numbers (negative ones too) stay numbers.
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e4) / 1e4) : '') : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** p05, p95, median rank and P(top N) of a unit; blanks when the run did not rank it. */
function bandFields(r: StabilityResult, ubigeo: string): (string | number)[] {
  const p = r.position.get(ubigeo);
  if (p === undefined || !(r.summary.p05[p] > 0)) return ['', '', '', p === undefined ? '' : 0];
  return [r.summary.p05[p], r.summary.p95[p], r.summary.median[p], r.summary.pTopN[p]];
}

/**
 * The ranking as CSV: `#` lines first with the scenario's question, weights, dates, sources and
 * versions (the provenance), then one row per unit: rank, codes, score, coverage, and each
 * ranked indicator's raw value and contribution to the score. UTF-8 with a BOM, for spreadsheets.
 */
export function rankingCsv(ctx: ExportContext): string {
  const { units, ranking, t } = ctx;
  const p = provenance(ctx);
  const district = units.level === 'distrito';
  const head = [
    'puesto',
    'ubigeo',
    'nombre',
    ...(district ? ['provincia'] : []),
    'departamento',
    'puntaje',
    'cobertura_peso_pct',
    ...ranking.indicatorIds.flatMap((id) => [`valor:${id}`, `aporte:${id}`]),
    // rank bands when the stability run of this ranking has ended (issue 14)
    ...(ctx.stability ? ['banda_p05', 'banda_p95', 'puesto_mediano', `prob_top_${ctx.stability.summary.topN}`] : []),
  ];
  const lines = [
    ...provenanceLines(p, t).map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`),
    `# ${t('scenarios.csv.columns')}: ${ranking.indicatorIds.map((id) => `${id} = ${indicatorById(id).label[ctx.lng]}`).join('; ').replace(/[\r\n]+/g, ' ')}`,
    head.join(','),
  ];
  for (const i of rankedUnits(ranking)) {
    const contributions = ranking.contributionsOf(i);
    const row: (string | number)[] = [
      ranking.rank[i] || '',
      units.ids[i],
      units.names[i],
      ...(district ? [units.provincias[i]] : []),
      units.departamentos[i],
      ranking.score[i],
      ranking.coverage[i] * 100,
      ...ranking.indicatorIds.flatMap((id, j) => [units.values[id][i], contributions[j]]),
      ...(ctx.stability ? bandFields(ctx.stability, units.ids[i]) : []),
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * The monitoring entries (issue 19) as CSV: one row per unit with its name, the amounts, the date,
 * the share executed and the gap, then a total row. UTF-8 with a BOM, for spreadsheets; read
 * back by «Cargar CSV de montos» (the same column names).
 */
export function monitoringCsv(totals: MonitoringTotals, nameOf: (ubigeo: string) => string): string {
  const head = ['ubigeo', 'unidad', 'planificado', 'ejecutado', 'fecha', 'pct_ejecutado', 'brecha'];
  const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : csvField(x));
  const rows = totals.rows.map((r) =>
    [r.ubigeo, csvField(nameOf(r.ubigeo)), num(r.planned), num(r.executed), r.date ?? '', num(100 * r.share), num(r.gap)].join(','),
  );
  const total = ['', 'TOTAL', num(totals.planned), num(totals.executed), '', num(100 * totals.share), num(totals.gap)].join(',');
  return '\ufeff' + [head.join(','), ...rows, total].join('\r\n') + '\r\n';
}
