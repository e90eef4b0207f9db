// Property tests (fast-check) of the user-file reader's normalisation: CSV splitting, numbers
// written the ways offices write them, and UBIGEO / IPRESS keys that lost their leading zeros.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimitedText, type Delimiter } from '../../../../src/data/userFile/delimited';
import { decimalStyle, parseNumber } from '../../../../src/data/userFile/numbers';
import { normaliseIpress, normaliseUbigeo, ubigeoLevelOf, UBIGEO_DIGITS, type UbigeoLevel } from '../../../../src/data/userFile/keys';
import { readUserFile } from '../../../../src/data/userFile/read';
import { ok } from './helpers';

const quote = (v: string, d: string) => (/["\r\n]/.test(v) || v.includes(d) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

/** Thousands groups and a decimal part, as text in a given style. */
function write(x: number, style: 'point' | 'comma', grouped: boolean): string {
  const [int, frac] = Math.abs(x).toFixed(2).split('.');
  const [dec, thou] = style === 'comma' ? [',', '.'] : ['.', ','];
  const g = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thou) : int;
  return `${x < 0 ? '-' : ''}${g}${dec}${frac}`;
}

describe('CSV normalisation', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', 'ñ', 'É', ' ', ',', ';', '\t', '"', '\n', '1', '.'), maxLength: 8 });
  it('any table written as RFC 4180 with any delimiter reads back cell for cell', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (d, width, rows, crlf) => {
          const header = Array.from({ length: width }, (_, i) => `columna_${i}`);
          // a row of blanks is skipped (and reported) by design: keep one letter in each row
          const data = rows.map((r) => [`x${r[0].trim()}`, ...r.slice(1, width)]);
          const text = [header, ...data].map((r) => r.map((v) => quote(v, d)).join(d)).join(crlf ? '\r\n' : '\n');
          const r = ok(parseDelimitedText(text));
          expect(r.table.columns).toEqual(header);
          expect(r.table.records.map((rec) => header.map((h) => rec[h]))).toEqual(data.map((row) => row.map((v) => v.replace(/\r\n?/g, '\n'))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same table in UTF-8, UTF-8 with BOM and Windows-1252 reads the same', async () => {
    const names = fc.constantFrom('Año', 'Región', 'Cañete', 'Huánuco', 'Ñuñoa', 'José');
    await fc.assert(
      fc.asyncProperty(fc.array(names, { minLength: 1, maxLength: 6 }), async (vals) => {
        const text = `lugar;valor\r\n${vals.map((v, i) => `${v};${i},5`).join('\r\n')}\r\n`;
        const utf8 = new TextEncoder().encode(text);
        const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
        const cp1252 = Uint8Array.from(text, (c) => c.charCodeAt(0));
        const tables = await Promise.all([utf8, bom, cp1252].map(async (b) => ok(await readUserFile(b, 'x.csv')).table.records));
        expect(tables[1]).toEqual(tables[0]);
        expect(tables[2]).toEqual(tables[0]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('number normalisation', () => {
  const amount = fc.integer({ min: -99_999_999, max: 99_999_999 }).map((c) => c / 100);
  it('reads back any amount written with a decimal comma or point, with or without thousands separators', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom<'point' | 'comma'>('point', 'comma'), fc.boolean(), (x, style, grouped) => {
        expect(parseNumber(write(x, style, grouped), style)).toBeCloseTo(x, 6);
      }),
    );
  });
  it('detects a column’s decimal separator from its values', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 20 }), fc.constantFrom<'point' | 'comma'>('point', 'comma'), (xs, style) => {
        // at least one value shows its decimals
        const texts = [...xs.map((x) => write(x, style, false)), write(0.5, style, false)];
        expect(decimalStyle(texts)).toBe(style);
      }),
    );
  });
  it('never reads text as a number, and reads currency and percent signs', () => {
    fc.assert(fc.property(fc.string().filter((s) => /[a-zA-Z]/.test(s.replace(/^s\/|pen|us\$/i, ''))), (s) => {
      expect(parseNumber(s)).toBeNull();
    }));
    expect(parseNumber('S/ 1.234,50', 'comma')).toBe(1234.5);
    expect(parseNumber('12,5 %', 'comma')).toBe(12.5);
    expect(parseNumber('1 234,5', 'comma')).toBe(1234.5);
  });
});

describe('key normalisation', () => {
  const level = fc.constantFrom<UbigeoLevel>('departamento', 'provincia', 'distrito');
  it('restores a UBIGEO’s leading zeros whether it came as text, a number or a float', () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 999_999 }), (lvl, n) => {
        const digits = UBIGEO_DIGITS[lvl];
        fc.pre(String(n).length <= digits);
        const code = String(n).padStart(digits, '0');
        for (const written of [code, String(n), `${n}.0`, ` ${n} `, `'${code}`]) expect(normaliseUbigeo(written, lvl)).toBe(code);
      }),
    );
  });
  it('refuses codes too long for the level, zero, and text', () => {
    fc.assert(fc.property(level, fc.integer({ min: 10 ** 6, max: 10 ** 9 }), (lvl, n) => {
      expect(normaliseUbigeo(String(n), lvl)).toBeNull();
    }));
    expect(normaliseUbigeo('0', 'distrito')).toBeNull();
    expect(normaliseUbigeo('01A101', 'distrito')).toBeNull();
  });
  it('guesses the level from the longest code', () => {
    expect(ubigeoLevelOf(['10101', '250101'])).toBe('distrito');
    expect(ubigeoLevelOf(['101', '2501'])).toBe('provincia');
    expect(ubigeoLevelOf(['1', '25'])).toBe('departamento');
  });
  it('reads an IPRESS code with or without zeros as the register’s integer', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
      expect(normaliseIpress(String(n).padStart(8, '0'))).toBe(n);
      expect(normaliseIpress(String(n))).toBe(n);
    }));
  });
});
