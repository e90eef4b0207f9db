import type { TFunction } from 'i18next';

type Params = Record<string, unknown>;

/** Params as text for a translation: lists joined, personal-data columns as «name» (kind). */
function flat(params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) {
      out[k] = v
        .map((x) =>
          typeof x === 'object' && x !== null
            ? 'columna' in x
              ? `«${(x as { columna: string }).columna}» (${(x as { tipo: string }).tipo})`
              : `row ${(x as { linea: number }).linea} (${(x as { campos: number }).campos})`
            : String(x),
        )
        .join(', ');
    } else out[k] = typeof v === 'number' ? v : String(v ?? '');
  }
  return out;
}

/**
 * A user-file message in the UI language. The checks write their Spanish text themselves (the
 * pipeline uses it too); other languages are rebuilt from the code and params, falling back to
 * the Spanish text for a code without a translation.
 */
export function userFileMessage(t: TFunction, lng: string, issue: { code: string; params: Params; message: string; line?: number }): string {
  if (lng === 'es') return issue.message;
  const p = flat(issue.params);
  if (issue.line !== undefined) {
    const text = t(`userFile.rows.${issue.code}`, { ...p, defaultValue: '' });
    return text ? t('userFile.row', { line: issue.line, text }) : issue.message;
  }
  return t(`userFile.${issue.code}`, { ...p, defaultValue: issue.message });
}
