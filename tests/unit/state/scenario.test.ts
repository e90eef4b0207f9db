import { describe, expect, it } from 'vitest';
import { updaters, weightPercentages } from '../../../src/state/scenarioUpdaters';
import { activeIndicators, defaultScenario, scenarioFromPreset } from '../../../src/state/scenario';
import { NormalisationCache, rankScenario, scopeIndices } from '../../../src/state/ranking';
import { PRESETS } from '../../../src/domain/presets';
import type { Units } from '../../../src/data/units';

/** Five provinces of two departments, and their districts' level flag, made up for the test. */
function units(level: 'provincia' | 'distrito'): Units {
  const ids = ['0101', '0102', '0801', '0802', '0803'];
  return {
    level,
    ids,
    names: ids.map((x) => `U${x}`),
    departamentos: ['Amazonas', 'Amazonas', 'Cusco', 'Cusco', 'Cusco'],
    ubigeoDep: ['01', '01', '08', '08', '08'],
    ubigeoProv: ['0101', '0101', '0801', '0801', '0802'],
    provincias: ['A', 'A', 'C', 'C', 'D'],
    values: { pobreza_pct: Float64Array.from([10, 20, 30, 40, 50]), antiguedad_mediana: Float64Array.from([5, 4, 3, 2, NaN]) },
    sql: {},
  };
}

describe('scenario', () => {
  it('every preset is valid and the default one is the GORE maintenance preset', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(3);
    const s = defaultScenario();
    expect(s.presetId).toBe('mantenimiento_gore');
    const gore = PRESETS.find((p) => p.id === 'mantenimiento_gore')!;
    // weight-0 indicators (conflicts) are offered, switched on, but count only once weighted
    expect(activeIndicators(s).map((i) => i.id).sort()).toEqual(gore.indicators.filter((i) => i.weight > 0).map((i) => i.id).sort());
    expect(s.indicators.find((i) => i.id === 'conflictos_por_100k')).toMatchObject({ enabled: true, weight: 0 });
    for (const p of gore.indicators) expect(s.indicators.find((i) => i.id === p.id)!.weight).toBe(p.weight);
  });

  it('is plain data: it survives a JSON round trip unchanged', () => {
    const s = updaters.setWeight(scenarioFromPreset('brecha_acceso'), 'pobreza_pct', 33);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('updaters return new objects and never mutate the old scenario', () => {
    const s = defaultScenario();
    const copy = JSON.parse(JSON.stringify(s));
    const t = updaters.setEnabled(updaters.setWeight(s, 'idh_2019', 0), 'idh_2019', true);
    expect(s).toEqual(copy);
    // turning on an indicator without weight gives it 10 points
    expect(t.indicators.find((i) => i.id === 'idh_2019')).toMatchObject({ enabled: true, weight: 10 });
    expect(updaters.setCoverageThreshold(s, 7).coverageThreshold).toBe(1);
    expect(updaters.setWeight(s, 'pobreza_pct', -5).indicators.find((i) => i.id === 'pobreza_pct')!.weight).toBe(0);
  });

  it('shows weights normalised to 100 %', () => {
    let s = updaters.clearIndicators(defaultScenario());
    s = updaters.setWeight(s, 'pobreza_pct', 30);
    s = updaters.setWeight(s, 'antiguedad_mediana', 10);
    const pct = weightPercentages(s, activeIndicators(s).map((i) => i.id));
    expect(pct.get('pobreza_pct')).toBe(75);
    expect(pct.get('antiguedad_mediana')).toBe(25);
  });

  it('applying a preset keeps the level and scope', () => {
    const s = updaters.setScope(updaters.setLevel(defaultScenario(), 'distrito'), { departamento: '08', provincia: '0801' });
    const t = updaters.applyPreset(s, 'vulnerabilidad_social');
    expect(t.level).toBe('distrito');
    expect(t.scope).toEqual({ departamento: '08', provincia: '0801' });
    expect(t.aggregation).toBe('geometric');
    // back to provinces, the province filter is dropped
    expect(updaters.setLevel(t, 'provincia').scope).toEqual({ departamento: '08', provincia: null });
  });
});

describe('ranking scope', () => {
  it('selects a department, or a province at district level', () => {
    const s = updaters.setScope(defaultScenario(), { departamento: '08', provincia: null });
    expect(Array.from(scopeIndices(units('provincia'), s))).toEqual([2, 3, 4]);
    const d = updaters.setScope(updaters.setLevel(s, 'distrito'), { departamento: '08', provincia: '0801' });
    expect(Array.from(scopeIndices(units('distrito'), d))).toEqual([2, 3]);
  });

  it('gives the same ranking with and without the normalisation cache, across scope changes', () => {
    let s = updaters.clearIndicators(defaultScenario());
    s = updaters.setWeight(updaters.setWeight(s, 'pobreza_pct', 1), 'antiguedad_mediana', 1);
    const u = units('provincia');
    const cache = new NormalisationCache();
    for (const dep of [null, '08', '01', null]) {
      const scoped = updaters.setScope(s, { departamento: dep, provincia: null });
      const a = rankScenario(u, scoped, cache);
      const b = rankScenario(u, scoped);
      expect(Array.from(a.order)).toEqual(Array.from(b.order));
      expect(Array.from(a.score)).toEqual(Array.from(b.score));
    }
  });
});
