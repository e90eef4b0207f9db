import { describe, expect, it } from 'vitest';
import {
  CONFLICT_FILE_ERROR_CODES, CONFLICT_REJECT_CODES, CONFLICT_WARNING_CODES, issue,
} from '../../../../src/domain/conflicts/issues';
import { resources } from '../../../../src/i18n/resources';

describe('conflict issues', () => {
  it('are a code with params and a row number, and no text', () => {
    expect(issue(7, 'fecha_invalida', { valor: 'x', formato: 'desconocido' })).toEqual({ line: 7, code: 'fecha_invalida', params: { valor: 'x', formato: 'desconocido' } });
    expect(issue(3, 'sin_ubicacion')).toEqual({ line: 3, code: 'sin_ubicacion', params: {} });
  });

  it('have a text in every language for every code', () => {
    const codes = [...CONFLICT_REJECT_CODES, ...CONFLICT_WARNING_CODES];
    expect(new Set(codes).size).toBe(codes.length);
    for (const lng of ['es', 'en'] as const) {
      const { rows, errors } = resources[lng].translation.userFile;
      for (const code of codes) expect(typeof (rows as Record<string, string>)[code], `${lng} ${code}`).toBe('string');
      for (const code of CONFLICT_FILE_ERROR_CODES) expect(typeof (errors as Record<string, string>)[code], `${lng} ${code}`).toBe('string');
    }
  });
});
