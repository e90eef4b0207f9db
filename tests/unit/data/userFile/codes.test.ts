import { describe, expect, it } from 'vitest';
import { fail, USER_FILE_ERROR_CODES, USER_FILE_WARNING_CODES } from '../../../../src/data/userFile/codes';
import { resources } from '../../../../src/i18n/resources';

describe('user-file codes', () => {
  it('are errors and warnings with params, and no text', () => {
    expect(fail({ code: 'sin_datos', params: {} })).toEqual({ ok: false, error: { code: 'sin_datos', params: {} }, warnings: [] });
  });

  it('have a text in every language for every code (plural forms count)', () => {
    for (const lng of ['es', 'en'] as const) {
      const { errors, warnings } = resources[lng].translation.userFile as unknown as Record<'errors' | 'warnings', Record<string, string>>;
      const has = (group: Record<string, string>, code: string) => code in group || `${code}_other` in group;
      for (const code of USER_FILE_ERROR_CODES) expect(has(errors, code), `${lng} ${code}`).toBe(true);
      for (const code of USER_FILE_WARNING_CODES) expect(has(warnings, code), `${lng} ${code}`).toBe(true);
    }
  });
});
