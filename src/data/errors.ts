/**
 * Typed data errors (after PMTiles' model): the data layer throws these, the UI translates
 * `key` with `params` into a precise Spanish (or English) message.
 */
export type DataErrorKey =
  | 'catalogMissing'
  | 'fetchFailed'
  | 'parquetInvalid'
  | 'boundaryInvalid'
  | 'engineFailed'
  | 'queryFailed'
  | 'consultFailed'
  | 'consultCancelled'
  | 'consultRefused'
  | 'consultNotMappable'
  | 'datasetMissing'
  | 'userFileMissing'
  | 'userFileUnreadable'
  | 'timeout'
  | 'unknown';

export class DataError extends Error {
  constructor(
    readonly key: DataErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key}: ${JSON.stringify(params)}`);
    this.name = 'DataError';
  }
}

export function toDataError(err: unknown): DataError {
  if (err instanceof DataError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new DataError('unknown', { detail });
}
