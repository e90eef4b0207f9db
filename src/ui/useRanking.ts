import { useMemo } from 'react';
import { useStore } from '../state/store';
import { NormalisationCache, rankScenario, type Ranking } from '../state/ranking';
import type { Units } from '../data/units';

const cache = new NormalisationCache();

/** The ranking derived from the scenario at its level; null until that level's data is loaded. */
export function useRanking(): { units: Units; ranking: Ranking } | null {
  const scenario = useStore((s) => s.scenario);
  const units = useStore((s) => s.units[s.scenario.level]);
  return useMemo(() => {
    if (!units) return null;
    return { units, ranking: rankScenario(units, scenario, cache) };
  }, [units, scenario]);
}
