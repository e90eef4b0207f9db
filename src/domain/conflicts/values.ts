/** Cell values of conflict rows: status, yes/no and numbers, as Peruvian spreadsheets write them. */
import { normaliseName } from '../search';
import type { ConflictStatus } from './schema';

/** activo / latente / resuelto / retirado from Spanish or English, any case or gender. */
export function normaliseStatus(text: string): ConflictStatus | null {
  const k = normaliseName(text);
  if (/^activ/.test(k)) return 'activo';
  if (/^laten/.test(k)) return 'latente';
  if (/^(resuel|resolv|solved)/.test(k)) return 'resuelto';
  if (/^(retir|withdr)/.test(k)) return 'retirado';
  return null;
}

/** true / false / null (empty); undefined when the text is not a yes/no. */
export function parseYesNo(text: string): boolean | null | undefined {
  const k = normaliseName(text);
  if (k === '') return null;
  if (['si', 's', 'yes', 'y', 'true', 'verdadero', '1', 'x'].includes(k)) return true;
  if (['no', 'n', 'false', 'falso', '0'].includes(k)) return false;
  return undefined;
}

/** A number with a decimal point or, as Peruvian spreadsheets write it, a decimal comma. */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/\s+/g, '');
  if (t === '') return null;
  if (!t.includes('.') && /^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
