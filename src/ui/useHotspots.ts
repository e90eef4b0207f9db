import { useMemo } from 'react';
import { useStore } from '../state/store';
import { localMoran, type HotspotClass, type LocalMoranResult } from '../domain/hotspots';

export interface Hotspots {
  result: LocalMoranResult;
  classOf: Map<string, HotspotClass>;
  counts: Partial<Record<HotspotClass, number>>;
  /** Changes with every recomputation: deck.gl's update trigger. */
  version: string;
}

/** Shared by the panel and the map, so one change computes once. */
let last: { key: unknown[]; value: Hotspots } | null = null;
const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Local Moran's I of the conflict rate (per 100,000, in the time window) over all provinces,
 * with queen contiguity from the province topology. Recomputed only while the layer is shown.
 */
export function useHotspots(): Hotspots | null {
  const visible = useStore((s) => s.scenario.layers.hotspots.visible);
  const { alpha, permutations, seed } = useStore((s) => s.scenario.layers.hotspots);
  const provinces = useStore((s) => s.boundaries.provincia);
  const rate = useStore((s) => s.units.provincia?.values.conflictos_por_100k);
  const ids = useStore((s) => s.units.provincia?.ids);
  return useMemo(() => {
    const contiguity = provinces?.contiguity;
    if (!visible || !contiguity || !rate || !ids) return null;
    const key = [contiguity, rate, ids, alpha, permutations, seed];
    if (last && same(last.key, key)) return last.value;
    const at = new Map(ids.map((id, i) => [id, i]));
    // Values in the topology's feature order, which is the order of the neighbour lists.
    const values = contiguity.ids.map((id) => {
      const i = at.get(id);
      return i === undefined ? NaN : rate[i];
    });
    const result = localMoran(values, contiguity.neighbours, { alpha, permutations, seed });
    const classOf = new Map<string, HotspotClass>();
    const counts: Partial<Record<HotspotClass, number>> = {};
    result.units.forEach((u, k) => {
      classOf.set(contiguity.ids[k], u.class);
      counts[u.class] = (counts[u.class] ?? 0) + 1;
    });
    const value = { result, classOf, counts, version: `${alpha}:${permutations}:${seed}:${performance.now()}` };
    last = { key, value };
    return value;
  }, [visible, provinces, rate, ids, alpha, permutations, seed]);
}
