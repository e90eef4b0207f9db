import type { Level } from '../domain/indicators';
import { valueOf } from './loadState';
import { boundariesOf } from './derive';
import type { CoreState, Engine } from './slices';

/** Pure selectors over the store's state, shared by components, exports and tests. */
export const engineOf = (s: CoreState): Engine | null => valueOf(s.data.engine);
export const catalogOf = (s: CoreState) => valueOf(s.data.engine)?.catalog;
export const isReady = (s: CoreState) => s.data.engine.status === 'ready';
export const selectedUnitId = (s: CoreState): string | null => (s.view.selection.kind === 'unit' ? s.view.selection.ubigeo : null);
export const selectedFacilityIndex = (s: CoreState): number | null => (s.view.selection.kind === 'facility' ? s.view.selection.index : null);
export const selectedConflictId = (s: CoreState): string | null => (s.view.selection.kind === 'conflict' ? s.view.selection.id : null);
export const selectedPlaceIndex = (s: CoreState): number | null => (s.view.selection.kind === 'place' ? s.view.selection.index : null);
/** Units (SQL + browser-computed columns) of a level, once loaded. */
export const unitsOf = (s: CoreState, level: Level) => s.derived.units[level];
export { boundariesOf };
export const canUndo = (s: CoreState) => s.history.past.length > 0;
export const canRedo = (s: CoreState) => s.history.future.length > 0;
