// A thin wrapper over @duckdb/node-api: one in-memory database per build, plain JS rows back
// (BIGINT counts become numbers: every count here is far below 2^53).
import { DuckDBInstance, type DuckDBConnection, type DuckDBAppender } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface ColumnDef {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'DOUBLE';
}

export interface Db {
  run(sql: string): Promise<void>;
  rows<T extends Row = Row>(sql: string): Promise<T[]>;
  value<T = unknown>(sql: string): Promise<T>;
  /** Creates `table` with `columns` and appends the JS rows (used for data computed in JS). */
  insertRows(table: string, columns: readonly ColumnDef[], rows: readonly SqlValue[][]): Promise<void>;
  close(): void;
}

/** SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL identifier (column names in the raw files carry spaces and accents). */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function toJs(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

function appendValue(appender: DuckDBAppender, type: ColumnDef['type'], value: SqlValue): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (type === 'VARCHAR') appender.appendVarchar(String(value));
  else if (type === 'INTEGER') appender.appendInteger(Number(value));
  else appender.appendDouble(Number(value));
}

export async function openDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  const db: Db = {
    async run(sql) {
      await connection.run(sql);
    },
    async rows<T extends Row = Row>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out: Row = {};
        for (const [k, v] of Object.entries(row)) out[k] = toJs(v);
        return out as T;
      });
    },
    async value<T = unknown>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRowsJS();
      return toJs(rows[0]?.[0]) as T;
    },
    async insertRows(table, columns, rows) {
      const cols = columns.map((c) => `${sqlIdent(c.name)} ${c.type}`).join(', ');
      await connection.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} (${cols})`);
      const appender = await connection.createAppender(table);
      for (const row of rows) {
        columns.forEach((c, i) => appendValue(appender, c.type, row[i] ?? null));
        appender.endRow();
      }
      appender.closeSync();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return db;
}
