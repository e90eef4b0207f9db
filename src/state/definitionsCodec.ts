import * as v from 'valibot';
import { FACILITY_GROUPS, INSTITUTION_GROUPS } from '../domain/facilities';
import { DATE_RULES } from '../domain/datePlausibility';
import { EMERGENCY_OUTLIER_RULES } from '../domain/emergencyPlausibility';
import {
  CAPACITY_RULES,
  MAX_LEVEL_WEIGHT,
  EMERGENCY_NUMERATORS,
  EMERGENCY_ZEROS,
  MAX_REFERENCE_YEAR,
  MIN_REFERENCE_YEAR,
  previousDefinitions,
} from '../domain/universe';

/**
 * The scenario's `definitions` (issue 12) in the codec's schema. A scenario saved before issue 12
 * has none: it opens with the definitions it was made with (`previousDefinitions`: every
 * facility, every date), so its ranking is the same. Unknown groups are dropped; a value out of
 * range takes the previous definition's value rather than refusing the file.
 */
const prev = previousDefinitions();
const groups = <T extends string>(all: readonly T[], fallback: T[]) =>
  v.optional(
    v.pipe(
      v.unknown(),
      v.transform((x) => (Array.isArray(x) ? all.filter((g) => x.includes(g)) : [...fallback])),
    ),
    () => [...fallback],
  );
const oneOf = <T extends string>(all: readonly T[], fallback: T) =>
  v.optional(v.pipe(v.unknown(), v.transform((x) => (all.includes(x as T) ? (x as T) : fallback))), fallback);

export const DEFINITIONS = v.optional(
  v.pipe(
    v.unknown(),
    v.transform((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? x : {})),
    v.object({
      universe: v.optional(
        v.pipe(
          v.unknown(),
          v.transform((x) => (typeof x === 'object' && x !== null && !Array.isArray(x) ? x : {})),
          v.object({
            institutions: groups(INSTITUTION_GROUPS, prev.universe.institutions),
            categories: groups(FACILITY_GROUPS, prev.universe.categories),
          }),
        ),
        () => ({ ...prev.universe }),
      ),
      capacity: oneOf(CAPACITY_RULES, prev.capacity),
      // One finite weight in [0, MAX_LEVEL_WEIGHT] per level; a missing or bad one is 1.
      levelWeights: v.optional(
        v.pipe(
          v.unknown(),
          v.transform((x) => {
            const o = typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {};
            return Object.fromEntries(
              FACILITY_GROUPS.map((g) => {
                const w = o[g];
                return [g, typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MAX_LEVEL_WEIGHT ? w : prev.levelWeights[g]];
              }),
            ) as typeof prev.levelWeights;
          }),
        ),
        () => ({ ...prev.levelWeights }),
      ),
      emergencyNumerator: oneOf(EMERGENCY_NUMERATORS, prev.emergencyNumerator),
      emergencyZeros: oneOf(EMERGENCY_ZEROS, prev.emergencyZeros),
      // Absent in files saved before the rule existed: they keep every row, as they were ranked.
      emergencyOutliers: oneOf(EMERGENCY_OUTLIER_RULES, prev.emergencyOutliers),
      dates: oneOf(DATE_RULES, prev.dates),
      referenceYear: v.optional(
        v.pipe(
          v.unknown(),
          v.transform((x) =>
            typeof x === 'number' && Number.isInteger(x) && x >= MIN_REFERENCE_YEAR && x <= MAX_REFERENCE_YEAR ? x : prev.referenceYear,
          ),
        ),
        prev.referenceYear,
      ),
    }),
  ),
  () => previousDefinitions(),
);
