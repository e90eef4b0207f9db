/**
 * Keys as they come in offices' files: UBIGEO codes that lost their leading zeros (Excel stores
 * `010101` as the number 10101, or `10101.0` after a round trip), and IPRESS codes written
 * with or without zeros (`00005848`, `5848`). Pure text → normalised key, or null.
 */
export type UbigeoLevel = 'departamento' | 'provincia' | 'distrito';
export const UBIGEO_DIGITS: Record<UbigeoLevel, number> = { departamento: 2, provincia: 4, distrito: 6 };

/** Digits of a code cell: spaces, a trailing `.0` and a leading apostrophe (Excel's "text" mark) removed. */
function codeDigits(raw: string): string | null {
  const s = raw.trim().replace(/^'/, '').replace(/\s+/g, '').replace(/\.0+$/, '');
  return /^\d+$/.test(s) ? s : null;
}

/** A UBIGEO of the given level, zero-padded; null when it is not one (too long, not digits, zero). */
export function normaliseUbigeo(raw: string, level: UbigeoLevel): string | null {
  const d = codeDigits(raw);
  const n = UBIGEO_DIGITS[level];
  if (d === null) return null;
  const trimmed = d.replace(/^0+/, '');
  if (trimmed === '' || trimmed.length > n) return null;
  return trimmed.padStart(n, '0');
}

/** The level a column of codes is at, from the length of its longest code (5–6 digits: district). */
export function ubigeoLevelOf(values: Iterable<string>): UbigeoLevel | null {
  let longest = 0;
  for (const v of values) {
    const d = codeDigits(v);
    if (d) longest = Math.max(longest, d.replace(/^0+/, '').length);
  }
  if (longest === 0 || longest > 6) return null;
  return longest >= 5 ? 'distrito' : longest >= 3 ? 'provincia' : 'departamento';
}

/** An IPRESS code as the register's integer `codigo`; null when it is not one. */
export function normaliseIpress(raw: string): number | null {
  const d = codeDigits(raw);
  if (d === null) return null;
  const n = Number(d);
  return n > 0 && n < 1e8 ? n : null;
}
