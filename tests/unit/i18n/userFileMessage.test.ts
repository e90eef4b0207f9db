import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../../src/i18n';
import { userFileMessage } from '../../../src/ui/userFileMessage';
import { readUserFile } from '../../../src/data/userFile';

describe('user-file messages in the UI language', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  it('keeps the Spanish text of the checks in Spanish', async () => {
    const r = await readUserFile(new Uint8Array(0), 'vacio.csv');
    if (r.ok) throw new Error('expected an error');
    expect(userFileMessage(i18next.t, 'es', r.error)).toBe(r.error.message);
    expect(r.error.message).toContain('está vacío');
  });
  it('rebuilds file errors and row issues in English from code and params', async () => {
    const bytes = new TextEncoder().encode('fecha,ubigeo,estado,dni\n2024-03-01,030501,activo,45678912\n');
    const r = await readUserFile(bytes, 'personas.csv');
    if (r.ok) throw new Error('expected an error');
    const text = userFileMessage(i18next.t, 'en', r.error);
    expect(text).toContain('personal data');
    expect(text).toContain('«dni»');
    const row = userFileMessage(i18next.t, 'en', { line: 4, code: 'provincia_desconocida', params: { provincia: 'Inventada', departamento: 'Ucayali' }, message: 'fila 4: …' });
    expect(row).toBe('row 4: the province "Inventada" does not exist (department: Ucayali)');
  });
});
