/**
 * What the screen reads of a stability run (issue 14): one unit's band, and P(top N) per unit
 * of the ranking on screen. The run is indexed by scope position; the ranking by unit index.
 */
import { useMemo } from 'react';
import { useStore } from '../../state/store';
import type { StabilityResult } from '../../state/slices';
import { isStableBand } from '../../domain/stability/explain';
import { stableWidth } from '../../domain/stability/uncertainty';

export interface UnitBand {
  p05: number;
  p95: number;
  median: number;
  pTopN: number;
  pFirst: number;
  /** p95 − p05 within the stable width (uncertainty.ts stableWidth). */
  stable: boolean;
}

/** The unit's band in a result, or null when the run did not include it (another scope). */
export function bandOf(result: StabilityResult | null | undefined, ubigeo: string): UnitBand | null {
  if (!result) return null;
  const p = result.position.get(ubigeo);
  if (p === undefined) return null;
  const s = result.summary;
  return {
    p05: s.p05[p],
    p95: s.p95[p],
    median: s.median[p],
    pTopN: s.pTopN[p],
    pFirst: s.pFirst[p],
    stable: isStableBand(s.p05[p], s.p95[p], stableWidth(result.ranked)),
  };
}

/** «3–7 (estable)», «2 (estable)», or a dash without a band: for reports and slides. */
export function bandLabel(band: UnitBand | null, t: Tr): string {
  if (!band || !(band.p05 > 0)) return '—';
  return `${bandRange(band, t)} (${t(band.stable ? 'stability.stable' : 'stability.unstable')})`;
}

type Tr = (key: string, params?: Record<string, unknown>) => string;

/** «3–7», or «2» when both ends meet: the table, the report and the slides write it the same way. */
export function bandRange(band: UnitBand, t: Tr): string {
  return band.p05 === band.p95 ? String(band.p05) : t('stability.bandText', { p05: band.p05, p95: band.p95 });
}

/** p95 − p05, for sorting; units without a band sort last. */
export function bandWidth(band: UnitBand | null): number {
  return band && band.p05 > 0 ? band.p95 - band.p05 : Number.MAX_SAFE_INTEGER;
}

/** P(top N) per unit index of `ids` (NaN where the run has no value), or null without a result. */
export function pTopPerUnit(ids: readonly string[], result: StabilityResult | null | undefined): Float64Array | null {
  if (!result) return null;
  const out = new Float64Array(ids.length).fill(NaN);
  ids.forEach((id, i) => {
    const p = result.position.get(id);
    if (p !== undefined && result.summary.pRanked[p] > 0) out[i] = result.summary.pTopN[p];
  });
  return out;
}

/** P(top N) of the ranking on screen when the map is coloured by it, with the run's key as version. */
export function useMapPTop(): { values: Float64Array; version: string } | null {
  const wanted = useStore((s) => s.scenario.classes.kind === 'ptop');
  const ids = useStore((s) => s.derived.ranking?.units.ids);
  const result = useStore((s) => s.derived.stability?.result);
  return useMemo(() => {
    const values = wanted && ids ? pTopPerUnit(ids, result) : null;
    return values && result ? { values, version: result.key } : null;
  }, [wanted, ids, result]);
}
