/**
 * Conflict-file errors and conflict-row issues (src/domain/conflicts/issues.ts) as text: code +
 * params through i18next, `userFile.errors.*` and `userFile.rows.*`. Used by the app (any
 * language) and by the pipeline (Spanish, through src/i18n/translator.ts).
 */
import type { TFunction } from 'i18next';
import type { ConflictFileError, ConflictRowIssue } from '../domain/conflicts/issues';

/** The i18next context of the codes whose sentence has a variant. */
function context(issue: ConflictRowIssue): string | undefined {
  switch (issue.code) {
    case 'fecha_invalida':
      // A well-formed but impossible date (31/02) needs no format hint.
      return issue.params.formato === 'reconocido' ? 'reconocido' : undefined;
    case 'provincia_desconocida':
      return issue.params.departamento ? 'departamento' : undefined;
    default:
      return undefined;
  }
}

/** "fila 4: la provincia "Inventada" no existe en el departamento Ucayali". */
export function conflictRowText(t: TFunction, issue: ConflictRowIssue): string {
  const { sugerencia } = issue.params;
  const text = t(`userFile.rows.${issue.code}`, {
    ...issue.params,
    hint: sugerencia ? t('userFile.parts.suggestion', { sugerencia }) : '',
    context: context(issue),
  });
  return t('userFile.row', { line: issue.line, text });
}

export function conflictFileErrorText(t: TFunction, error: ConflictFileError): string {
  switch (error.code) {
    case 'faltan_columnas': {
      const faltan = error.params.faltan.map((c) => t(`userFile.requiredColumns.${c}`)).join(t('userFile.parts.groupSeparator'));
      return t('userFile.errors.faltan_columnas', { faltan });
    }
    case 'sin_filas':
      return t('userFile.errors.sin_filas');
    case 'demasiadas_filas':
      return t('userFile.errors.demasiadas_filas', { filas: error.params.filas, limite: error.params.limite });
  }
}
