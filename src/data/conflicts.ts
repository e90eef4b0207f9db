import { oncePerSource, type DataSource } from './source';
import type { Catalog } from './catalog';
import { DataError } from './errors';
import { DATA_BASE_URL } from './loadApp';
import { CONFLICT_EVENT_COLUMNS, type ConflictEvent } from '../domain/conflictEvents';

/** Dates as ISO text and flags as booleans, whatever Arrow makes of them. */
const CONFLICTS_SQL = `SELECT ${CONFLICT_EVENT_COLUMNS.map((c) =>
  c.type === 'DATE' ? `strftime(${c.name}, '%Y-%m-%d') AS ${c.name}` : c.name,
).join(', ')}
FROM conflictos ORDER BY fecha_inicio, serie, id`;

/**
 * The published conflict events (Defensoría del Pueblo), loaded into DuckDB on first use and
 * returned as plain rows: there are tens to thousands of them, and the user's own events are
 * appended to the same list.
 */
async function loadConflictsOnce(source: DataSource, catalog: Catalog): Promise<ConflictEvent[]> {
  const ds = catalog.datasets.find((d) => d.id === 'conflictos');
  if (!ds) throw new DataError('datasetMissing', { dataset: 'conflictos' });
  await source.loadParquet('conflictos', `${DATA_BASE_URL}${ds.file}`);
  const t = await source.query(CONFLICTS_SQL, 'conflictos');
  const cols = CONFLICT_EVENT_COLUMNS.map((c) => [c.name, t.getChild(c.name)!] as const);
  const rows: ConflictEvent[] = [];
  for (let r = 0; r < t.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const [name, col] of cols) row[name] = col.get(r) ?? null;
    rows.push(row as unknown as ConflictEvent);
  }
  return rows;
}

/** Shared per engine (see oncePerSource). */
export const loadConflicts = oncePerSource(loadConflictsOnce);
