import { describe, expect, it } from 'vitest';
import { userFileTranslator } from '../../../src/i18n/translator';

describe('userFileTranslator', () => {
  it('translates the user-file messages in Spanish (the default) and English, outside React', () => {
    expect(userFileTranslator()('userFile.errors.sin_filas')).toBe('El archivo no tiene filas de datos.');
    expect(userFileTranslator('en')('userFile.errors.sin_filas')).toBe('The file has no data rows.');
  });

  it('is one instance per language, apart from the app\'s i18next', () => {
    expect(userFileTranslator('es')).toBe(userFileTranslator('es'));
    // The app's other texts are not loaded here: the pipeline fingerprint stays narrow.
    expect(userFileTranslator('es')('app.title')).toBe('app.title');
  });

  it('picks Spanish plural forms, `_many` included', () => {
    const t = userFileTranslator('es');
    expect(t('userFile.warnings.filas_vacias_omitidas', { count: 1, filas: 1 })).toBe('Se omitió 1 fila vacía.');
    expect(t('userFile.warnings.filas_vacias_omitidas', { count: 2_000_000, filas: 2_000_000 })).toBe('Se omitieron 2000000 filas vacías.');
  });
});
