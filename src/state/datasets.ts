import type { Level } from '../domain/indicators';
import type { LoadState } from './loadState';
import type { DataSlice } from './slices';

/** Datasets with one LoadState each (levels are keyed `level:provincia`, `level:distrito`); `engine` is start-up. */
export type DatasetKey = 'facilities' | 'conflicts' | 'access' | 'searchIndex' | 'register' | `level:${Level}` | `series:${Level}`;
export type LoadKey = DatasetKey | 'engine';

export function stateOf(data: DataSlice, key: LoadKey): LoadState<unknown> {
  if (key.startsWith('level:')) return data.levels[key.slice(6) as Level];
  if (key.startsWith('series:')) return data.series[key.slice(7) as Level];
  return data[key as Exclude<LoadKey, `level:${Level}` | `series:${Level}`>];
}

export function withState(data: DataSlice, key: LoadKey, state: LoadState<unknown>): DataSlice {
  if (key.startsWith('level:')) return { ...data, levels: { ...data.levels, [key.slice(6)]: state } };
  if (key.startsWith('series:')) return { ...data, series: { ...data.series, [key.slice(7)]: state } };
  return { ...data, [key]: state };
}

/** The i18n code naming a load in messages (`app.stage.*`): i18next keys cannot hold ':'. */
export const stageOf = (key: LoadKey): string => key.replace(':', '_');

/** How long a load may take before it is reported as failed, with a retry (ms). */
export const TIMEOUTS = {
  /** catalogue + 34 MB wasm + start tables: about 4 s on a 2-core machine */
  engine: 25_000,
  /** a level's indicators, the places and their worker, the register: a few seconds each */
  load: 60_000,
  /**
   * The engine waits for the first map drawn from the snapshot, at most this long (a map that
   * never draws, without WebGL, must not hold it back). On 2 cores the ranked map came ~0.5 s
   * sooner with the wasm compiled after it (docs/performance.md).
   */
  engineDefer: 3_000,
};
