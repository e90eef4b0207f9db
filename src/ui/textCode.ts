import type { TFunction } from 'i18next';
import type { TextCode } from '../domain/textCode';

/** A text code in the UI language; parameters given as `{ key }` are translated first. */
export function renderText(t: TFunction, code: TextCode): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(code.params ?? {})) params[k] = typeof v === 'object' ? t(v.key) : v;
  return t(code.key, params);
}
