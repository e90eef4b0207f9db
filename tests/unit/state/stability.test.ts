import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { runUncertainty } from '../../../src/domain/stability/uncertainty';
import { stabilityModelOf } from '../../../src/state/stabilityModel';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';

// The stability analysis as the coordinator runs it, over the pipeline's real province indicators.
const dataDir = withBuiltData();

describe('rank stability in the coordinator', () => {
  it('runs after the ranking, matches the synchronous run, and goes stale then fresh after a weight change', async () => {
    const store = createAppStore();
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    store.getState().setStability({ draws: 400, sobolN: 60, normalisation: true });
    const ready = await until(store, (s) => s.derived.stability?.status === 'ready' && s.derived.stability.fresh, 60_000);
    const st = ready.derived.stability!;
    const r = ready.derived.ranking!;
    // the worker's answer is the pure function's answer on the same model and seed
    const expected = runUncertainty(stabilityModelOf(r.units, r.ranking, ready.scenario), ready.scenario.stability, ready.scenario.topN);
    expect(st.result!.summary).toEqual(expected);
    expect(st.result!.ids).toHaveLength(r.ranking.scopeIndices.length);
    // the band always contains the median, and the scenario's own top unit is in the top N often
    const first = r.units.ids[r.ranking.order[0]];
    const p = st.result!.position.get(first)!;
    expect(st.result!.summary.p05[p]).toBeLessThanOrEqual(st.result!.summary.median[p]);
    expect(st.result!.summary.p95[p]).toBeGreaterThanOrEqual(st.result!.summary.median[p]);
    expect(st.result!.summary.pTopN[p]).toBeGreaterThan(0.5);
    // Sobol: one index per factor, totals at least about the first-order ones
    expect(st.sobol!.factors.map((f) => f.kind)).toContain('normalisation');
    expect(st.sobol!.indices.total.length).toBe(st.sobol!.factors.length);

    const before = st.result;
    store.getState().setWeight('pobreza_pct', 90);
    const waiting = store.getState().derived.stability!;
    expect(waiting.status).toBe('waiting');
    expect(waiting.fresh).toBe(false);
    expect(waiting.result).toBe(before); // the old bands stay on screen meanwhile
    const again = await until(store, (s) => s.derived.stability?.status === 'ready' && s.derived.stability.fresh, 60_000);
    expect(again.derived.stability!.key).not.toBe(st.key);
    await c.dispose();
  }, 120_000);

  it('varies a definition choice by loading the units under the alternative definitions', async () => {
    const store = createAppStore();
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    store.getState().setStability({ weights: 'off', zeros: true, draws: 200 });
    const ready = await until(store, (s) => s.derived.stability?.status === 'ready' && s.derived.stability.fresh, 60_000);
    const sum = ready.derived.stability!.result!.summary;
    expect(ready.derived.stability!.result!.factors.map((f) => f.kind)).toEqual(['zeros']);
    // reading all-zero SUSALUD rows as a true 0 instead of missing moves some provinces
    const moved = Array.from(sum.p05).filter((v, i) => v !== sum.p95[i]).length;
    expect(moved).toBeGreaterThan(0);
    await c.dispose();
  }, 120_000);
});
