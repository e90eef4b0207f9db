import { useMemo } from 'react';
import { useStore } from '../state/store';
import { indicatorColumn, type ClassInputs } from '../map/classes';
import { useMapPTop } from './stability/stabilityView';

/**
 * What the map's class mode needs beyond the ranking (P(top N), or the indicator's column), with
 * a version that changes only when those inputs do: the map and the legend read the same one.
 */
export function useMapClassInputs(): { inputs: ClassInputs; version: string } {
  const pTop = useMapPTop();
  const classes = useStore((s) => s.scenario.classes);
  const indicators = useStore((s) => s.scenario.indicators);
  const userData = useStore((s) => s.scenario.userData);
  const units = useStore((s) => s.derived.ranking?.units);
  return useMemo(() => {
    const indicator = units ? indicatorColumn(classes, { indicators, userData }, units.values) : null;
    return {
      inputs: { pTop: pTop?.values ?? null, indicator },
      version: `${pTop?.version ?? ''}:${indicator ? `${classes.kind === 'indicator' ? classes.indicator : ''}:${indicator.direction}` : ''}`,
    };
  }, [pTop, classes, indicators, userData, units]);
}
