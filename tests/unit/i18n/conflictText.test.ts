// Conflict issues as text: the Spanish is exactly what the domain used to write itself; English
// comes from the same codes and params.
import { describe, expect, it } from 'vitest';
import { conflictEventsFromTable } from '../../../src/domain/conflicts/import';
import type { ConflictImportResult, ConflictRowIssue } from '../../../src/domain/conflictEvents';
import { conflictFileErrorText, conflictRowText } from '../../../src/i18n/conflictText';
import { userFileTranslator } from '../../../src/i18n/translator';
import { BAD_ROWS, gaz, table } from '../domain/conflicts/fixtures';

const es = userFileTranslator('es');
const en = userFileTranslator('en');

function ok(r: ConflictImportResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r;
}
const texts = (issues: ConflictRowIssue[], t = es) => issues.map((i) => conflictRowText(t, i));

describe('conflictRowText', () => {
  it('writes every rejection in Spanish, with hints and row numbers', () => {
    const r = ok(conflictEventsFromTable(table(`${BAD_ROWS}2024-03;;;Inventada;;\n`), gaz));
    expect(texts(r.rejected)).toEqual([
      'fila 3: fecha "31/02/2024" no válida',
      'fila 4: fecha "marzo" no válida (use aaaa-mm-dd, dd/mm/aaaa, aaaa-mm o aaaa-Wss)',
      'fila 5: falta la fecha',
      'fila 6: falta la ubicación (ni UBIGEO ni nombres)',
      'fila 7: el UBIGEO "999999" no existe',
      'fila 8: el departamento "Cuzco" no existe (¿quiso decir "Cusco"?)',
      'fila 9: la provincia "Espinal" no existe en el departamento Cusco (¿quiso decir "Espinar"?)',
      'fila 10: falta la provincia (solo se indicó el departamento Cusco)',
      'fila 11: hay varios distritos "Santa Rosa" (Espinar, Cusco; Huamalíes, Huánuco); indique la provincia',
      'fila 12: estado "en pausa" no reconocido (use activo, latente, resuelto o retirado)',
      'fila 13: la provincia "Inventada" no existe',
    ]);
    expect(texts(r.rejected, en).slice(0, 2)).toEqual([
      'row 3: date "31/02/2024" is not valid',
      'row 4: date "marzo" is not valid (use yyyy-mm-dd, dd/mm/yyyy, yyyy-mm or yyyy-Www)',
    ]);
    expect(texts(r.rejected, en)[6]).toBe('row 9: the province "Espinal" does not exist in the department of Cusco (did you mean "Espinar"?)');
  });

  it('writes every warning in Spanish', () => {
    const fallback = ok(conflictEventsFromTable(table(`
fecha;departamento;provincia;distrito
2024-03;Cajamarca;Cajamarca;Sn Marcos
2024-03;Apurímac;Cotabambas;No detalla
2024-03;Apurímac;Cotabambas;Cotabamba
`), gaz));
    expect(texts(fallback.warnings)).toEqual([
      'fila 2: el distrito "Sn Marcos" no existe en la provincia Cajamarca; se ubicó en la provincia',
      'fila 3: el distrito no se detalla ("No detalla"); se ubicó en la provincia Cotabambas',
      'fila 4: el distrito "Cotabamba" no existe en la provincia Cotabambas (¿quiso decir "Cotabambas"?); se ubicó en la provincia',
    ]);
    const codes = ok(conflictEventsFromTable(table(`
fecha;ubigeo;provincia;distrito;lat;lon;violencia
2024-03;080701;Cajamarca;;;;
2024-03;080799;;;;;
2024-03;990101;Espinar;;;;
2024-03;080701;;;-71.41;-14.79;
2024-03;080701;;;40.4;-3.7;
2024-03;080701;;;abc;-71;
2024-03;080701;;;;;tal vez
`), gaz));
    expect(texts(codes.warnings)).toEqual([
      'fila 2: el UBIGEO 080701 corresponde a Espinar (Espinar, Cusco), no a "Cajamarca"; se usó el UBIGEO',
      'fila 3: el UBIGEO "080799" no es un distrito conocido; se ubicó en su provincia Espinar',
      'fila 4: el UBIGEO "990101" no existe; se ubicó por los nombres',
      'fila 5: latitud y longitud estaban intercambiadas (-71.41, -14.79); se corrigieron',
      'fila 6: las coordenadas (40.4, -3.7) están fuera del Perú; se usó el centroide de Espinar (Espinar, Cusco)',
      'fila 7: coordenadas no numéricas o incompletas ("abc", "-71"); se usó el centroide de Espinar (Espinar, Cusco)',
      'fila 8: la columna violencia tiene "tal vez", que no es sí ni no; se dejó vacía',
    ]);
    expect(texts(codes.warnings, en)[6]).toBe('row 8: the column violencia holds "tal vez", which is neither yes nor no; left empty');
  });
});

describe('conflictFileErrorText', () => {
  it('names the missing columns and the accepted names', () => {
    const r = conflictEventsFromTable(table('caso;empresa\nA;B'), gaz);
    if (r.ok) throw new Error('expected an error');
    expect(conflictFileErrorText(es, r.error)).toBe(
      'Faltan columnas obligatorias: fecha; ubicación (ubigeo, o provincia/distrito). Nombres aceptados para la fecha: fecha, date, periodo, mes, semana; ' +
        'para la ubicación: ubigeo, departamento, provincia, distrito (o en inglés).',
    );
    expect(conflictFileErrorText(en, r.error)).toMatch(/^Required columns are missing: date; place \(ubigeo, or province\/district\)\. /);
    expect(conflictFileErrorText(es, { code: 'sin_filas', params: {} })).toBe('El archivo no tiene filas de datos.');
    expect(conflictFileErrorText(en, { code: 'sin_filas', params: {} })).toBe('The file has no data rows.');
  });
});
