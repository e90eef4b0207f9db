import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, sqlString } from '../../../data/db';
import {
  detectDelimiter, findPersonalData, parseDelimitedText, personalHeaderKind, readUserFile, splitDelimited,
  type UserFileResult,
} from '../../../src/data/userFile';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes (every character below U+0100), as Excel on Windows writes a "CSV". */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};

function ok(r: UserFileResult) {
  if (!r.ok) throw new Error(`esperaba ok, fue ${r.error.code}: ${r.error.message}`);
  return r;
}
function err(r: UserFileResult) {
  if (r.ok) throw new Error('esperaba un error');
  return r.error;
}

describe('readUserFile: text files', () => {
  it('decodes Latin-1 (Windows-1252), says so, and detects ";"', async () => {
    const r = ok(await readUserFile(latin1('Año;Región\n2024;Cusco'), 'datos.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.table.columns).toEqual(['Año', 'Región']);
    expect(r.table.records).toEqual([{ Año: '2024', Región: 'Cusco' }]);
    expect(r.table.lines).toEqual([2]);
    expect(r.warnings.map((w) => w.code)).toEqual(['codificacion_windows_1252']);
    expect(r.warnings[0].message).toMatch(/Latin-1/);
  });

  it('reads UTF-8 with a BOM and CRLF as UTF-8, without warnings', async () => {
    const r = ok(await readUserFile(utf8('\uFEFFprovincia,valor\r\nCañete,1\r\n'), 'a.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.table.columns).toEqual(['provincia', 'valor']);
    expect(r.table.records).toEqual([{ provincia: 'Cañete', valor: '1' }]);
    expect(r.warnings).toEqual([]);
  });

  it('prefers ";" over "," when the decimals use commas (Peruvian Excel)', async () => {
    const text = 'ubigeo;pobreza;idh\n010101;12,5;0,61\n010102;30,25;0,4\n';
    expect(detectDelimiter(text)).toBe(';');
    const r = ok(await readUserFile(utf8(text), 'a.csv'));
    expect(r.table.records[1]).toEqual({ ubigeo: '010102', pobreza: '30,25', idh: '0,4' });
  });

  it('detects tab and "|" too', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2')).toBe('|');
    expect(detectDelimiter('a,b\n"x;y",2')).toBe(',');
    expect(detectDelimiter('solo\nuna\ncolumna')).toBeNull();
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE, tabs)', async () => {
    const r = ok(await readUserFile(utf16le('Año\tRegión\r\n2024\tSan Martín\r\n'), 'a.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.table.records).toEqual([{ Año: '2024', Región: 'San Martín' }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['codificacion_utf16']);
  });

  it('keeps quoted delimiters, newlines and doubled quotes (RFC 4180) and counts lines', async () => {
    const text = 'caso,nota\n"Las Bambas, Cotabambas","línea 1\nlínea 2 con ""comillas"""\nTía María,corta\n';
    const r = ok(await readUserFile(utf8(text), 'a.csv'));
    expect(r.table.records).toEqual([
      { caso: 'Las Bambas, Cotabambas', nota: 'línea 1\nlínea 2 con "comillas"' },
      { caso: 'Tía María', nota: 'corta' },
    ]);
    // The second record starts on line 4: the first one spans lines 2 and 3.
    expect(r.table.lines).toEqual([2, 4]);
  });

  it('splitDelimited handles CR, CRLF and a missing final newline', () => {
    expect(splitDelimited('a,b\r1,2\r\n3,', ',')).toEqual({ rows: [['a', 'b'], ['1', '2'], ['3', '']], lines: [1, 2, 3] });
  });

  it('says archivo_vacio for 0 bytes and for blank text', async () => {
    expect(err(await readUserFile(new Uint8Array(0), 'vacío.csv'))).toEqual({
      code: 'archivo_vacio', params: { archivo: 'vacío.csv' }, message: 'El archivo «vacío.csv» está vacío.',
    });
    expect(err(await readUserFile(utf8(' \n\n'), 'b.csv')).code).toBe('archivo_vacio');
  });

  it('refuses files over the limit', async () => {
    const e = err(await readUserFile(new Uint8Array(3 * 1024 * 1024), 'grande.csv', { maxBytes: 2 * 1024 * 1024 }));
    expect(e.code).toBe('archivo_muy_grande');
    expect(e.params).toEqual({ archivo: 'grande.csv', bytes: 3 * 1024 * 1024, limite: 2 * 1024 * 1024 });
    expect(e.message).toBe('El archivo «grande.csv» pesa 3,0 MB; el máximo es 2,0 MB.');
  });

  it('lists ragged rows with their line numbers', async () => {
    const e = err(await readUserFile(utf8('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'), 'a.csv'));
    expect(e).toEqual({
      code: 'filas_irregulares',
      params: { esperados: 3, total: 2, filas: [{ linea: 3, campos: 2 }, { linea: 4, campos: 4 }] },
      message: '2 filas no tienen 3 campos como el encabezado: fila 3 (2), fila 4 (4).',
    });
  });

  it('lists only the first five ragged rows, with the total', () => {
    const text = 'a;b\n' + Array.from({ length: 8 }, (_, i) => `solo${i}`).join('\n');
    const e = err(parseDelimitedText(text));
    expect(e.code).toBe('filas_irregulares');
    if (e.code !== 'filas_irregulares') return;
    expect(e.params.total).toBe(8);
    expect(e.params.filas.map((f) => f.linea)).toEqual([2, 3, 4, 5, 6]);
    expect(e.message).toMatch(/y 3 más\.$/);
  });

  it('tolerates Excel\'s empty trailing fields and empty rows', async () => {
    const r = ok(await readUserFile(utf8('a;b;;\n1;2;;\n;;;\n3;4;;\n'), 'a.csv'));
    expect(r.table.columns).toEqual(['a', 'b']);
    expect(r.table.records).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
    expect(r.table.lines).toEqual([2, 4]);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['columnas_sin_nombre_omitidas', 'filas_vacias_omitidas']);
  });

  it('requires a header and names its problems', async () => {
    expect(err(await readUserFile(utf8('2024;150101\n2023;150102\n'), 'a.csv')).code).toBe('sin_encabezado');
    expect(err(await readUserFile(utf8('a,b\n'), 'a.csv')).code).toBe('sin_datos');
    const dup = err(await readUserFile(utf8('Fecha,Provincia,fecha\n1,2,3\n'), 'a.csv'));
    expect(dup.code).toBe('encabezados_duplicados');
    expect(dup.params).toEqual({ columnas: ['Fecha', 'fecha'] });
    const blank = err(await readUserFile(utf8('a,,c\n1,2,3\n'), 'a.csv'));
    expect(blank).toEqual({ code: 'encabezado_vacio', params: { columnas: [2] }, message: 'El encabezado no tiene nombre en la columna 2, que sí tiene datos.' });
    // Year columns are fine as long as one header is a name.
    expect(ok(await readUserFile(utf8('ubigeo,2019,2020\n0101,1,2\n'), 'a.csv')).table.columns).toEqual(['ubigeo', '2019', '2020']);
  });

  it('reports an unclosed quote with the line it opened on', async () => {
    expect(err(await readUserFile(utf8('a,b\n1,2\n"3,4\n5,6\n'), 'a.csv'))).toMatchObject({
      code: 'comillas_sin_cerrar', params: { linea: 3 },
    });
  });

  it('warns about text damaged by an earlier conversion (U+FFFD)', async () => {
    const r = ok(await readUserFile(utf8('provincia,n\nCA\uFFFDETE,1\nok,2\nPARI\uFFFDAS,3\n'), 'a.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'texto_danado', params: { caracteres: 2, lineas: [2, 4] } })]);
  });

  it('refuses spreadsheets and binaries with a precise message', async () => {
    const xlsx = err(await readUserFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'libro.xlsx'));
    expect(xlsx).toMatchObject({ code: 'formato_no_soportado', params: { formato: 'xlsx' } });
    expect(xlsx.message).toMatch(/Guárdelo como CSV/);
    expect(err(await readUserFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'viejo.xls')).params).toMatchObject({ formato: 'xls' });
    expect(err(await readUserFile(Uint8Array.from([1, 0, 2, 3, 0, 7, 9, 9]), 'x.bin')).params).toMatchObject({ formato: 'binario' });
  });
});

describe('personal data', () => {
  it('flags personal headers and names them', async () => {
    const e = err(await readUserFile(utf8('DNI,Apellidos y Nombres,Teléfono,caso\n41234567,Pérez,999,X\n'), 'a.csv'));
    expect(e.code).toBe('datos_personales');
    expect(e.params).toEqual({
      columnas: [
        { columna: 'DNI', tipo: 'documento' },
        { columna: 'Apellidos y Nombres', tipo: 'nombre' },
        { columna: 'Teléfono', tipo: 'telefono' },
      ],
    });
    expect(e.message).toMatch(/^El archivo parece contener datos personales: «DNI» \(documento de identidad\)/);
  });

  it('recognises the usual spellings', () => {
    const kinds = Object.fromEntries([
      'Nro_Documento', 'tipo_doc', 'Nombres', 'nombre_del_paciente', 'apellido_paterno', 'celular', 'Correo electrónico',
      'email', 'Dirección', 'domicilio', 'Fecha de nacimiento', 'fecNac', 'Historia clínica', 'N° HC', 'pasaporte',
    ].map((h) => [h, personalHeaderKind(h)]));
    expect(kinds).toEqual({
      Nro_Documento: 'documento', tipo_doc: 'documento', Nombres: 'nombre', nombre_del_paciente: 'nombre',
      apellido_paterno: 'nombre', celular: 'telefono', 'Correo electrónico': 'correo', email: 'correo',
      Dirección: 'direccion', domicilio: 'direccion', 'Fecha de nacimiento': 'nacimiento', fecNac: 'nacimiento',
      'Historia clínica': 'historia_clinica', 'N° HC': 'historia_clinica', pasaporte: 'documento',
    });
  });

  it('does not flag names of places, cases or companies', () => {
    for (const h of [
      'nombre_establecimiento', 'Nombre del establecimiento', 'nombre', 'caso', 'empresa', 'nombre_caso', 'provincia',
      'telefono_establecimiento', 'direccion_establecimiento', 'Dirección Regional', 'documento_fuente', 'fecha',
      'codigo_renipress', 'ubigeo', 'competencia', 'nombre_empresa', 'historia_del_caso',
    ]) expect(personalHeaderKind(h), h).toBeNull();
  });

  it('flags 8-digit DNI-like values in id columns, not zero-padded codes', () => {
    const table = (col: string, values: string[]) => ({
      columns: [col], records: values.map((v) => ({ [col]: v })), lines: values.map((_, i) => i + 2),
    });
    expect(findPersonalData(table('id', ['41234567', '07654321']))).toEqual([{ columna: 'id', tipo: 'valores_dni', linea: 2 }]);
    expect(findPersonalData(table('codigo', ['00005848', '00012345']))).toEqual([]);
    expect(findPersonalData(table('codigo_renipress', ['12345678']))).toEqual([]);
    expect(findPersonalData(table('poblacion', ['12345678']))).toEqual([]);
    expect(findPersonalData(table('id', ['1', '2', '3', '41234567']))).toEqual([]);
  });

  it('flags e-mail addresses in any column', async () => {
    const e = err(await readUserFile(utf8('caso;observaciones\nA;ninguna\nB;escribir a juan.perez@gmail.com\n'), 'a.csv'));
    expect(e.params).toEqual({ columnas: [{ columna: 'observaciones', tipo: 'valores_correo', linea: 3 }] });
    expect(e.message).toMatch(/«observaciones» \(direcciones de correo, fila 3\)/);
  });
});

describe('readUserFile: Parquet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'territorio-userfile-'));
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    const db = await openDb();
    try {
      await db.run(`COPY (SELECT * FROM (VALUES
          ('150101', 'Lima', DATE '2024-03-15', 12.5::DOUBLE, 3::INTEGER, true),
          ('080101', 'Cusco', NULL, NULL, 7::INTEGER, false)) t(ubigeo, provincia, fecha, valor, casos, activo))
        TO ${sqlString(file('ok.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
      await db.run(`COPY (SELECT '41234567' AS dni, 'Lima' AS provincia)
        TO ${sqlString(file('dni.parquet'))} (FORMAT parquet)`);
    } finally {
      db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a zstd Parquet into the same text records', async () => {
    const r = ok(await readUserFile(readFileSync(file('ok.parquet')), 'ok.parquet'));
    expect(r.format).toBe('parquet');
    expect(r.delimiter).toBeNull();
    expect(r.table.columns).toEqual(['ubigeo', 'provincia', 'fecha', 'valor', 'casos', 'activo']);
    expect(r.table.records).toEqual([
      { ubigeo: '150101', provincia: 'Lima', fecha: '2024-03-15', valor: '12.5', casos: '3', activo: 'true' },
      { ubigeo: '080101', provincia: 'Cusco', fecha: '', valor: '', casos: '7', activo: 'false' },
    ]);
    expect(r.table.lines).toEqual([2, 3]);
  });

  it('applies the personal-data check to Parquet too', async () => {
    expect(err(await readUserFile(readFileSync(file('dni.parquet')), 'dni.parquet')).code).toBe('datos_personales');
  });

  it('says parquet_ilegible for a damaged file', async () => {
    const bytes = new Uint8Array(readFileSync(file('ok.parquet')));
    const e = err(await readUserFile(bytes.subarray(0, 40), 'roto.parquet'));
    expect(e.code).toBe('parquet_ilegible');
    expect(e.message).toMatch(/^No se pudo leer el archivo Parquet: /);
  });
});
