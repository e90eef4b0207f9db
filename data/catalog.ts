// catalog.json: what the app shows about each dataset (origin, vintage, licence, size,
// per-column completeness and the quirks fixed). Deterministic: no timestamps, fixed key
// order, completeness rounded, so the same inputs give the same bytes.
import { statSync } from 'node:fs';
import type { Db, SqlValue } from './db';
import { sqlIdent, sqlString } from './db';
import type { DatasetMeta } from './datasets';
import type { Quirk } from './quirks';

// The catalog's types are defined once, where the app reads them.
export type { Catalog, CatalogDataset, CatalogColumn as ColumnInfo } from '../src/data/catalog';
import type { Catalog, CatalogColumn as ColumnInfo, CatalogDataset } from '../src/data/catalog';

export function roundShare(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Columns, types and completeness of a relation (a table or a `read_parquet(...)` call). */
export async function describeRelation(db: Db, relation: string): Promise<{ rows: number; columns: ColumnInfo[] }> {
  const schema = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${relation}`);
  const counts = schema.map((c, i) => `count(${sqlIdent(c.column_name)}) AS c${i}`);
  const [row] = await db.rows<Record<string, number>>(`SELECT count(*) AS n${counts.length ? ', ' + counts.join(', ') : ''} FROM ${relation}`);
  const rows = row.n;
  return {
    rows,
    columns: schema.map((c, i) => ({
      name: c.column_name,
      type: c.column_type,
      completeness: rows === 0 ? 0 : roundShare(row[`c${i}`] / rows),
    })),
  };
}

export function describeParquet(db: Db, file: string) {
  return describeRelation(db, `read_parquet(${sqlString(file)})`);
}

/** Loads TopoJSON feature properties into a table to describe them with the same SQL. */
export async function describeProperties(db: Db, table: string, properties: Array<Record<string, unknown>>) {
  const names = [...new Set(properties.flatMap((p) => Object.keys(p)))];
  const rows: SqlValue[][] = properties.map((p) => names.map((n) => (p[n] === undefined || p[n] === null ? null : String(p[n]))));
  await db.insertRows(table, names.map((name) => ({ name, type: 'VARCHAR' as const })), rows);
  return describeRelation(db, sqlIdent(table));
}

export function catalogEntry(
  meta: DatasetMeta,
  file: string,
  described: { rows: number; columns: ColumnInfo[] },
  quirks: Quirk[],
): CatalogDataset {
  return {
    id: meta.id,
    file: meta.file,
    title: { es: meta.title.es, en: meta.title.en },
    institution: meta.institution,
    licence: { ...meta.licence },
    vintage: { ...meta.vintage },
    source: meta.source,
    rawFiles: [...meta.rawFiles],
    rows: described.rows,
    bytes: statSync(file).size,
    columns: described.columns,
    quirks: quirks.map((q) => ({ id: q.id, description: { es: q.description.es, en: q.description.en }, count: q.count })),
  };
}

export function serializeCatalog(catalog: Catalog): string {
  return JSON.stringify(catalog, null, 2) + '\n';
}
