// INEI UBIGEO codes: 2 digits (department), 4 (province), 6 (district). Several raw files
// store them as numbers, which drops the leading zero of departments 01-09 ("10101" is
// Amazonas' 010101). Codes are always written as zero-padded strings.
export type UbigeoDigits = 2 | 4 | 6;

const NUMERIC = /^(\d+)(?:\.0+)?$/;

/** Zero-pads a code; null for empty, "NA", non-numeric or too-long values. */
export function padUbigeo(value: string | number | null | undefined, digits: UbigeoDigits): string | null {
  if (value === null || value === undefined) return null;
  const match = NUMERIC.exec(String(value).trim());
  if (!match) return null;
  const code = match[1];
  if (code.length > digits) return null;
  return code.padStart(digits, '0');
}

/** True when the raw value needed padding (it lost leading zeros). */
export function lostLeadingZeros(value: string | number | null | undefined, digits: UbigeoDigits): boolean {
  const padded = padUbigeo(value, digits);
  if (padded === null) return false;
  const match = NUMERIC.exec(String(value).trim());
  return match !== null && match[1].length < digits;
}

/** The same rule as padUbigeo, as a SQL expression over a VARCHAR column. */
export function padUbigeoSql(expr: string, digits: UbigeoDigits): string {
  const digitsOnly = `regexp_extract(trim(${expr}), '^([0-9]+)(\\.0+)?$', 1)`;
  return `(CASE WHEN ${digitsOnly} <> '' AND length(${digitsOnly}) <= ${digits} THEN lpad(${digitsOnly}, ${digits}, '0') END)`;
}

/** SQL: true when the raw value lost leading zeros. */
export function lostLeadingZerosSql(expr: string, digits: UbigeoDigits): string {
  const digitsOnly = `regexp_extract(trim(${expr}), '^([0-9]+)(\\.0+)?$', 1)`;
  return `(${digitsOnly} <> '' AND length(${digitsOnly}) < ${digits})`;
}

export function provinceOf(district: string): string {
  return district.slice(0, 4);
}
