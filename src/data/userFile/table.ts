/** Header checks and records, shared by CSV and Parquet: rows of text → a UserTable. */
import { fail, type UserFileResult, type UserFileWarning } from './codes';

export interface UserTable {
  /** Header names, trimmed, in file order. */
  columns: string[];
  /** One object per data row; every column present, missing values as ''. */
  records: Array<Record<string, string>>;
  /** Row number of each record as a spreadsheet shows it (header = 1; Parquet row i → i + 2). */
  lines: number[];
}

/** A header as compared for duplicates and personal data: camelCase split, accents, case and punctuation ignored. */
export const columnKey = (h: string) =>
  h
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const VALUE_LIKE = [
  /^[-+]?\d+([.,]\d+)?$/, // numbers, codes
  /^\d{4}-\d{1,2}(-\d{1,2})?$/, // ISO dates, months
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/, // dd/mm/yyyy
];
const looksLikeValue = (s: string) => VALUE_LIKE.some((re) => re.test(s.trim()));

/**
 * Title rows above the header, as offices write them in a spreadsheet («GOBIERNO REGIONAL …»,
 * «Inventario 2025», a blank row): the header is the first of the first 30 rows that fills at
 * least 60 % of the widest of them (and two cells). Returns how many rows to skip.
 */
export function titleRows(header: readonly string[], rows: readonly (readonly string[])[]): number {
  const head = [header, ...rows.slice(0, 29)];
  const filled = head.map((r) => r.filter((c) => c.trim() !== '').length);
  const widest = Math.max(...filled);
  const need = Math.max(2, Math.ceil(0.6 * widest));
  const at = filled.findIndex((f) => f >= need);
  return at < 0 ? 0 : at;
}

/**
 * A header over two rows, as a spreadsheet with merged cells leaves it. Excel keeps a merged
 * cell's text in its top-left cell, so the upper row names the columns merged down over both rows
 * (their lower cell is empty) and the first column of a group merged across; the row below names
 * the group's columns («Estado» over «Infraestructura | Equipamiento»). `next` is read as such a
 * row when it holds only text (no number, code or date), opens at least one group (a named upper
 * cell followed by an empty one, both named below) and leaves most of the other named columns
 * empty below (a first data row fills them). Returns one name per column («Estado –
 * Infraestructura»), or null when `next` is data.
 */
export function twoRowHeader(header: readonly string[], next: readonly string[] | undefined): string[] | null {
  if (!next) return null;
  const width = Math.max(header.length, next.length);
  const up = Array.from({ length: width }, (_, c) => (header[c] ?? '').trim());
  const low = Array.from({ length: width }, (_, c) => (next[c] ?? '').trim());
  if (low.some((c) => c !== '' && looksLikeValue(c))) return null;
  const opens = (c: number) => up[c] !== '' && low[c] !== '' && c + 1 < width && up[c + 1] === '' && low[c + 1] !== '';
  const names: string[] = [];
  let group = '';
  let single = 0;
  let singleEmptyBelow = 0;
  let groups = 0;
  for (let c = 0; c < width; c++) {
    if (opens(c)) {
      group = up[c];
      groups++;
      names.push(`${group} – ${low[c]}`);
    } else if (up[c] === '' && low[c] !== '' && group) {
      names.push(`${group} – ${low[c]}`);
    } else {
      group = '';
      if (up[c] !== '') {
        single++;
        if (low[c] === '') singleEmptyBelow++;
      }
      names.push(up[c] !== '' ? (low[c] !== '' ? `${up[c]} – ${low[c]}` : up[c]) : low[c]);
    }
  }
  return groups > 0 && singleEmptyBelow * 2 >= single ? names : null;
}

/** The header, data and data lines after joining a two-row header (see twoRowHeader), with its warning. */
export function joinHeaderRows(
  header: string[],
  data: string[][],
  headerLine: number,
  dataLines: number[],
  warnings: UserFileWarning[],
): { header: string[]; data: string[][]; dataLines: number[] } {
  const joined = twoRowHeader(header, data[0]);
  if (!joined) return { header, data, dataLines };
  warnings.push({ code: 'encabezado_dos_filas', params: { lineas: [headerLine, dataLines[0]], ejemplo: joined.find((n) => n.includes(' – ')) ?? '' } });
  return { header: joined, data: data.slice(1), dataLines: dataLines.slice(1) };
}

/** Header checks and records; `warnings` gets the warnings raised here and is passed on with an error. */
export function buildTable(
  header: string[],
  rows: string[][],
  lines: number[],
  warnings: UserFileWarning[],
): { ok: true; table: UserTable } | { ok: false; result: UserFileResult } {
  const names = header.map((h) => h.trim());
  const filled = names.filter((h) => h !== '');
  if (filled.length > 0 && filled.every(looksLikeValue)) {
    return { ok: false, result: fail({ code: 'sin_encabezado', params: { primeraFila: names } }, warnings) };
  }
  // Nameless columns: dropped if empty in every row, an error otherwise.
  const keep: number[] = [];
  const droppedEmpty: number[] = [];
  const namelessWithData: number[] = [];
  names.forEach((name, c) => {
    if (name !== '') keep.push(c);
    else if (rows.every((r) => (r[c] ?? '').trim() === '')) droppedEmpty.push(c + 1);
    else namelessWithData.push(c + 1);
  });
  if (namelessWithData.length > 0) {
    return { ok: false, result: fail({ code: 'encabezado_vacio', params: { columnas: namelessWithData } }, warnings) };
  }
  if (droppedEmpty.length > 0) warnings.push({ code: 'columnas_sin_nombre_omitidas', params: { columnas: droppedEmpty } });
  const seen = new Map<string, string>();
  const dup: string[] = [];
  for (const c of keep) {
    const k = columnKey(names[c]);
    if (seen.has(k)) {
      if (!dup.includes(seen.get(k)!)) dup.push(seen.get(k)!);
      dup.push(names[c]);
    } else seen.set(k, names[c]);
  }
  if (dup.length > 0) return { ok: false, result: fail({ code: 'encabezados_duplicados', params: { columnas: dup } }, warnings) };
  if (rows.length === 0) return { ok: false, result: fail({ code: 'sin_datos', params: {} }, warnings) };
  const columns = keep.map((c) => names[c]);
  const records = rows.map((r) => {
    const rec: Record<string, string> = {};
    for (const c of keep) rec[names[c]] = r[c] ?? '';
    return rec;
  });
  return { ok: true, table: { columns, records, lines } };
}
