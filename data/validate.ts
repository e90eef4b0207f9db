// Last checks on the written files before they are published: a build that would ship a
// damaged character or a person's name fails instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db';
import { sqlIdent, sqlString } from './db';
import { REPLACEMENT_CHAR } from './text';

/** Column names that must never reach an output (personal data). */
export const FORBIDDEN_COLUMN = /director|responsable/i;

/** VARCHAR columns of a Parquet file that still contain U+FFFD, with counts. */
export async function damagedColumns(db: Db, file: string): Promise<Array<{ column: string; rows: number }>> {
  const rel = `read_parquet(${sqlString(file)})`;
  const schema = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${rel}`);
  const text = schema.filter((c) => c.column_type === 'VARCHAR').map((c) => c.column_name);
  if (text.length === 0) return [];
  const [row] = await db.rows<Record<string, number>>(`SELECT ${text
    .map((c, i) => `count(*) FILTER (${sqlIdent(c)} LIKE '%${REPLACEMENT_CHAR}%') AS c${i}`)
    .join(', ')} FROM ${rel}`);
  return text.map((column, i) => ({ column, rows: row[`c${i}`] })).filter((c) => c.rows > 0);
}

export async function assertCleanParquet(db: Db, file: string): Promise<void> {
  const damaged = await damagedColumns(db, file);
  if (damaged.length > 0) {
    const list = damaged.map((d) => `${d.column} (${d.rows})`).join(', ');
    throw new Error(`Quedan caracteres U+FFFD en ${path.basename(file)}: ${list}`);
  }
  const schema = await db.rows<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  const forbidden = schema.map((c) => c.column_name).filter((c) => FORBIDDEN_COLUMN.test(c));
  if (forbidden.length > 0) throw new Error(`${path.basename(file)} contiene datos personales: ${forbidden.join(', ')}`);
}

export function assertCleanText(file: string): void {
  if (readFileSync(file, 'utf8').includes(REPLACEMENT_CHAR)) {
    throw new Error(`Quedan caracteres U+FFFD en ${path.basename(file)}`);
  }
}
