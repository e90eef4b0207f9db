/** XLSX → header and rows of text (read-excel-file: maintained, small, runs in a Web Worker; see README). */
import readXlsxFile from 'read-excel-file/universal';
import { cellText } from './parquet';

/** Excel's serial dates are already Date objects here; numbers keep their full precision as text. */
function excelCell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return cellText(v);
}

export type XlsxRead =
  | { ok: true; sheets: string[]; sheet: string; header: string[]; rows: string[][]; headerRow: number }
  | { ok: false; error: 'ilegible'; detalle: string }
  | { ok: false; error: 'hoja_no_encontrada'; sheets: string[]; sheet: string };

/** The first sheet, or the one named; its first non-empty row is the header. */
export async function readXlsx(bytes: Uint8Array, sheet?: string | null): Promise<XlsxRead> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(buffer);
  } catch (e) {
    return { ok: false, error: 'ilegible', detalle: e instanceof Error ? e.message : String(e) };
  }
  const names = sheets.map((s) => s.sheet);
  const picked = sheet ? sheets.find((s) => s.sheet === sheet) : sheets[0];
  if (!picked) return { ok: false, error: 'hoja_no_encontrada', sheets: names, sheet: sheet ?? '' };
  const rows = picked.data.map((r) => r.map(excelCell));
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) return { ok: true, sheets: names, sheet: picked.sheet, header: [], rows: [], headerRow: 1 };
  const header = rows[first];
  const width = header.length;
  const data = rows.slice(first + 1).map((r) => Array.from({ length: Math.max(width, r.length) }, (_, i) => r[i] ?? ''));
  return { ok: true, sheets: names, sheet: picked.sheet, header, rows: data, headerRow: first + 1 };
}
