// src/domain/conflictEvents.ts is the public face of src/domain/conflicts/*: other modules (and
// the pipeline) import from it. Each part has its own tests in tests/unit/domain/conflicts/.
import { describe, expect, it } from 'vitest';
import * as api from '../../../src/domain/conflictEvents';
import { CONFLICT_EVENT_COLUMNS } from '../../../src/domain/conflicts/schema';
import { conflictEventsFromTable } from '../../../src/domain/conflicts/import';

describe('conflictEvents (re-exports)', () => {
  it('keeps the public API in one place', () => {
    expect(Object.keys(api).sort()).toEqual([
      'COLUMN_SYNONYMS', 'CONFLICT_EVENT_COLUMNS', 'CONFLICT_FILE_ERROR_CODES', 'CONFLICT_REJECT_CODES', 'CONFLICT_STATUSES',
      'CONFLICT_WARNING_CODES', 'DEFAULT_USER_SOURCE', 'MAX_USER_EVENTS', 'PERU_BBOX', 'USER_SERIES', 'buildGazetteer', 'conflictEventsFromTable',
      'mapColumns', 'monthPeriod', 'normaliseStatus', 'parseNumber', 'parsePeriod', 'parseYesNo',
    ]);
    expect(api.CONFLICT_EVENT_COLUMNS).toBe(CONFLICT_EVENT_COLUMNS);
    expect(api.conflictEventsFromTable).toBe(conflictEventsFromTable);
  });
});
