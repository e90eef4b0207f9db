/** Bytes → text: what kind of file it is (by its first bytes), its encoding, and damage left in the text. */
import { MAX_LISTED, type UnsupportedFormat } from './codes';

export type UserFileEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Recognises files that are not text tables by their first bytes. */
export function sniffFormat(bytes: Uint8Array, fileName: string): 'parquet' | 'text' | 'utf-16le' | 'utf-16be' | UnsupportedFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet'; // "PAR1"
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'ods' ? 'ods' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // "%PDF"
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const head = bytes.subarray(0, 8192);
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2) zerosOdd++;
    else zerosEven++;
  }
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  if (head.length >= 4 && zerosOdd > head.length / 4 && zerosEven === 0) return 'utf-16le';
  if (head.length >= 4 && zerosEven > head.length / 4 && zerosOdd === 0) return 'utf-16be';
  if (zerosOdd + zerosEven > 0) return 'binario';
  const start = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  // A web page saved as .csv/.xls (a portal's "export" that is really HTML).
  if (/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<\?xml[^>]*>\s*<html)/i.test(start)) return 'html';
  const firstChar = start[0];
  if ((ext === 'json' || ext === 'geojson') && (firstChar === '{' || firstChar === '[')) return 'json';
  return 'text';
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array, encoding?: 'utf-16le' | 'utf-16be'): { text: string; encoding: UserFileEncoding } {
  if (encoding) return { text: stripBom(new TextDecoder(encoding).decode(bytes)), encoding };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

const stripBom = (t: string) => (t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);

/** U+FFFD left by an earlier bad conversion: how many, and the first lines holding one. */
export function damagedText(text: string): { caracteres: number; lineas: number[] } | null {
  let count = 0;
  const lineas: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0xfffd) {
      count++;
      if (lineas.length < MAX_LISTED && lineas[lineas.length - 1] !== line) lineas.push(line);
    }
  }
  return count > 0 ? { caracteres: count, lineas } : null;
}
