// src/data/userFile.ts is the public face of src/data/userFile/*: other modules import from it.
// Each part has its own tests in tests/unit/data/userFile/.
import { describe, expect, it } from 'vitest';
import * as api from '../../../src/data/userFile';
import { readUserFile } from '../../../src/data/userFile/read';

describe('userFile (re-exports)', () => {
  it('keeps the public API in one place', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_MAX_BYTES', 'DELIMITERS', 'MAX_LISTED', 'USER_FILE_ERROR_CODES', 'USER_FILE_WARNING_CODES', 'decodeText',
      'detectDelimiter', 'findPersonalData', 'parseDelimitedText', 'personalHeaderKind', 'readUserFile', 'sniffFormat', 'splitDelimited',
    ]);
    expect(api.readUserFile).toBe(readUserFile);
  });

  it('returns codes with params, never a sentence', async () => {
    const r = await api.readUserFile(new Uint8Array(0), 'vacío.csv');
    expect(r).toEqual({ ok: false, error: { code: 'archivo_vacio', params: { archivo: 'vacío.csv' } }, warnings: [] });
  });
});
