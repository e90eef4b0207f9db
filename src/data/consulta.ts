/**
 * «Consultas» (issue 18): an analyst's SQL against the loaded tables. The text is checked by
 * domain/sqlGuard (reads anywhere, writes only to `usuario`), then run on the analyst's own
 * connection; the last statement's rows come back, up to CONSULT_MAX_ROWS.
 */
import { guardSql, USER_SCHEMA } from '../domain/sqlGuard';
import type { ConsultRows, DataSource } from './source';

/** Rows kept from a result (shown in pages and downloaded as CSV); more are cut, and the UI says so. */
export const CONSULT_MAX_ROWS = 50_000;

export interface ConsultResult extends ConsultRows {
  ms: number;
  statements: number;
}

export interface SchemaTable {
  schema: string;
  name: string;
  columns: { name: string; type: string }[];
}

/** The tables an analyst can query: the app's (read-only) and their own, with column names and types. */
export async function consultSchema(source: DataSource): Promise<SchemaTable[]> {
  const t = await source.query(
    `SELECT table_schema AS s, table_name AS t, column_name AS c, data_type AS ty
     FROM information_schema.columns
     WHERE table_schema IN ('main', '${USER_SCHEMA}')
     ORDER BY table_schema = 'main' DESC, table_name, ordinal_position`,
    'information_schema',
  );
  const out: SchemaTable[] = [];
  for (let r = 0; r < t.numRows; r++) {
    const [schema, name, column, type] = ['s', 't', 'c', 'ty'].map((c) => String(t.getChild(c)!.get(r)));
    let table = out[out.length - 1];
    if (!table || table.schema !== schema || table.name !== name) out.push((table = { schema, name, columns: [] }));
    table.columns.push({ name: column, type });
  }
  return out;
}

/** Checks and runs `sql`; a SqlGuardError or a DataError (consultFailed, consultCancelled) says why not. */
export async function runConsult(source: DataSource, sql: string, signal: AbortSignal): Promise<ConsultResult> {
  const started = performance.now();
  const appTables = (await consultSchema(source)).filter((t) => t.schema === 'main').map((t) => t.name);
  const statements = guardSql(sql, appTables);
  const rows = await source.consult(
    statements.map((s) => s.sql),
    signal,
    CONSULT_MAX_ROWS,
  );
  return { ...rows, ms: performance.now() - started, statements: statements.length };
}

/** A few queries to start from (titles are translated by their key). */
export const CONSULT_EXAMPLES: { key: string; sql: string }[] = [
  {
    key: 'facilitiesByCategory',
    sql: `SELECT categoria, count(*) AS establecimientos
FROM establecimientos
GROUP BY categoria
ORDER BY establecimientos DESC;`,
  },
  {
    key: 'facilitiesByProvince',
    sql: `SELECT p.ubigeo, p.provincia, p.departamento,
       count(e.codigo) AS establecimientos,
       round(1e4 * count(e.codigo) / p.pob_2017, 2) AS por_10000_hab
FROM provincias p
LEFT JOIN establecimientos e ON e.ubigeo_prov = p.ubigeo
GROUP BY p.ubigeo, p.provincia, p.departamento, p.pob_2017
ORDER BY por_10000_hab;`,
  },
  {
    key: 'ownTable',
    sql: `CREATE OR REPLACE TABLE usuario.sin_fecha AS
SELECT codigo, nombre, ubigeo, categoria FROM establecimientos WHERE anio_inicio IS NULL;
SELECT categoria, count(*) AS sin_fecha FROM usuario.sin_fecha GROUP BY ALL ORDER BY 2 DESC;`,
  },
];
