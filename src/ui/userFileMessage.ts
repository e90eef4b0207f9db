import type { TFunction } from 'i18next';
import { USER_FILE_WARNING_CODES, type UserFileError, type UserFileWarning } from '../data/userFile';
import { CONFLICT_FILE_ERROR_CODES, type ConflictFileError, type ConflictRowIssue } from '../domain/conflictEvents';
import { conflictFileErrorText, conflictRowText } from '../i18n/conflictText';
import { userFileErrorText, userFileWarningText } from '../i18n/userFileText';

/** Anything reading a user's conflict file can report: a file error or warning, a conflict-file error, a row issue. */
export type UserFileIssue = UserFileError | UserFileWarning | ConflictFileError | ConflictRowIssue;

const isConflictFileError = (x: UserFileIssue): x is ConflictFileError => (CONFLICT_FILE_ERROR_CODES as readonly string[]).includes(x.code);
const isWarning = (x: UserFileIssue): x is UserFileWarning => (USER_FILE_WARNING_CODES as readonly string[]).includes(x.code);

/**
 * A user-file message in the language of `t`: its code and params through the i18n resources
 * (`userFile.*` in src/i18n/userFile.es.ts and userFile.en.ts), the same texts in every language.
 */
export function userFileMessage(t: TFunction, issue: UserFileIssue): string {
  if ('line' in issue) return conflictRowText(t, issue);
  if (isConflictFileError(issue)) return conflictFileErrorText(t, issue);
  if (isWarning(issue)) return userFileWarningText(t, issue);
  return userFileErrorText(t, issue);
}
