/**
 * Validation of `scenario.stability` (part of the scenario schema in scenarioCodec.ts): the
 * assumptions marked as uncertain, the number of draws and the seed. A missing or malformed
 * field falls back to its default, so an older scenario opens with the default analysis.
 */
import * as v from 'valibot';
import { defaultStabilitySettings, type StabilitySettings } from '../domain/stability/uncertainty';

export const MAX_DRAWS = 10_000;
export const MAX_SOBOL_N = 2_000;

const d = defaultStabilitySettings();
const flag = (x: boolean) => v.optional(v.boolean(), x);
const int = (min: number, max: number, fallback: number) =>
  v.optional(v.pipe(v.number(), v.finite(), v.transform((n) => Math.round(Math.min(max, Math.max(min, n))))), fallback);

export const STABILITY = v.optional(
  v.fallback(
    v.object({
      weights: v.optional(v.picklist(['off', 'uniform', 'dirichlet']), d.weights),
      weightNoise: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), d.weightNoise),
      normalisation: flag(d.normalisation),
      aggregation: flag(d.aggregation),
      winsorisation: flag(d.winsorisation),
      universe: flag(d.universe),
      zeros: flag(d.zeros),
      outliers: flag(d.outliers),
      dates: flag(d.dates),
      draws: int(100, MAX_DRAWS, d.draws),
      sobolN: int(50, MAX_SOBOL_N, d.sobolN),
      seed: int(1, 2 ** 31 - 1, d.seed),
    }),
    defaultStabilitySettings,
  ),
  defaultStabilitySettings,
) satisfies v.GenericSchema<unknown, StabilitySettings>;
