/**
 * Validation of `scenario.userData` (part of the scenario schema in scenarioCodec.ts): the
 * references to the user's files and the indicators made from them. Anything malformed is
 * dropped rather than refused, so a scenario always opens; an old scenario gets none.
 */
import { CONSULTA_FILE } from '../domain/userIndicators';
import * as v from 'valibot';
import type { ConflictFileRef, UserData } from './scenario';
import type { UserFileRef } from '../domain/userData';
import type { UserIndicator } from '../domain/userIndicators';

const MAX = 500;
const str = v.pipe(v.string(), v.maxLength(MAX));
const sha = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

const KEY = v.variant('kind', [
  v.object({ kind: v.literal('ubigeo'), column: str, level: v.picklist(['departamento', 'provincia', 'distrito']) }),
  v.object({ kind: v.literal('ipress'), column: str }),
  v.object({ kind: v.literal('coordenadas'), lon: str, lat: str }),
]);

const FILE = v.object({
  sha256: sha,
  name: str,
  bytes: v.pipe(v.number(), v.minValue(0)),
  rows: v.pipe(v.number(), v.minValue(0)),
  format: v.picklist(['csv', 'parquet', 'xlsx', 'geojson']),
  sheet: v.nullish(str, null),
  key: KEY,
  dropped: v.optional(v.array(str), () => []),
});

const CONFLICT_FILE = v.object({
  sha256: sha,
  name: str,
  bytes: v.pipe(v.number(), v.minValue(0)),
  events: v.pipe(v.number(), v.minValue(0)),
  rejected: v.pipe(v.number(), v.minValue(0)),
  fuente: str,
});

const INDICATOR = v.object({
  id: v.pipe(v.string(), v.regex(/^u_[a-z0-9_]{1,78}$/)),
  // a file's SHA-256, or the scenario's own query («Consultas», issue 18)
  file: v.union([sha, v.literal(CONSULTA_FILE)]),
  column: v.nullish(str, null),
  stat: v.picklist(['mean', 'sum', 'count', 'share', 'minsa']),
  categories: v.optional(v.array(str), () => []),
  label: str,
  unit: v.optional(str, ''),
  vintage: v.optional(str, ''),
  direction: v.picklist(['up', 'down']),
  weight: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
  enabled: v.boolean(),
  method: v.nullish(
    v.variant('kind', [
      v.object({ kind: v.picklist(['minmax', 'zscore', 'rank']) }),
      v.object({ kind: v.literal('target'), target: v.number() }),
      v.object({ kind: v.literal('goalposts'), min: v.number(), max: v.number() }),
    ]),
    () => ({ kind: 'minmax' as const }),
  ),
  winsorise: v.nullish(v.object({ lower: v.number(), upper: v.number() }), null),
});

function fillUserData(x: unknown): UserData {
  const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const list = (a: unknown) => (Array.isArray(a) ? a : []);
  const files = list(o.files).flatMap((f) => {
    const r = v.safeParse(FILE, f);
    return r.success ? [r.output as UserFileRef] : [];
  });
  const indicators = list(o.indicators).flatMap((i) => {
    const r = v.safeParse(INDICATOR, i);
    // an indicator whose file is not referenced cannot be computed: dropped
    return r.success && (r.output.file === CONSULTA_FILE || files.some((f) => f.sha256 === r.output.file)) ? [r.output as UserIndicator] : [];
  });
  const conflictFiles = list(o.conflictFiles).flatMap((f) => {
    const r = v.safeParse(CONFLICT_FILE, f);
    return r.success ? [r.output as ConflictFileRef] : [];
  });
  return { files, indicators, conflictFiles };
}

/** `scenario.userData`: every valid file reference and indicator, the rest dropped; none when absent. */
export const USER_DATA = v.optional(v.pipe(v.unknown(), v.transform(fillUserData)), {});
