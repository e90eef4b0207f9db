import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, scenarioToFile } from '../../../src/state/scenarioCodec';
import { defaultScenario } from '../../../src/state/scenario';
import { scenarioDiff, scenarioFromDiff } from '../../../src/state/scenarioLink';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { defaultDefinitions, previousDefinitions, unitsKey } from '../../../src/domain/universe';

// Issue 12: the scenario's `definitions` in files and links.
describe('scenario definitions (facility universe and rules)', () => {
  it('the GORE preset counts the regional governments\' facilities, with the stated rules', () => {
    const s = defaultScenario();
    expect(s.definitions).toEqual(defaultDefinitions(['gore']));
    expect(s.definitions.emergencyNumerator).toBe('universo');
    expect(s.definitions.emergencyZeros).toBe('sin_reporte');
    expect(s.definitions.dates).toBe('sin_alertas');
    // the other presets count every institution
    expect(updaters.applyPreset(s, 'brecha_acceso').definitions.universe.institutions).toHaveLength(7);
  });

  it('survives a file and a link unchanged', () => {
    const s = updaters.setDefinitions(defaultScenario(), { universe: { institutions: ['minsa'], categories: ['II', 'III'] }, referenceYear: 2025 });
    expect(parseScenarioText(scenarioToFile(s)).scenario.definitions).toEqual(s.definitions);
    const diff = scenarioDiff(s);
    expect(scenarioFromDiff(JSON.parse(JSON.stringify(diff))).scenario.definitions).toEqual(s.definitions);
    // unchanged definitions do not lengthen a link
    expect(JSON.stringify(scenarioDiff(defaultScenario()))).not.toContain('definitions');
  });

  it('opens a scenario saved before issue 12 with the definitions it was made with (same ranking)', () => {
    const old = JSON.parse(scenarioToFile(defaultScenario())) as { scenario: Record<string, unknown> };
    delete old.scenario.definitions;
    expect(parseScenario(old).scenario.definitions).toEqual(previousDefinitions());
  });

  it('drops unknown groups and brings bad values back to the previous definitions\' instead of refusing the file', () => {
    const f = JSON.parse(scenarioToFile(defaultScenario())) as { scenario: Record<string, unknown> };
    f.scenario.definitions = { universe: { institutions: ['minsa', 'marte'], categories: 'x' }, emergencyZeros: 'quizás', dates: 'sin_implausibles', referenceYear: 99999 };
    const d = parseScenario(f).scenario.definitions;
    expect(d.universe.institutions).toEqual(['minsa']);
    expect(d.universe.categories).toEqual(previousDefinitions().universe.categories);
    expect(d.emergencyZeros).toBe('cero');
    expect(d.emergencyNumerator).toBe('todos');
    expect(d.dates).toBe('sin_implausibles');
    expect(d.referenceYear).toBe(previousDefinitions().referenceYear);
    // a file saved before the rule for implausible SUSALUD rows keeps every row, as it was ranked
    expect(d.emergencyOutliers).toBe('incluir');
    f.scenario.definitions = { emergencyOutliers: 'recortar' };
    expect(parseScenario(f).scenario.definitions.emergencyOutliers).toBe('recortar');
  });

  it('keys the SQL: the order of the groups does not matter, every rule does', () => {
    const a = defaultDefinitions(['minsa', 'gore']);
    const b = defaultDefinitions(['gore', 'minsa']);
    expect(unitsKey(a)).toBe(unitsKey(b));
    expect(unitsKey({ ...a, emergencyOutliers: 'recortar' })).not.toBe(unitsKey(a));
    expect(unitsKey({ ...a, dates: 'todas' })).not.toBe(unitsKey(a));
    expect(unitsKey({ ...a, referenceYear: 2025 })).not.toBe(unitsKey(a));
    expect(unitsKey({ ...a, emergencyZeros: 'cero' })).not.toBe(unitsKey(a));
  });
});
