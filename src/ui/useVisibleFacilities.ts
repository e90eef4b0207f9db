import { useMemo } from 'react';
import { useStore } from '../state/store';
import { filterFacilities } from '../domain/facilities';
import { REFERENCE_YEAR } from '../domain/indicators';

/** Facilities that pass the layer's filter, and those of them the pipeline flagged (indices). */
export function useVisibleFacilities(): { visible: number[]; flagged: number[] } {
  const facilities = useStore((s) => s.facilities);
  const fl = useStore((s) => s.scenario.layers.facilities);
  const visible = useMemo(
    () =>
      facilities
        ? filterFacilities(
            facilities,
            { categories: fl.categories, institutions: fl.institutions, minAge: fl.minAge, maxAge: fl.maxAge, includeUnknownAge: fl.includeUnknownAge },
            REFERENCE_YEAR,
          )
        : [],
    [facilities, fl.categories, fl.institutions, fl.minAge, fl.maxAge, fl.includeUnknownAge],
  );
  const flagged = useMemo(
    () => (facilities ? visible.filter((i) => facilities.ubicacion[i] !== 'ok') : []),
    [facilities, visible],
  );
  return { visible, flagged };
}
