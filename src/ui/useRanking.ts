import { useMemo } from 'react';
import { useStore } from '../state/store';
import { rankScenario, type Ranking } from '../state/ranking';
import type { Units } from '../data/loadApp';

/** The ranking derived from the scenario; recomputed only when the scenario or data change. */
export function useRanking(): { units: Units; ranking: Ranking } | null {
  const data = useStore((s) => s.data);
  const scenario = useStore((s) => s.scenario);
  return useMemo(() => {
    if (!data) return null;
    return { units: data.provincias, ranking: rankScenario(data.provincias, scenario) };
  }, [data, scenario]);
}
