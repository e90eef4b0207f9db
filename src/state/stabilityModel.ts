/**
 * From the app's state to a stability model (issue 14): the ranking's indicators, weights and
 * rules as the scenario has them, and, for each definition choice marked uncertain, the
 * indicator values under the alternative definitions. Pure: the coordinator loads the
 * alternative units; this only lines them up.
 */
import type { Units } from '../data/units';
import { GORE_INSTITUTIONS, isWholeRegister, previousDefinitions, type IndicatorDefinitions } from '../domain/universe';
import { DEFINITION_FACTORS, type DefinitionFactor, type StabilityModel, type StabilitySettings } from '../domain/stability/uncertainty';
import type { Ranking } from './ranking';
import { activeIndicators, type Scenario } from './scenario';

/** The definition factors the settings mark as uncertain, in a fixed order (bit b of a variant). */
export const definitionFactorsOf = (s: StabilitySettings): DefinitionFactor[] => DEFINITION_FACTORS.filter((f) => s[f]);

/**
 * The alternative of one definition choice: the whole register when the universe is a part of it
 * (else the regional government's own network), the other reading of all-zero SUSALUD rows, and
 * every start date against the scenario's date rule (or flagged dates left out, if it keeps all).
 */
export function alternativeDefinitions(base: IndicatorDefinitions, factor: DefinitionFactor): IndicatorDefinitions {
  switch (factor) {
    case 'universe':
      return {
        ...base,
        universe: isWholeRegister(base.universe)
          ? { ...base.universe, institutions: [...GORE_INSTITUTIONS] }
          : previousDefinitions().universe,
      };
    case 'zeros':
      return { ...base, emergencyZeros: base.emergencyZeros === 'cero' ? 'sin_reporte' : 'cero' };
    case 'outliers':
      return { ...base, emergencyOutliers: base.emergencyOutliers === 'incluir' ? 'excluir' : 'incluir' };
    case 'dates':
      return { ...base, dates: base.dates === 'todas' ? 'sin_alertas' : 'todas' };
  }
}

/** Definitions of data variant `mask` (bit b set = factors[b] switched to its alternative). */
export function variantDefinitions(base: IndicatorDefinitions, factors: readonly DefinitionFactor[], mask: number): IndicatorDefinitions {
  let d = base;
  factors.forEach((f, b) => {
    if (mask & (1 << b)) d = alternativeDefinitions(d, f);
  });
  return d;
}

/** Values of `source`'s column `id` in the order of `target`'s units (NaN where a unit is missing). */
function alignTo(target: Units, source: Units, id: string): Float64Array {
  const col = source.values[id];
  if (source.ids === target.ids || source.ids.every((x, i) => x === target.ids[i])) return col;
  const at = new Map(source.ids.map((x, i) => [x, i]));
  return Float64Array.from(target.ids, (x) => {
    const i = at.get(x);
    return i === undefined ? NaN : col[i];
  });
}

/**
 * The model of a ranking. `variants[mask]` holds the SQL units under variantDefinitions(mask)
 * (mask ≥ 1); an indicator they do not compute (conflicts, access, the user's) keeps its value.
 */
export function stabilityModelOf(
  units: Units,
  ranking: Ranking,
  scenario: Scenario,
  variants: readonly (Units | undefined)[] = [],
): StabilityModel {
  const byId = new Map(activeIndicators(scenario).map((i) => [i.id, i]));
  const indicators = ranking.indicatorIds.map((id) => byId.get(id)!);
  const definitionFactors = definitionFactorsOf(scenario.stability);
  const count = 1 << definitionFactors.length;
  const base = indicators.map((i) => units.values[i.id]);
  const all: Float64Array[][] = [base];
  for (let mask = 1; mask < count; mask++) {
    const v = variants[mask];
    all.push(indicators.map((i, j) => (v?.values[i.id] ? alignTo(units, v, i.id) : base[j])));
  }
  return {
    unitIds: units.ids,
    scope: ranking.scopeIndices,
    indicatorIds: indicators.map((i) => i.id),
    directions: indicators.map((i) => i.direction),
    weights: indicators.map((i) => i.weight),
    methods: indicators.map((i) => i.method),
    winsorise: indicators.map((i) => i.winsorise ?? null),
    aggregation: scenario.aggregation,
    missing: scenario.missing,
    coverageThreshold: scenario.coverageThreshold,
    variants: all,
    definitionFactors,
  };
}
