/** Delimited text (CSV/TSV/TXT) → rows: RFC 4180 splitting, delimiter detection and the CSV half of readUserFile. */
import { fail, MAX_LISTED, type UserFileResult, type UserFileWarning } from './codes';
import { buildTable, joinHeaderRows, titleRows } from './table';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface ParsedRows {
  rows: string[][];
  /** Line where each row starts (1-based). */
  lines: number[];
  /** Set when a quoted field never closes: the line where it opened. */
  unclosedQuoteLine?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * RFC 4180 splitting: a field that starts with `"` may hold delimiters, newlines and `""`.
 * Lenient where Excel is: text after a closing quote is kept. CRLF, LF and CR all end rows.
 */
export function splitDelimited(text: string, delimiter: Delimiter): ParsedRows {
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  let line = 1;
  let rowLine = 1;
  const isEnd = (c: number) => c === d || c === LF || c === CR;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      let j = i + 1;
      let close = -1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) break;
        if (text.charCodeAt(k + 1) === QUOTE) j = k + 2;
        else {
          close = k;
          break;
        }
      }
      if (close < 0) {
        if (row.length > 0) {
          rows.push(row);
          lines.push(rowLine);
        }
        return { rows, lines, unclosedQuoteLine: openLine };
      }
      line += newlinesBetween(text, i + 1, close);
      value = text.slice(i + 1, close).replace(/""/g, '"').replace(/\r\n?/g, '\n');
      i = close + 1;
      let e = i;
      while (e < n && !isEnd(text.charCodeAt(e))) e++;
      value += text.slice(i, e);
      i = e;
    } else {
      let e = i;
      while (e < n && !isEnd(text.charCodeAt(e))) e++;
      value = text.slice(i, e);
      i = e;
    }
    row.push(value);
    if (i >= n) {
      rows.push(row);
      lines.push(rowLine);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    rows.push(row);
    lines.push(rowLine);
    row = [];
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rowLine = line;
    if (i >= n) break;
  }
  return { rows, lines };
}

const isBlankRow = (r: readonly string[]) => r.every((v) => v.trim() === '');
/** Same width as the header, or wider only by empty trailing fields (Excel writes those). */
const fits = (r: readonly string[], width: number) => r.length === width || (r.length > width && r.slice(width).every((v) => v.trim() === ''));

/**
 * The delimiter that splits the first rows most consistently into at least two columns
 * (ties: more columns, then the order of DELIMITERS). Peruvian Excel writes `;` because the
 * decimal separator is the comma. Null for a one-column file.
 */
export function detectDelimiter(text: string, sampleChars = 64 * 1024): Delimiter | null {
  let sample = text.slice(0, sampleChars);
  if (text.length > sampleChars) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 0));
  let best: { d: Delimiter; share: number; width: number } | null = null;
  for (const d of DELIMITERS) {
    const rows = splitDelimited(sample, d).rows.filter((r) => !isBlankRow(r)).slice(0, 200);
    if (rows.length === 0 || rows[0].length < 2) continue;
    const width = rows[0].length;
    const data = rows.slice(1);
    const share = data.length === 0 ? 1 : data.filter((r) => fits(r, width)).length / data.length;
    if (!best || share > best.share || (share === best.share && width > best.width)) best = { d, share, width };
  }
  return best?.d ?? null;
}

/** Parses decoded text (no encoding or size checks): the CSV half of readUserFile. */
export function parseDelimitedText(
  text: string,
  fileName = 'archivo',
): UserFileResult {
  const warnings: UserFileWarning[] = [];
  if (text.trim() === '') return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  const detected = detectDelimiter(text);
  const parsed = splitDelimited(text, detected ?? ',');
  if (parsed.unclosedQuoteLine !== undefined) {
    return fail({ code: 'comillas_sin_cerrar', params: { linea: parsed.unclosedQuoteLine } });
  }
  let blankRows = 0;
  const rows: string[][] = [];
  const lines: number[] = [];
  parsed.rows.forEach((r, i) => {
    if (isBlankRow(r)) {
      // A lone empty line is formatting; ";;;;" is an empty spreadsheet row worth mentioning.
      if (r.length > 1) blankRows++;
      return;
    }
    rows.push(r);
    lines.push(parsed.lines[i]);
  });
  if (rows.length === 0) return fail({ code: 'archivo_vacio', params: { archivo: fileName } });
  if (blankRows > 0) warnings.push({ code: 'filas_vacias_omitidas', params: { filas: blankRows } });
  const skip = titleRows(rows[0], rows.slice(1));
  if (skip > 0) warnings.push({ code: 'filas_titulo_omitidas', params: { filas: skip, linea: lines[skip] } });
  const [first, ...rest] = rows.slice(skip);
  const { header, data, dataLines } = joinHeaderRows(first, rest, lines[skip], lines.slice(skip + 1), warnings);
  const width = header.length;
  const bad = data.flatMap((r, i) => (fits(r, width) ? [] : [{ linea: dataLines[i], campos: r.length }]));
  if (bad.length > 0) {
    return fail({ code: 'filas_irregulares', params: { esperados: width, total: bad.length, filas: bad.slice(0, MAX_LISTED) } }, warnings);
  }
  const built = buildTable(header, data, dataLines, warnings);
  if (!built.ok) return built.result;
  return { ok: true, format: 'csv', table: built.table, delimiter: detected, encoding: null, warnings };
}
