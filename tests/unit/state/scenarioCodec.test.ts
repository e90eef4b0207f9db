import { describe, expect, it } from 'vitest';
import { defaultLayers, defaultScenario, scenarioFromPreset } from '../../../src/state/scenario';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { FILE_KIND, ScenarioError, fillLayers, parseScenario, parseScenarioText, scenarioToFile } from '../../../src/state/scenarioCodec';
import { INDICATORS } from '../../../src/domain/indicators';
import { workshopScenario } from './workshopScenario';

const errorKey = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof ScenarioError ? err.key : `other: ${String(err)}`;
  }
  return 'no error';
};

describe('scenario codec', () => {
  it('a scenario file round-trips unchanged', () => {
    const s = workshopScenario();
    const { scenario, warnings } = parseScenarioText(scenarioToFile(s));
    expect(scenario).toEqual(s);
    expect(warnings).toEqual([]);
    expect(JSON.parse(scenarioToFile(s)).kind).toBe(FILE_KIND);
  });

  it('the default scenario is version 2 and carries the app version', () => {
    const s = defaultScenario();
    expect(s.version).toBe(2);
    expect(s.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(s.canvas.ai.addsValue).toBeNull();
  });

  it('applying a preset keeps the workshop canvas', () => {
    const s = updaters.applyPreset(workshopScenario(), 'brecha_acceso');
    expect(s.presetId).toBe('brecha_acceso');
    expect(s.title).toBe('Mesa 3 — Cusco');
    expect(s.canvas.ai.addsValue).toBe('no_sabemos');
  });

  it('migrates a version-1 scenario: same ranking settings, empty canvas', () => {
    const v2 = updaters.setWeight(scenarioFromPreset('brecha_acceso'), 'idh_2019', 12);
    const v1: Record<string, unknown> = { ...v2, version: 1 };
    for (const k of ['title', 'question', 'canvas', 'participants', 'agreements', 'decisions', 'author', 'createdAt', 'updatedAt', 'appVersion', 'dataVersion', 'timeWindow']) delete v1[k];
    const { scenario, warnings } = parseScenario(v1);
    expect(warnings).toEqual([{ key: 'migrated', params: { from: 1 } }]);
    expect(scenario.version).toBe(2);
    expect(scenario.indicators).toEqual(v2.indicators);
    expect(scenario.presetId).toBe('brecha_acceso');
    expect(scenario.canvas.decision).toBe('');
    expect(scenario.participants).toEqual([]);
  });

  it('gives typed errors for malformed, foreign, newer and out-of-range input', () => {
    expect(errorKey(() => parseScenarioText('{"kind": "territorio.scenario", '))).toBe('malformedJson');
    expect(errorKey(() => parseScenarioText('[1, 2, 3]'))).toBe('notScenario');
    expect(errorKey(() => parseScenarioText('{"type": "FeatureCollection", "features": []}'))).toBe('notScenario');
    expect(errorKey(() => parseScenario({ kind: 'otra.app', scenario: defaultScenario() }))).toBe('notScenario');
    expect(errorKey(() => parseScenario({ kind: FILE_KIND, scenario: { ...defaultScenario(), version: 3 } }))).toBe('newerVersion');
    const heavy = updaters.setWeight(defaultScenario(), 'pobreza_pct', 5);
    heavy.indicators.find((i) => i.id === 'pobreza_pct')!.weight = 5000;
    expect(errorKey(() => parseScenario(heavy))).toBe('invalidWeight');
    const negative = JSON.parse(JSON.stringify(defaultScenario()).replace('"weight":25', '"weight":-3'));
    expect(errorKey(() => parseScenario(negative))).toBe('invalidWeight');
    expect(errorKey(() => parseScenario({ ...defaultScenario(), level: 'region' }))).toBe('invalidField');
    expect(errorKey(() => parseScenario({ ...defaultScenario(), scope: { departamento: 'Cusco', provincia: null } }))).toBe('invalidField');
    // an unknown department, or a province of another department, would rank nothing
    expect(errorKey(() => parseScenario({ ...defaultScenario(), scope: { departamento: '99', provincia: null } }))).toBe('invalidField');
    expect(errorKey(() => parseScenario({ ...defaultScenario(), scope: { departamento: '00', provincia: null } }))).toBe('invalidField');
    expect(errorKey(() => parseScenario({ ...defaultScenario(), level: 'distrito', scope: { departamento: '08', provincia: '0701' } }))).toBe('invalidField');
    expect(parseScenario({ ...defaultScenario(), level: 'distrito', scope: { departamento: '25', provincia: '2501' } }).scenario.scope.provincia).toBe('2501');
    expect(errorKey(() => parseScenario({ ...defaultScenario(), canvas: { ai: { addsValue: 'quizás' } } }))).toBe('invalidField');
  });

  it('drops unknown indicators with a warning and fills the ones it lacks', () => {
    const s = defaultScenario();
    const raw = { ...s, indicators: [...s.indicators.slice(2), { id: 'indicador_inventado', weight: 10, enabled: true, direction: 'up' }] };
    const { scenario, warnings } = parseScenario(raw);
    expect(warnings).toEqual([{ key: 'unknownIndicators', params: { ids: 'indicador_inventado' } }]);
    expect(scenario.indicators.map((i) => i.id)).toEqual(INDICATORS.map((d) => d.id));
    expect(scenario.indicators[0]).toMatchObject({ enabled: false, weight: 0 });
  });

  it('fills missing layers from the defaults and keeps unknown ones out', () => {
    const given = { choropleth: { visible: false, opacity: 0.5 }, capa_futura: { visible: true }, facilities: { minAge: 20, categories: ['II'], opacity: 7 } };
    const layers = fillLayers(given) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(layers).sort()).toEqual(Object.keys(defaultLayers()).sort());
    expect(layers.choropleth).toEqual({ visible: false, opacity: 0.5 });
    expect(layers.facilities).toMatchObject({ minAge: 20, categories: ['II'], opacity: 1, visible: false });
    expect(layers.basemap).toEqual(defaultLayers().basemap);
    // a wrong type falls back to the default
    expect((fillLayers({ basemap: { visible: 'yes' } }) as unknown as Record<string, { visible: unknown }>).basemap.visible).toBe(true);
  });
});

describe('scenario codec: nested layer settings', () => {
  it('fills nested objects of a layer key by key', () => {
    const d = defaultLayers() as unknown as Record<string, Record<string, unknown>>;
    const nested = Object.entries(d).find(([, layer]) => Object.values(layer).some((v) => typeof v === 'object' && v !== null && !Array.isArray(v)));
    if (!nested) return; // no layer has nested settings (yet)
    const [name, layer] = nested;
    const [prop, value] = Object.entries(layer).find(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v))!;
    const filled = fillLayers({ [name]: { [prop]: { bogus: 1 } } }) as unknown as Record<string, Record<string, unknown>>;
    expect(filled[name][prop]).toEqual(value);
  });
});

describe('layer values out of range or of the wrong kind (a crafted link)', () => {
  it('brings each into what the controls allow', () => {
    const l = fillLayers({
      facilities: { visible: true, institutions: 5, minAge: ['x'], maxAge: 1e9, categories: ['I-1', 'zzz'] },
      places: { category: 'zzz', thresholdKm: -5, colourBy: 'rainbow' },
      hotspots: { alpha: 7, permutations: 1e9, seed: -3 },
      conflictHeatmap: { radiusPx: 1e6, windowKind: 'siglo', weights: { activo: 99, latente: -1 } },
    });
    expect(l.facilities).toMatchObject({ visible: true, institutions: null, minAge: null, maxAge: 250, categories: ['I-1'] });
    expect(l.places).toMatchObject({ category: 'any', thresholdKm: 5, colourBy: 'threshold' });
    expect(l.hotspots).toMatchObject({ alpha: 0.05, permutations: 9999, seed: 1 });
    expect(l.conflictHeatmap).toMatchObject({ radiusPx: 120, windowKind: 'todo' });
    expect(l.conflictHeatmap.weights).toMatchObject({ activo: 10, latente: 0 });
  });

  it("decodes the hot spots' multiple-testing correction, 'none' when absent or unknown", () => {
    expect(defaultLayers().hotspots.correction).toBe('none');
    // A scenario saved before the field existed.
    expect(fillLayers({ hotspots: { visible: true, alpha: 0.1, permutations: 999, seed: 7 } }).hotspots)
      .toEqual({ visible: true, opacity: 0.85, alpha: 0.1, permutations: 999, seed: 7, correction: 'none' });
    expect(fillLayers({ hotspots: { correction: 'fdr', permutations: 9999 } }).hotspots).toMatchObject({ correction: 'fdr', permutations: 9999 });
    expect(fillLayers({ hotspots: { correction: 'bonferroni' } }).hotspots.correction).toBe('none');
    expect(fillLayers({ hotspots: { correction: 1 } }).hotspots.correction).toBe('none');
    // And through a whole file.
    const s = defaultScenario();
    const withFdr = { ...s, layers: { ...s.layers, hotspots: { ...s.layers.hotspots, correction: 'fdr' as const, permutations: 9999 } } };
    expect(parseScenarioText(scenarioToFile(withFdr)).scenario.layers.hotspots).toMatchObject({ correction: 'fdr', permutations: 9999 });
  });
});

describe('scenario codec: what each refusal names (the schema validation)', () => {
  const errorOf = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      if (err instanceof ScenarioError) return { key: err.key, params: err.params };
      throw err;
    }
    return null;
  };
  const withIndicator = (k: number, patch: Record<string, unknown> | number) => {
    const s = defaultScenario() as unknown as { indicators: unknown[] };
    s.indicators[k] = typeof patch === 'number' ? patch : { ...(s.indicators[k] as object), ...patch };
    return s;
  };
  const field = (f: string) => ({ key: 'invalidField', params: { field: f } });

  it.each<[string, () => unknown, unknown]>([
    ['level', () => ({ ...defaultScenario(), level: 'region' }), field('level')],
    ['a missing required field', () => ({ ...defaultScenario(), aggregation: undefined }), field('aggregation')],
    ['scope that is not an object', () => ({ ...defaultScenario(), scope: [] }), field('scope')],
    ['scope.departamento', () => ({ ...defaultScenario(), scope: { departamento: 'Cusco', provincia: null } }), field('scope.departamento')],
    ['scope.provincia', () => ({ ...defaultScenario(), scope: { departamento: '08', provincia: 801 } }), field('scope.provincia')],
    ['canvas.ai.addsValue', () => ({ ...defaultScenario(), canvas: { ai: { addsValue: 'quizás' } } }), field('canvas.ai.addsValue')],
    ['a text too long', () => ({ ...defaultScenario(), agreements: 'x'.repeat(20_001) }), field('agreements')],
    ['a participant that is not text', () => ({ ...defaultScenario(), participants: ['Ana', 7] }), field('participants[1]')],
    ['createdAt', () => ({ ...defaultScenario(), createdAt: 'ayer' }), field('createdAt')],
    ['timeWindow.from', () => ({ ...defaultScenario(), timeWindow: { from: '13/05/2024', to: null } }), field('timeWindow.from')],
    ['an indicator that is not an object', () => withIndicator(2, 5), field('indicators[2]')],
    ['an indicator without id', () => withIndicator(2, { id: 7 }), field('indicators[2].id')],
    ['indicators[k].direction', () => withIndicator(1, { direction: 'sideways' }), field('indicators[1].direction')],
    ['indicators[k].enabled', () => withIndicator(1, { enabled: 'yes' }), field('indicators[1].enabled')],
    ['an unknown method kind', () => withIndicator(0, { method: { kind: 'log' } }), field('indicators[0].method.kind')],
    ['a method that is not an object', () => withIndicator(0, { method: 'zscore' }), field('indicators[0].method')],
    ['method.target out of range', () => withIndicator(0, { method: { kind: 'target', target: 1e13 } }), field('indicators[0].method.target')],
    ['method.max missing', () => withIndicator(0, { method: { kind: 'goalposts', min: 0 } }), field('indicators[0].method.max')],
    ['winsorise.upper out of range', () => withIndicator(0, { winsorise: { lower: 0.1, upper: 2 } }), field('indicators[0].winsorise.upper')],
    ['winsorise lower ≥ upper', () => withIndicator(0, { winsorise: { lower: 0.9, upper: 0.1 } }), field('indicators[0].winsorise')],
    ['coverageThreshold', () => ({ ...defaultScenario(), coverageThreshold: 2 }), field('coverageThreshold')],
    ['classes', () => ({ ...defaultScenario(), classes: null }), field('classes')],
    ['classes.kind', () => ({ ...defaultScenario(), classes: { kind: 'jenks', count: 5 } }), field('classes.kind')],
    ['classes.count (a crafted link)', () => ({ ...defaultScenario(), classes: { kind: 'equal', count: 99 } }), field('classes.count')],
    ['classes.indicator (markup in a crafted link)', () => ({ ...defaultScenario(), classes: { kind: 'indicator', count: 5, indicator: '<img src=x>' } }), field('classes.indicator')],
    ['classes.indicator missing', () => ({ ...defaultScenario(), classes: { kind: 'indicator', count: 5 } }), field('classes.indicator')],
    ['topN (a crafted link)', () => ({ ...defaultScenario(), topN: 1e9 }), field('topN')],
    ['a weight too large', () => withIndicator(3, { weight: 5000 }), { key: 'invalidWeight', params: { id: INDICATORS[3].id, weight: '5000', max: 1000 } }],
    ['a weight that is not a number', () => withIndicator(3, { weight: '12' }), { key: 'invalidWeight', params: { id: INDICATORS[3].id, weight: '12', max: 1000 } }],
    ['a missing weight', () => withIndicator(3, { weight: undefined }), { key: 'invalidWeight', params: { id: INDICATORS[3].id, weight: 'undefined', max: 1000 } }],
  ])('%s', (_, input, expected) => {
    expect(errorOf(() => parseScenario(JSON.parse(JSON.stringify(input()) ?? 'null')))).toEqual(expected);
  });

  it('a map of one indicator survives the round trip, a user indicator\'s id included', () => {
    for (const indicator of ['poblacion_2022', 'u_0e60e4a1_indice_de_brecha_mean']) {
      const s = { ...defaultScenario(), classes: { kind: 'indicator' as const, count: 4, indicator } };
      expect(parseScenario(JSON.parse(JSON.stringify(s))).scenario.classes).toEqual({ kind: 'indicator', count: 4, indicator });
    }
  });

  it('the first refusal follows the order of the scenario fields', () => {
    expect(errorOf(() => parseScenario({ ...defaultScenario(), title: 5, level: 'region' }))).toEqual(field('title'));
    expect(errorOf(() => parseScenario({ ...defaultScenario(), level: 'region', topN: -1 }))).toEqual(field('level'));
  });

  it('an unknown indicator is dropped without checking its other fields', () => {
    const s = defaultScenario();
    const { warnings } = parseScenario({ ...s, indicators: [...s.indicators, { id: 'futuro', weight: 'mucho', method: 3 }] });
    expect(warnings).toEqual([{ key: 'unknownIndicators', params: { ids: 'futuro' } }]);
  });

  it('keeps the key order of a scenario (the store and links compare JSON text)', () => {
    const s = workshopScenario();
    s.indicators[0] = { ...s.indicators[0], method: { kind: 'goalposts', min: 0, max: 10 }, winsorise: { lower: 0.05, upper: 0.95 } };
    expect(JSON.stringify(parseScenario(JSON.parse(JSON.stringify(s))).scenario)).toBe(JSON.stringify(s));
    const bare = parseScenario({ version: 2, presetId: s.presetId, level: 'provincia', scope: {}, indicators: [], aggregation: 'arithmetic', missing: 'reweight' }).scenario;
    expect(Object.keys(bare)).toEqual(Object.keys(defaultScenario()));
    expect(Object.keys(bare.canvas)).toEqual(Object.keys(defaultScenario().canvas));
  });

  it('fills what may be left out, and tolerates what is not essential', () => {
    const bare = { version: 2, presetId: 'no_existe', level: 'provincia', scope: { departamento: '08', provincia: '0801' }, indicators: [], aggregation: 'arithmetic', missing: 'reweight' };
    const { scenario } = parseScenario({ ...bare, canvas: 'x', timeWindow: { from: '', to: '2024-05' }, topN: 12.6, classes: { kind: 'quantile', count: 4.4 }, coverageThreshold: null });
    expect(scenario.presetId).toBe(defaultScenario().presetId);
    expect(scenario.scope).toEqual({ departamento: '08', provincia: null }); // a province only at district level
    expect(scenario.canvas).toEqual(defaultScenario().canvas);
    expect(scenario.timeWindow).toEqual({ from: null, to: '2024-05' });
    expect(scenario).toMatchObject({ topN: 13, classes: { kind: 'quantile', count: 4 }, coverageThreshold: 0.65, dataVersion: null, participants: [] });
    expect(scenario.layers).toEqual(defaultLayers());
    expect(scenario.indicators.every((i) => !i.enabled && i.weight === 0 && i.method.kind === 'minmax' && i.winsorise === null)).toBe(true);
    expect(parseScenario({ ...bare, level: 'distrito' }).scenario.scope.provincia).toBe('0801');
  });
});
