// Byte encodings and result unwrappers shared by the user-file tests.
import type { UserFileError, UserFileResult } from '../../../../src/data/userFile/codes';

export const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 bytes (every character below U+0100), as Excel on Windows writes a "CSV". */
export const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
export const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
};

export function ok(r: UserFileResult) {
  if (!r.ok) throw new Error(`esperaba ok, fue ${r.error.code}: ${JSON.stringify(r.error.params)}`);
  return r;
}
export function err(r: UserFileResult): UserFileError {
  if (r.ok) throw new Error('esperaba un error');
  return r.error;
}
