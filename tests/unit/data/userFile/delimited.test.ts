import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimitedText, splitDelimited } from '../../../../src/data/userFile/delimited';
import { err, ok } from './helpers';

describe('splitDelimited', () => {
  it('handles CR, CRLF and a missing final newline', () => {
    expect(splitDelimited('a,b\r1,2\r\n3,', ',')).toEqual({ rows: [['a', 'b'], ['1', '2'], ['3', '']], lines: [1, 2, 3] });
  });

  it('keeps quoted delimiters, newlines and doubled quotes (RFC 4180), and text after a closing quote', () => {
    expect(splitDelimited('"a,b","x\r\ny ""z"""\n"q"r,s', ',')).toEqual({ rows: [['a,b', 'x\ny "z"'], ['qr', 's']], lines: [1, 3] });
  });

  it('reports the line where an unclosed quote opened', () => {
    expect(splitDelimited('a,b\n1,2\n"3,4\n5,6\n', ',')).toMatchObject({ unclosedQuoteLine: 3, rows: [['a', 'b'], ['1', '2']] });
  });
});

describe('detectDelimiter', () => {
  it('prefers ";" over "," when the decimals use commas (Peruvian Excel)', () => {
    expect(detectDelimiter('ubigeo;pobreza;idh\n010101;12,5;0,61\n010102;30,25;0,4\n')).toBe(';');
  });

  it('detects tab and "|" too, and null for one column', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2')).toBe('|');
    expect(detectDelimiter('a,b\n"x;y",2')).toBe(',');
    expect(detectDelimiter('solo\nuna\ncolumna')).toBeNull();
  });
});

describe('parseDelimitedText', () => {
  it('reads records with their spreadsheet row numbers', () => {
    const r = ok(parseDelimitedText('caso,nota\n"Las Bambas, Cotabambas","línea 1\nlínea 2"\nTía María,corta\n'));
    expect(r).toMatchObject({ format: 'csv', delimiter: ',', encoding: null, warnings: [] });
    expect(r.table.records).toEqual([{ caso: 'Las Bambas, Cotabambas', nota: 'línea 1\nlínea 2' }, { caso: 'Tía María', nota: 'corta' }]);
    // The second record starts on line 4: the first one spans lines 2 and 3.
    expect(r.table.lines).toEqual([2, 4]);
  });

  it('lists ragged rows with their line numbers', () => {
    expect(err(parseDelimitedText('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'))).toEqual({
      code: 'filas_irregulares', params: { esperados: 3, total: 2, filas: [{ linea: 3, campos: 2 }, { linea: 4, campos: 4 }] },
    });
  });

  it('lists only the first five ragged rows, with the total', () => {
    const e = err(parseDelimitedText('a;b\n' + Array.from({ length: 8 }, (_, i) => `solo${i}`).join('\n')));
    expect(e.code).toBe('filas_irregulares');
    if (e.code !== 'filas_irregulares') return;
    expect(e.params.total).toBe(8);
    expect(e.params.filas.map((f) => f.linea)).toEqual([2, 3, 4, 5, 6]);
  });

  it('tolerates Excel\'s empty trailing fields and empty rows, with warnings', () => {
    const r = ok(parseDelimitedText('a;b;;\n1;2;;\n;;;\n3;4;;\n'));
    expect(r.table.columns).toEqual(['a', 'b']);
    expect(r.table.records).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
    expect(r.table.lines).toEqual([2, 4]);
    expect(r.warnings).toEqual([
      { code: 'filas_vacias_omitidas', params: { filas: 1 } },
      { code: 'columnas_sin_nombre_omitidas', params: { columnas: [3, 4] } },
    ]);
  });

  it('says archivo_vacio for blank text and comillas_sin_cerrar for an unclosed quote', () => {
    expect(err(parseDelimitedText(' \n\n', 'b.csv'))).toEqual({ code: 'archivo_vacio', params: { archivo: 'b.csv' } });
    expect(err(parseDelimitedText('a,b\n"1,2\n'))).toEqual({ code: 'comillas_sin_cerrar', params: { linea: 2 } });
  });
});
