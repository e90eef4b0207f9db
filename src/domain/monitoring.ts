/**
 * Monitoring a decision (issue 19): the investment decided per unit — planned amount, executed
 * amount, date — against each other, per unit and in total, like the «presupuesto vs gasto»
 * view. Entries are part of the scenario; a CSV of them is read by the one user-file reader
 * (`monitoringFromTable` runs in its worker). Pure: no React, no DOM.
 */
import type { UserTable } from '../data/userFile/table';
import { columnKey } from '../data/userFile/table';
import { decimalStyle, parseNumber } from '../data/userFile/numbers';
import { normaliseUbigeo } from '../data/userFile/keys';

export interface MonitoringEntry {
  /** Province (4 digits) or district (6 digits) UBIGEO. */
  ubigeo: string;
  /** Soles; null = not entered. */
  planned: number | null;
  executed: number | null;
  /** ISO date of the figures (YYYY-MM-DD); null = not given. */
  date: string | null;
}

/** Entries kept in a scenario, at most (a region has 1,891 districts at most). */
export const MAX_MONITORING_ENTRIES = 2_000;
/** Largest amount accepted: more than Peru's whole public budget. */
export const MAX_AMOUNT = 1e12;

export interface MonitoringRow extends MonitoringEntry {
  /** executed / planned (NaN when there is no plan). */
  share: number;
  /** planned − executed: what remains to spend (negative: spent beyond the plan); NaN with neither amount. */
  gap: number;
}

export interface MonitoringTotals {
  rows: MonitoringRow[];
  planned: number;
  executed: number;
  share: number;
  gap: number;
  /** Entries with spending above their plan. */
  over: number;
}

/** Per row and in total; a missing amount counts 0 in the totals and leaves its row's share empty. */
export function monitoringTotals(entries: readonly MonitoringEntry[]): MonitoringTotals {
  let planned = 0;
  let executed = 0;
  let over = 0;
  const rows = entries.map((e) => {
    const p = e.planned ?? 0;
    const x = e.executed ?? 0;
    planned += p;
    executed += x;
    if (x > p && e.planned !== null) over++;
    return { ...e, share: e.planned ? x / e.planned : NaN, gap: e.planned === null && e.executed === null ? NaN : p - x };
  });
  return { rows, planned, executed, share: planned > 0 ? executed / planned : NaN, gap: planned - executed, over };
}

/** One entry per unit: a later entry for the same UBIGEO replaces the earlier, in its place. */
export function upsertEntry(entries: readonly MonitoringEntry[], entry: MonitoringEntry): MonitoringEntry[] {
  const i = entries.findIndex((e) => e.ubigeo === entry.ubigeo);
  if (i < 0) return [...entries, entry];
  const out = [...entries];
  out[i] = entry;
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV in: columns named as offices name them («ubigeo», «presupuesto», «PIM», «devengado»…)

const ALIASES: Record<'ubigeo' | 'planned' | 'executed' | 'date', string[]> = {
  ubigeo: ['ubigeo', 'codigo_ubigeo', 'cod_ubigeo', 'ubigeo_provincia', 'ubigeo_distrito', 'ubigeo_prov'],
  planned: ['presupuesto', 'planificado', 'monto_planificado', 'programado', 'pim', 'pia', 'monto_pim', 'presupuesto_pim', 'planned', 'budget'],
  executed: ['ejecutado', 'monto_ejecutado', 'devengado', 'gasto', 'executed', 'spent', 'spending'],
  date: ['fecha', 'fecha_corte', 'fecha_de_corte', 'fecha_registro', 'date', 'as_of'],
};

export type MonitoringRowProblem = 'ubigeo' | 'amount' | 'date' | 'unknownUnit';

export type MonitoringImport =
  | { ok: true; entries: MonitoringEntry[]; rejected: { line: number; problem: MonitoringRowProblem }[]; columns: Record<'ubigeo' | 'planned' | 'executed' | 'date', string | null> }
  | { ok: false; error: { code: 'sin_columna_ubigeo' | 'sin_montos' | 'demasiadas_filas' | 'sin_filas_validas'; params: Record<string, string | number> } };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LATAM_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date as offices write it (`2026-06-30`, `30/06/2026`) → ISO; null when empty; undefined when not a date. */
export function parseDay(raw: string): string | null | undefined {
  const s = raw.trim();
  if (s === '') return null;
  let y: number, m: number, d: number;
  let x = ISO_DAY.exec(s);
  if (x) [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  else if ((x = LATAM_DAY.exec(s))) [d, m, y] = [Number(x[1]), Number(x[2]), Number(x[3])];
  else return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/**
 * A read file's rows → entries. `known` holds the UBIGEO of the units the entries may name (a
 * code the app does not know is rejected with its line, not guessed). A row with neither amount
 * is rejected; an amount that is not a number, negative or absurdly large too.
 */
export function monitoringFromTable(table: UserTable, known: ReadonlySet<string>, maxRows = MAX_MONITORING_ENTRIES): MonitoringImport {
  const find = (names: string[]) => table.columns.find((c) => names.includes(columnKey(c))) ?? null;
  const columns = { ubigeo: find(ALIASES.ubigeo), planned: find(ALIASES.planned), executed: find(ALIASES.executed), date: find(ALIASES.date) };
  if (!columns.ubigeo) return { ok: false, error: { code: 'sin_columna_ubigeo', params: { columnas: table.columns.join(', ') } } };
  if (!columns.planned && !columns.executed) return { ok: false, error: { code: 'sin_montos', params: { columnas: table.columns.join(', ') } } };
  if (table.records.length > maxRows) return { ok: false, error: { code: 'demasiadas_filas', params: { filas: table.records.length, limite: maxRows } } };
  const style = (c: string | null) => (c ? decimalStyle(table.records.map((r) => r[c])) : 'point');
  const plannedStyle = style(columns.planned);
  const executedStyle = style(columns.executed);
  let entries: MonitoringEntry[] = [];
  const rejected: { line: number; problem: MonitoringRowProblem }[] = [];
  table.records.forEach((r, k) => {
    const line = table.lines[k];
    const raw = r[columns.ubigeo!];
    const digits = raw.replace(/\D/g, '').replace(/^0+/, '').length;
    const ubigeo = normaliseUbigeo(raw, digits >= 5 ? 'distrito' : 'provincia');
    if (!ubigeo) return void rejected.push({ line, problem: 'ubigeo' });
    if (!known.has(ubigeo)) return void rejected.push({ line, problem: 'unknownUnit' });
    const amount = (c: string | null, st: 'point' | 'comma') => (c === null || r[c].trim() === '' ? null : parseNumber(r[c], st) ?? NaN);
    const planned = amount(columns.planned, plannedStyle);
    const executed = amount(columns.executed, executedStyle);
    const bad = (x: number | null) => x !== null && !(x >= 0 && x <= MAX_AMOUNT);
    if ((planned === null && executed === null) || bad(planned) || bad(executed)) return void rejected.push({ line, problem: 'amount' });
    const date = columns.date ? parseDay(r[columns.date]) : null;
    if (date === undefined) return void rejected.push({ line, problem: 'date' });
    entries = upsertEntry(entries, { ubigeo, planned, executed, date });
  });
  if (entries.length === 0) return { ok: false, error: { code: 'sin_filas_validas', params: { filas: table.records.length } } };
  return { ok: true, entries, rejected, columns };
}
