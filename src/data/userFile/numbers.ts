/**
 * Numbers as offices write them: `1234.5`, `1234,5` (decimal comma, Peruvian Excel), `1.234,5`,
 * `1,234.5`, `1 234,5`, `S/ 1 234,50`, `12,5 %`. A column's decimal separator is decided from all
 * its values (`decimalStyle`), so `1,234` is a thousand in a column that writes `1,234.50` and
 * one point two three four in a column that writes `0,5`.
 */
export type DecimalStyle = 'point' | 'comma';

const CURRENCY = /^(s\/\.?|us\$|\$|pen)\s*/i;
const clean = (s: string) => s.trim().replace(CURRENCY, '').replace(/\s*%$/, '').replace(/[\u00a0\u202f' ]/g, '');

/** The decimal separator a column's values use: a comma when some value can only be read with a decimal comma. */
export function decimalStyle(values: Iterable<string>): DecimalStyle {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const s = clean(raw);
    if (s === '') continue;
    if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[-+]?\d*,\d{1,2}$/.test(s) || /^[-+]?\d*,\d{4,}$/.test(s) || /^[-+]?0,\d+$/.test(s)) comma++;
    else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[-+]?\d*\.\d{1,2}$/.test(s) || /^[-+]?\d*\.\d{4,}$/.test(s) || /^[-+]?0\.\d+$/.test(s)) point++;
  }
  return comma > point ? 'comma' : 'point';
}

const PATTERNS: Record<DecimalStyle, { grouped: RegExp; plain: RegExp; dec: string; thou: string }> = {
  point: { grouped: /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/, plain: /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/, dec: '.', thou: ',' },
  comma: { grouped: /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/, plain: /^[-+]?(\d+(,\d*)?|,\d+)([eE][-+]?\d+)?$/, dec: ',', thou: '.' },
};
const INTEGER = /^-?\d{1,15}$/;

/** A number in the column's style, or null when the text is not a number (empty text is null too). */
export function parseNumber(raw: string, style: DecimalStyle = 'point'): number | null {
  // the common case first: a plain integer needs no cleaning
  if (INTEGER.test(raw)) return Number(raw);
  const s = clean(raw);
  if (s === '') return null;
  const { grouped, plain, dec, thou } = PATTERNS[style];
  let t: string;
  if (grouped.test(s)) t = s.split(thou).join('');
  else if (plain.test(s)) t = s;
  else return null;
  const x = Number(t.replace(dec, '.'));
  return Number.isFinite(x) ? x : null;
}
