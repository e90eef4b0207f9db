// Errors and warnings of a user's file as text: the Spanish is exactly what the checks used to
// write themselves; English comes from the same codes and params.
import { describe, expect, it } from 'vitest';
import type { UserFileError, UserFileResult, UserFileWarning } from '../../../src/data/userFile';
import { readUserFile } from '../../../src/data/userFile/read';
import { parseDelimitedText } from '../../../src/data/userFile/delimited';
import { userFileTranslator } from '../../../src/i18n/translator';
import { listText, userFileErrorText, userFileWarningText } from '../../../src/i18n/userFileText';

const es = userFileTranslator('es');
const en = userFileTranslator('en');
const utf8 = (s: string) => new TextEncoder().encode(s);
function err(r: UserFileResult): UserFileError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}
const both = (e: UserFileError) => [userFileErrorText(es, e), userFileErrorText(en, e)];
const warnBoth = (w: UserFileWarning) => [userFileWarningText(es, w), userFileWarningText(en, w)];

describe('userFileErrorText', () => {
  it('writes empty and oversized files, with sizes in each language', async () => {
    expect(both(err(await readUserFile(new Uint8Array(0), 'vacío.csv')))).toEqual(['El archivo «vacío.csv» está vacío.', 'The file «vacío.csv» is empty.']);
    const big = err(await readUserFile(new Uint8Array(3 * 1024 * 1024), 'grande.csv', { maxBytes: 2 * 1024 * 1024 }));
    expect(both(big)).toEqual(['El archivo «grande.csv» pesa 3.0 MB; el máximo es 2.0 MB.', 'The file «grande.csv» is 3.0 MB; the limit is 2.0 MB.']);
    expect(userFileErrorText(es, { code: 'archivo_muy_grande', params: { archivo: 'x', bytes: 52_690_124, limite: 50 * 1024 * 1024 } }))
      .toBe('El archivo «x» pesa 50.2 MB; el máximo es 50.0 MB.');
  });

  it('lists ragged rows, one or several, and how many more there are', async () => {
    expect(both(err(await readUserFile(utf8('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'), 'a.csv')))).toEqual([
      '2 filas no tienen 3 campos como el encabezado: fila 3 (2), fila 4 (4).',
      '2 rows do not have the 3 fields of the header: row 3 (2), row 4 (4).',
    ]);
    expect(userFileErrorText(es, err(parseDelimitedText('a,b\n1,2\n3\n')))).toBe('1 fila no tiene 2 campos como el encabezado: fila 3 (1).');
    const many = err(parseDelimitedText('a;b\n' + Array.from({ length: 8 }, (_, i) => `solo${i}`).join('\n')));
    expect(both(many)).toEqual([
      '8 filas no tienen 2 campos como el encabezado: fila 2 (1), fila 3 (1), fila 4 (1), fila 5 (1), fila 6 (1) y 3 más.',
      '8 rows do not have the 2 fields of the header: row 2 (1), row 3 (1), row 4 (1), row 5 (1), row 6 (1) and 3 more.',
    ]);
  });

  it('names the header problems', async () => {
    expect(userFileErrorText(es, err(await readUserFile(utf8('a,,c\n1,2,3\n'), 'a.csv')))).toBe('El encabezado no tiene nombre en la columna 2, que sí tiene datos.');
    expect(both({ code: 'encabezado_vacio', params: { columnas: [2, 4] } })).toEqual([
      'El encabezado no tiene nombre en las columnas 2, 4, que sí tienen datos.',
      'The header has no name for columns 2, 4, which hold data.',
    ]);
    expect(userFileErrorText(es, err(await readUserFile(utf8('Fecha,Provincia,fecha\n1,2,3\n'), 'a.csv'))))
      .toBe('Hay columnas con el mismo nombre (sin contar mayúsculas ni tildes): «Fecha», «fecha».');
    expect(userFileErrorText(es, err(await readUserFile(utf8('2024;150101;1;2;3\n2023;150102;1;2;3\n'), 'a.csv'))))
      .toBe('La primera fila («2024», «150101», «1», «2»…) parece de datos: el archivo necesita una fila de encabezado con los nombres de las columnas.');
    expect(userFileErrorText(es, err(await readUserFile(utf8('a,b\n'), 'a.csv')))).toBe('El archivo tiene encabezado pero ninguna fila de datos.');
    expect(userFileErrorText(es, err(await readUserFile(utf8('a,b\n1,2\n"3,4\n5,6\n'), 'a.csv')))).toBe('Hay comillas sin cerrar desde la fila 3.');
  });

  it('names the format of a refused file, and a damaged workbook (XLSX is read since issue 13)', async () => {
    const xls = err(await readUserFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'libro.xls'));
    expect(both(xls)).toEqual([
      'El archivo «libro.xls» es un libro de Excel antiguo (.xls). Guárdelo como CSV (delimitado por comas o punto y coma), Excel (.xlsx), Parquet o GeoJSON.',
      'The file «libro.xls» is an old Excel workbook (.xls). Save it as CSV (comma or semicolon delimited), Excel (.xlsx), Parquet or GeoJSON.',
    ]);
    const xlsx = err(await readUserFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'libro.xlsx'));
    expect(both(xlsx)[0]).toMatch(/^No se pudo leer el libro de Excel «libro.xlsx»: está dañado o incompleto/);
  });

  it('names each personal-data column with its kind, and the row when a value gave it away', async () => {
    const headers = err(await readUserFile(utf8('DNI,Apellidos y Nombres,caso\n41234567,Pérez,X\n'), 'a.csv'));
    expect(both(headers)).toEqual([
      'El archivo parece contener datos personales: «DNI» (documento de identidad), «Apellidos y Nombres» (nombre o apellido de una persona). ' +
        'Quite esas columnas o valores y vuelva a cargarlo; la aplicación no acepta datos de personas.',
      'The file seems to hold personal data: «DNI» (identity document), «Apellidos y Nombres» (a person’s name or surname). ' +
        'Remove those columns or values and load it again; the app does not accept data about people.',
    ]);
    const values = err(await readUserFile(utf8('caso;observaciones\nA;ninguna\nB;escribir a juan.perez@gmail.com\n'), 'a.csv'));
    expect(userFileErrorText(es, values)).toMatch(/: «observaciones» \(direcciones de correo, fila 3\)\. /);
    expect(userFileErrorText(en, values)).toMatch(/: «observaciones» \(e-mail addresses, row 3\)\. /);
  });

  it('passes the Parquet reader\'s own detail on', () => {
    expect(userFileErrorText(es, { code: 'parquet_ilegible', params: { detalle: 'invalid footer' } })).toBe('No se pudo leer el archivo Parquet: invalid footer.');
  });
});

describe('userFileWarningText', () => {
  it('explains encodings', () => {
    expect(userFileWarningText(es, { code: 'codificacion_windows_1252', params: {} })).toBe(
      'El archivo no está en UTF-8: se leyó como Latin-1 (Windows-1252), la codificación habitual de Excel en Windows. Revise las tildes y eñes.',
    );
    expect(warnBoth({ code: 'codificacion_utf16', params: { codificacion: 'utf-16le' } })).toEqual([
      'El archivo está en UTF-16LE («Texto Unicode» de Excel): se leyó correctamente.',
      'The file is in UTF-16LE (Excel’s «Unicode text»): it was read correctly.',
    ]);
  });

  it('says where damaged text is, on one line or several', () => {
    expect(userFileWarningText(es, { code: 'texto_danado', params: { caracteres: 2, lineas: [2, 4] } })).toBe(
      'El texto tiene 2 caracteres dañados (\uFFFD), por ejemplo en las líneas 2, 4: el archivo perdió sus tildes y eñes en una conversión anterior.',
    );
    expect(warnBoth({ code: 'texto_danado', params: { caracteres: 3, lineas: [7] } })).toEqual([
      'El texto tiene 3 caracteres dañados (\uFFFD), por ejemplo en la línea 7: el archivo perdió sus tildes y eñes en una conversión anterior.',
      'The text has 3 damaged characters (\uFFFD), e.g. on line 7: the file lost its accents and ñ in an earlier conversion.',
    ]);
  });

  it('counts skipped rows and columns', () => {
    expect(warnBoth({ code: 'filas_vacias_omitidas', params: { filas: 2 } })).toEqual(['Se omitieron 2 filas vacías.', '2 empty rows were skipped.']);
    expect(warnBoth({ code: 'filas_vacias_omitidas', params: { filas: 1 } })).toEqual(['Se omitió 1 fila vacía.', '1 empty row was skipped.']);
    expect(userFileWarningText(es, { code: 'filas_vacias_omitidas', params: { filas: 1_000_000 } })).toBe('Se omitieron 1000000 filas vacías.');
    expect(userFileWarningText(es, { code: 'columnas_sin_nombre_omitidas', params: { columnas: [3, 4] } })).toBe('Se omitieron columnas vacías y sin nombre (3, 4).');
  });
});

describe('listText', () => {
  it('quotes names and leaves numbers as they are', () => {
    expect(listText(es, ['a', 2, 'b'])).toBe('«a», 2, «b»');
    expect(listText(en, [])).toBe('');
  });
});
