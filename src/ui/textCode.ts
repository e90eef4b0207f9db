import type { TFunction } from 'i18next';
import type { TextCode } from '../domain/textCode';

/**
 * A text code in the UI language; parameters given as `{ key }` are translated first, with the
 * code's other parameters (a nested reason may quote the same figures as the sentence around it).
 */
export function renderText(t: TFunction, code: TextCode): string {
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(code.params ?? {})) if (typeof v !== 'object') plain[k] = v;
  const params: Record<string, string | number> = { ...plain };
  for (const [k, v] of Object.entries(code.params ?? {})) if (typeof v === 'object') params[k] = t(v.key, plain);
  return t(code.key, params);
}
