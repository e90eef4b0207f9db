/**
 * Social-conflict events from a table of text records (a user's file or the Defensoría's
 * monthly report). Pure: no React, no DuckDB. The pipeline (data/conflicts.ts) builds
 * conflictos.parquet with this same code, so a user's file and the published data have one row
 * shape: ConflictEvent.
 *
 * This module is the public face of src/domain/conflicts/, split by concern:
 * schema (row type, parquet columns), gazetteer (places by UBIGEO and name), columns (header
 * synonyms), dates (periods), values (status, yes/no, numbers), suggest (fuzzy names),
 * placement (UBIGEO/names → place, point), issues (codes, no text) and import (the table reader).
 * Issue texts are i18n resources (src/i18n/userFile.*.ts), rendered by src/i18n/conflictText.ts.
 */
export {
  CONFLICT_EVENT_COLUMNS, CONFLICT_STATUSES,
  type ConflictColumnType, type ConflictEvent, type ConflictStatus, type CoordinateOrigin, type DatePrecision,
  type LocationLevel, type PointCheck,
} from './conflicts/schema';
export { buildGazetteer, type Gazetteer, type GazetteerPlace } from './conflicts/gazetteer';
export { COLUMN_SYNONYMS, mapColumns, type ConflictField } from './conflicts/columns';
export { monthPeriod, parsePeriod, type ParsedPeriod } from './conflicts/dates';
export { normaliseStatus, parseNumber, parseYesNo } from './conflicts/values';
export { PERU_BBOX } from './conflicts/placement';
export {
  CONFLICT_FILE_ERROR_CODES, CONFLICT_REJECT_CODES, CONFLICT_WARNING_CODES,
  type ConflictFileError, type ConflictRejectCode, type ConflictRowIssue, type ConflictWarningCode, type IssueParams,
  type RequiredColumn,
} from './conflicts/issues';
export {
  DEFAULT_USER_SOURCE, MAX_USER_EVENTS, USER_SERIES, conflictEventsFromTable,
  type ConflictImportOptions, type ConflictImportResult, type RecordTable,
} from './conflicts/import';
