/**
 * A user's uploaded file (CSV/TSV/TXT or Parquet) → a table of text records, with precise typed
 * errors and warnings. Pure: runs in the browser (TextDecoder only) and in Node tests.
 * Errors and warnings are a `code` with `params`; their texts are i18n resources
 * (src/i18n/userFile.es.ts, userFile.en.ts), rendered by src/i18n/userFileText.ts.
 *
 * This module is the public face of src/data/userFile/, split by concern: sniff (format,
 * encoding, decoding), delimited (splitting, delimiter detection, CSV parsing), table (header
 * checks, records), parquet, personalData, codes (errors, warnings, result) and read (readUserFile).
 */
export {
  MAX_LISTED, USER_FILE_ERROR_CODES, USER_FILE_WARNING_CODES,
  type PersonalColumn, type PersonalDataKind, type UnsupportedFormat, type UserFileError, type UserFileErrorCode,
  type UserFileFormat, type UserFileResult, type UserFileWarning, type UserFileWarningCode,
} from './userFile/codes';
export { decodeText, sniffFormat, type UserFileEncoding } from './userFile/sniff';
export { DELIMITERS, detectDelimiter, parseDelimitedText, splitDelimited, type Delimiter, type ParsedRows } from './userFile/delimited';
export type { UserTable } from './userFile/table';
export { findPersonalData, personalHeaderKind } from './userFile/personalData';
export { DEFAULT_MAX_BYTES, readUserFile, type ReadUserFileOptions } from './userFile/read';
