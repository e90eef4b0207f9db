import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, sqlString } from '../../../../data/db';
import { readUserFile } from '../../../../src/data/userFile/read';
import { err, latin1, ok, utf16le, utf8 } from './helpers';

describe('readUserFile: text files', () => {
  it('a header over two rows (merged cells) in XLSX and in CSV: names joined, data from the row after, lines kept', async () => {
    const columns = [
      'Cód. RENIPRESS',
      'Establecimiento',
      'Estado de conservación – Infraestructura',
      'Estado de conservación – Equipamiento',
      'Estado de conservación – Mobiliario',
      'Año última intervención',
    ];
    const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/userData', name)));
    const x = ok(await readUserFile(fixture('prueba_encabezado_dos_filas.xlsx'), 'i.xlsx'));
    expect(x.table.columns).toEqual(columns);
    expect(x.table.records.map((r) => r['Estado de conservación – Equipamiento'])).toEqual(['Regular', 'Malo', 'Bueno']);
    expect(x.table.lines).toEqual([5, 6, 7]);
    expect(x.warnings).toContainEqual({ code: 'encabezado_dos_filas', params: { lineas: [3, 4], ejemplo: 'Estado de conservación – Infraestructura' } });
    const c = ok(await readUserFile(fixture('prueba_encabezado_dos_filas.csv'), 'i.csv'));
    expect(c.table.columns).toEqual(columns);
    expect(c.table.records).toEqual(x.table.records);
    expect(c.table.lines).toEqual([5, 6, 7]);
    expect(c.warnings).toContainEqual({ code: 'encabezado_dos_filas', params: { lineas: [3, 4], ejemplo: 'Estado de conservación – Infraestructura' } });
  });

  it('decodes Latin-1 (Windows-1252), says so, and detects ";"', async () => {
    const r = ok(await readUserFile(latin1('Año;Región\n2024;Cusco'), 'datos.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.table.columns).toEqual(['Año', 'Región']);
    expect(r.table.records).toEqual([{ Año: '2024', Región: 'Cusco' }]);
    expect(r.table.lines).toEqual([2]);
    expect(r.warnings).toEqual([{ code: 'codificacion_windows_1252', params: {} }]);
  });

  it('reads UTF-8 with a BOM and CRLF as UTF-8, without warnings', async () => {
    const r = ok(await readUserFile(utf8('\uFEFFprovincia,valor\r\nCañete,1\r\n'), 'a.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.table.columns).toEqual(['provincia', 'valor']);
    expect(r.table.records).toEqual([{ provincia: 'Cañete', valor: '1' }]);
    expect(r.warnings).toEqual([]);
  });

  it('prefers ";" over "," when the decimals use commas (Peruvian Excel)', async () => {
    const r = ok(await readUserFile(utf8('ubigeo;pobreza;idh\n010101;12,5;0,61\n010102;30,25;0,4\n'), 'a.csv'));
    expect(r.table.records[1]).toEqual({ ubigeo: '010102', pobreza: '30,25', idh: '0,4' });
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE, tabs)', async () => {
    const r = ok(await readUserFile(utf16le('Año\tRegión\r\n2024\tSan Martín\r\n'), 'a.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.table.records).toEqual([{ Año: '2024', Región: 'San Martín' }]);
    expect(r.warnings).toEqual([{ code: 'codificacion_utf16', params: { codificacion: 'utf-16le' } }]);
  });

  it('says archivo_vacio for 0 bytes and for blank text', async () => {
    expect(err(await readUserFile(new Uint8Array(0), 'vacío.csv'))).toEqual({ code: 'archivo_vacio', params: { archivo: 'vacío.csv' } });
    expect(err(await readUserFile(utf8(' \n\n'), 'b.csv'))).toEqual({ code: 'archivo_vacio', params: { archivo: 'b.csv' } });
  });

  it('refuses files over the limit', async () => {
    expect(err(await readUserFile(new Uint8Array(3 * 1024 * 1024), 'grande.csv', { maxBytes: 2 * 1024 * 1024 }))).toEqual({
      code: 'archivo_muy_grande', params: { archivo: 'grande.csv', bytes: 3 * 1024 * 1024, limite: 2 * 1024 * 1024 },
    });
  });

  it('passes on the header and row errors of the CSV half, with the warnings so far', async () => {
    const r = await readUserFile(latin1('Año,,c\n1,2,3\n'), 'a.csv');
    expect(r).toEqual({ ok: false, error: { code: 'encabezado_vacio', params: { columnas: [2] } }, warnings: [{ code: 'codificacion_windows_1252', params: {} }] });
    expect(err(await readUserFile(utf8('a,b\n1,2\n"3,4\n5,6\n'), 'a.csv'))).toEqual({ code: 'comillas_sin_cerrar', params: { linea: 3 } });
  });

  it('warns about text damaged by an earlier conversion (U+FFFD)', async () => {
    const r = ok(await readUserFile(utf8('provincia,n\nCA\uFFFDETE,1\nok,2\nPARI\uFFFDAS,3\n'), 'a.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([{ code: 'texto_danado', params: { caracteres: 2, lineas: [2, 4] } }]);
  });

  it('refuses spreadsheets and binaries, naming what they are', async () => {
    // an XLSX is read since issue 13: a zip that is not a workbook is a damaged one
    expect(err(await readUserFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'libro.xlsx')).code).toBe('xlsx_ilegible');
    expect(err(await readUserFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'datos.zip')).params).toMatchObject({ formato: 'zip' });
    expect(err(await readUserFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'viejo.xls')).params).toMatchObject({ formato: 'xls' });
    expect(err(await readUserFile(Uint8Array.from([1, 0, 2, 3, 0, 7, 9, 9]), 'x.bin')).params).toMatchObject({ formato: 'binario' });
  });

  it('refuses personal data, keeping the warnings', async () => {
    const r = await readUserFile(latin1('DNI;Región\n41234567;Cusco\n'), 'a.csv');
    expect(r).toEqual({
      ok: false, error: { code: 'datos_personales', params: { columnas: [{ columna: 'DNI', tipo: 'documento' }] } },
      warnings: [{ code: 'codificacion_windows_1252', params: {} }],
    });
  });
});

describe('readUserFile: Parquet', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'territorio-userfile-'));
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    const db = await openDb();
    try {
      await db.run(`COPY (SELECT * FROM (VALUES ('150101', 'Lima', DATE '2024-03-15'), ('080101', 'Cusco', NULL)) t(ubigeo, provincia, fecha))
        TO ${sqlString(file('ok.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
      await db.run(`COPY (SELECT '41234567' AS dni, 'Lima' AS provincia) TO ${sqlString(file('dni.parquet'))} (FORMAT parquet)`);
    } finally {
      db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a Parquet into the same text records, rows numbered as a spreadsheet would', async () => {
    const r = ok(await readUserFile(readFileSync(file('ok.parquet')), 'ok.parquet'));
    expect(r).toMatchObject({ format: 'parquet', delimiter: null, encoding: null, warnings: [] });
    expect(r.table.records).toEqual([{ ubigeo: '150101', provincia: 'Lima', fecha: '2024-03-15' }, { ubigeo: '080101', provincia: 'Cusco', fecha: '' }]);
    expect(r.table.lines).toEqual([2, 3]);
  });

  it('applies the personal-data check to Parquet too', async () => {
    expect(err(await readUserFile(readFileSync(file('dni.parquet')), 'dni.parquet')).code).toBe('datos_personales');
  });

  it('says parquet_ilegible for a damaged file', async () => {
    const e = err(await readUserFile(new Uint8Array(readFileSync(file('ok.parquet'))).subarray(0, 40), 'roto.parquet'));
    expect(e.code).toBe('parquet_ilegible');
  });
});
