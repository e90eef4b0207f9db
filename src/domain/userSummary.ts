/**
 * A joined user file reduced to what the app uses of it: the join report, and per placed unit
 * ("cell": the district, or the province or department for files at that level) the row count,
 * the sums of numeric columns, the counts of each category and MINSA's inadequate-capacity counts.
 * The rows stay in the user-file worker; a 700,000-row file becomes a few thousand numbers, so
 * the main thread never receives, clones or loops over the rows. Pure: no React, no DuckDB.
 */
import { decimalStyle, parseNumber } from '../data/userFile/numbers';
import { inadequateCapacity, isFirstLevel } from './facilityCondition';
import type { JoinedTable, JoinReport, KeySpec, Register } from './userData';

/** Per cell: a sum and how many rows went into it. */
export interface CellSums {
  sum: Float64Array;
  n: Float64Array;
}

export interface UserFileSummary {
  key: KeySpec;
  columns: string[];
  report: JoinReport;
  /** The units rows were placed in, at the file's level (districts for facility and point files). */
  cells: string[];
  /** Rows per cell. */
  rows: Float64Array;
  /** Numeric columns: the parsed values' sum and count per cell (the decimal separator read over the whole column). */
  numeric: Map<string, CellSums>;
  /** Categorical columns: rows per cell holding each value (trimmed, lower-cased), and the filled rows. */
  categories: Map<string, { filled: Float64Array; values: Map<string, Float64Array> }>;
  /** IPRESS files: per numeric column read as a year, first-level facilities with inadequate capacity (`sum`) of those judged (`n`). */
  minsa: Map<string, CellSums>;
  /** IPRESS files: each placed facility's first row, as text (up to FACILITY_COLUMNS filled columns besides the key). */
  facilities: Map<number, [string, string][]>;
}

export const FACILITY_COLUMNS = 10;
/** The facility-condition template's year column: judged by MINSA's rule even when the file leaves it empty. */
const TEMPLATE_YEAR = 'anio_ultima_intervencion_integral';

/** Reduces a joined table to its summary (run in the user-file worker, or in-process in Node). */
export function summariseJoin(joined: JoinedTable, register: Register | null): UserFileSummary {
  const { table, key, report } = joined;
  const fileLevel = report.level;
  const cellOf = (i: number): string | null =>
    fileLevel === 'provincia' ? joined.province[i] : fileLevel === 'departamento' ? joined.department[i] : joined.district[i];
  const index = new Map<string, number>();
  const rowCell = new Int32Array(table.records.length).fill(-1);
  for (let i = 0; i < table.records.length; i++) {
    const c = cellOf(i);
    if (c === null) continue;
    let k = index.get(c);
    if (k === undefined) index.set(c, (k = index.size));
    rowCell[i] = k;
  }
  const cells = [...index.keys()];
  const size = cells.length;
  const rows = new Float64Array(size);
  for (const k of rowCell) if (k >= 0) rows[k]++;

  const kinds = new Map(report.columns.map((c) => [c.name, c.kind]));
  const numeric = new Map<string, CellSums>();
  const categories = new Map<string, { filled: Float64Array; values: Map<string, Float64Array> }>();
  const minsa = new Map<string, CellSums>();
  const judged = key.kind === 'ipress' && register !== null;
  for (const column of table.columns) {
    const kind = kinds.get(column);
    const asYear = judged && (kind === 'numerico' || column === TEMPLATE_YEAR);
    if (kind !== 'numerico' && kind !== 'categorico' && !asYear) continue;
    const values = table.records.map((r) => (r[column] ?? '').trim());
    if (kind === 'numerico') {
      const style = decimalStyle(values);
      const s: CellSums = { sum: new Float64Array(size), n: new Float64Array(size) };
      values.forEach((v, i) => {
        const k = rowCell[i];
        if (k < 0) return;
        const x = parseNumber(v, style);
        if (x === null) return;
        s.sum[k] += x;
        s.n[k]++;
      });
      numeric.set(column, s);
    }
    if (kind === 'categorico') {
      const filled = new Float64Array(size);
      const byValue = new Map<string, Float64Array>();
      values.forEach((v, i) => {
        const k = rowCell[i];
        if (k < 0 || v === '') return;
        filled[k]++;
        const lower = v.toLowerCase();
        let counts = byValue.get(lower);
        if (!counts) byValue.set(lower, (counts = new Float64Array(size)));
        counts[k]++;
      });
      categories.set(column, { filled, values: byValue });
    }
    if (asYear && register) {
      const style = decimalStyle(values);
      const s: CellSums = { sum: new Float64Array(size), n: new Float64Array(size) };
      values.forEach((v, i) => {
        const k = rowCell[i];
        const f = joined.facility[i];
        if (k < 0 || f < 0 || !isFirstLevel(register.categoria[f])) return;
        const y = v === '' ? null : parseNumber(v, style);
        const bad = inadequateCapacity(y === null ? null : Math.floor(y));
        if (bad === null) return;
        s.sum[k] += bad ? 100 : 0;
        s.n[k]++;
      });
      minsa.set(column, s);
    }
  }

  const facilities = new Map<number, [string, string][]>();
  if (key.kind === 'ipress' && register) {
    table.records.forEach((rec, i) => {
      const f = joined.facility[i];
      if (f < 0) return;
      const codigo = register.codigo[f];
      if (facilities.has(codigo)) return;
      const entries = table.columns
        .filter((c) => c !== key.column && rec[c]?.trim())
        .slice(0, FACILITY_COLUMNS)
        .map((c) => [c, rec[c]] as [string, string]);
      facilities.set(codigo, entries);
    });
  }
  return { key, columns: table.columns, report, cells, rows, numeric, categories, minsa, facilities };
}
