import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField } from '../../../src/export/csv';

// Text from a user's file (labels, names) can reach an exported CSV: no cell may start a formula.
describe('csvField and formulas', () => {
  it('puts an apostrophe before text a spreadsheet would run (=, +, -, @, tab, CR)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+51 999')).toBe("'+51 999");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField(-12.5)).toBe('-12.5'); // numbers stay numbers
  });
  it('never returns a cell that starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = csvField(s).replace(/^"/, '');
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
      }),
    );
  });
});
