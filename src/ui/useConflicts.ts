import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import type { ConflictEvent } from '../domain/conflictEvents';
import { countByUnit, inWindow, perCapita } from '../domain/conflictWindow';
import { LEVELS } from '../domain/indicators';

const NO_EVENTS: ConflictEvent[] = [];

/** Published and uploaded conflict events in one list (stable while neither changes). */
export function useAllConflicts(): ConflictEvent[] {
  const official = useStore((s) => s.conflicts);
  const uploads = useStore((s) => s.userConflicts);
  return useMemo(() => {
    if (!official && uploads.length === 0) return NO_EVENTS;
    return [...(official ?? []), ...uploads.flatMap((u) => u.events)];
  }, [official, uploads]);
}

/** The events whose period overlaps the scenario's time window. */
export function useConflictsInWindow(): ConflictEvent[] {
  const all = useAllConflicts();
  const from = useStore((s) => s.scenario.timeWindow.from);
  const to = useStore((s) => s.scenario.timeWindow.to);
  return useMemo(() => all.filter((e) => inWindow(e, { from, to })), [all, from, to]);
}

/**
 * Keeps the conflict indicators of every loaded level in step with the events and the time
 * window: counts of active and latent cases, and the same per 100,000 people (census 2017).
 */
export function useConflictIndicators() {
  const { t } = useTranslation();
  const all = useAllConflicts();
  const loaded = useStore((s) => s.conflicts !== null);
  const from = useStore((s) => s.scenario.timeWindow.from);
  const to = useStore((s) => s.scenario.timeWindow.to);
  const baseUnits = useStore((s) => s.baseUnits);
  const setDerived = useStore((s) => s.setDerived);
  useEffect(() => {
    // No published data and no file (or the last file removed): the indicators are missing, not 0.
    const none = !loaded && all.length === 0;
    const w = { from, to };
    const span = `${from ?? '…'} – ${to ?? '…'}`;
    for (const level of LEVELS) {
      const units = baseUnits[level];
      if (!units) continue;
      const counts = none ? new Float64Array(units.ids.length).fill(NaN) : countByUnit(all, w, level, units.ids);
      const key = level === 'provincia' ? 'ubigeo_prov' : 'ubigeo';
      setDerived(level, 'conflicts', {
        values: { conflictos_activos: counts, conflictos_por_100k: perCapita(counts, units.values.poblacion_2017) },
        method: {
          conflictos_activos: t('methods.conflicts', { span, key, n: all.length }),
          conflictos_por_100k: t('methods.conflictsRate', { span }),
        },
      });
    }
  }, [all, loaded, from, to, baseUnits, setDerived, t]);
}
