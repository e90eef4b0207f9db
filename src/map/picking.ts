import type { ConflictEvent } from '../domain/conflictEvents';
import type { Selection } from '../state/slices';
import { PLACES_LAYER_ID } from './placesLayer';
import { CONFLICT_POINTS_ID } from './conflictLayers';
import { FACILITY_FLAG_LAYER_ID, FACILITY_LAYER_ID } from './facilityLayer';

/** What deck.gl's pick returns, reduced to what the dispatch reads. */
export interface Picked {
  layerId: string | null;
  index: number;
  object: unknown;
}

/**
 * One typed dispatch from a map click to what it selects: a place, a case, a facility, or the
 * unit (province or district) under the pointer. Null when the click hits nothing selectable.
 */
export function selectionFromPick(p: Picked | null): Selection | null {
  if (!p || p.layerId === null) return null;
  switch (p.layerId) {
    case PLACES_LAYER_ID:
      return p.index >= 0 ? { kind: 'place', index: p.index } : null;
    case CONFLICT_POINTS_ID: {
      const e = p.object as ConflictEvent | undefined;
      return e ? { kind: 'conflict', id: e.id } : null;
    }
    case FACILITY_LAYER_ID:
    case FACILITY_FLAG_LAYER_ID:
      return typeof p.object === 'number' ? { kind: 'facility', index: p.object } : null;
    default: {
      const ubigeo = (p.object as { properties?: { ubigeo?: unknown } } | undefined)?.properties?.ubigeo;
      return typeof ubigeo === 'string' ? { kind: 'unit', ubigeo } : null;
    }
  }
}
