import { useMemo } from 'react';
import { useStore } from '../state/store';
import { NormalisationCache, rankScenario, type Ranking } from '../state/ranking';
import type { Units } from '../data/units';
import type { Scenario } from '../state/scenario';

const cache = new NormalisationCache();
/** The last ranking, shared by every component that asks: a weight change ranks once, not once per view. */
let last: { units: Units; scenario: Scenario; result: { units: Units; ranking: Ranking } } | null = null;

function rankShared(units: Units, scenario: Scenario) {
  if (!last || last.units !== units || last.scenario !== scenario) {
    last = { units, scenario, result: { units, ranking: rankScenario(units, scenario, cache) } };
  }
  return last.result;
}

/** The ranking derived from the scenario at its level; null until that level's data is loaded. */
export function useRanking(): { units: Units; ranking: Ranking } | null {
  const scenario = useStore((s) => s.scenario);
  const units = useStore((s) => s.units[s.scenario.level]);
  return useMemo(() => (units ? rankShared(units, scenario) : null), [units, scenario]);
}
