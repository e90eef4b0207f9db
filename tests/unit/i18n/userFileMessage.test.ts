import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import { userFileMessage } from '../../../src/ui/userFileMessage';
import { readUserFile } from '../../../src/data/userFile';

describe('user-file messages in the UI language', () => {
  beforeAll(async () => {
    await initI18n('es');
  });
  const tIn = (lng: string) => i18next.getFixedT(lng);

  it('translates file errors and warnings from code and params, in Spanish and English', async () => {
    const r = await readUserFile(new Uint8Array(0), 'vacio.csv');
    if (r.ok) throw new Error('expected an error');
    expect(userFileMessage(tIn('es'), r.error)).toBe('El archivo «vacio.csv» está vacío.');
    expect(userFileMessage(tIn('en'), r.error)).toBe('The file «vacio.csv» is empty.');
    // Sizes go through i18next's number formatter, in the language's decimals.
    const big = { code: 'archivo_muy_grande', params: { archivo: 'g.csv', bytes: 3 * 1024 * 1024, limite: 2 * 1024 * 1024 } } as const;
    expect([userFileMessage(tIn('es'), big), userFileMessage(tIn('en'), big)]).toEqual([
      'El archivo «g.csv» pesa 3.0 MB; el máximo es 2.0 MB.', 'The file «g.csv» is 3.0 MB; the limit is 2.0 MB.',
    ]);
    const latin1 = await readUserFile(Uint8Array.from([0x41, 0xf1, 0x6f, 0x3b, 0x62, 0x0a, 0x31, 0x3b, 0x32]), 'a.csv');
    expect(latin1.warnings.map((w) => userFileMessage(tIn('en'), w))).toEqual([
      'The file is not UTF-8: it was read as Latin-1 (Windows-1252), the usual encoding of Excel on Windows. Check accents and ñ.',
    ]);
  });

  it('renders personal-data columns as a list in each language', async () => {
    const bytes = new TextEncoder().encode('fecha,ubigeo,estado,dni\n2024-03-01,030501,activo,45678912\n');
    const r = await readUserFile(bytes, 'personas.csv');
    if (r.ok) throw new Error('expected an error');
    expect(userFileMessage(tIn('es'), r.error)).toContain('datos personales: «dni» (documento de identidad).');
    expect(userFileMessage(tIn('en'), r.error)).toContain('personal data: «dni» (identity document).');
  });

  it('translates conflict-file errors and row issues', () => {
    const row = { line: 4, code: 'provincia_desconocida', params: { provincia: 'Inventada', departamento: 'Ucayali' } } as const;
    expect(userFileMessage(tIn('es'), row)).toBe('fila 4: la provincia "Inventada" no existe en el departamento Ucayali');
    expect(userFileMessage(tIn('en'), row)).toBe('row 4: the province "Inventada" does not exist in the department of Ucayali');
    expect(userFileMessage(tIn('es'), { code: 'faltan_columnas', params: { faltan: ['fecha'] } })).toMatch(/^Faltan columnas obligatorias: fecha\. /);
    expect(userFileMessage(tIn('en'), { code: 'sin_filas', params: {} })).toBe('The file has no data rows.');
  });
});
