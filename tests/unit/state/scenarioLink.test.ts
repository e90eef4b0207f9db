import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/state/scenario';
import { ScenarioError } from '../../../src/state/scenarioCodec';
import { decodeScenarioLink, encodeScenarioLink, linkParam, scenarioDiff, scenarioFromDiff, scenarioLink } from '../../../src/state/scenarioLink';
import { workshopScenario } from './workshopScenario';

describe('scenario link', () => {
  it('round-trips a workshop scenario through the compressed hash', async () => {
    const s = workshopScenario();
    const param = await encodeScenarioLink(s);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    const { scenario } = await decodeScenarioLink(param);
    expect(scenario).toEqual(s);
  });

  it('a typical workshop scenario makes a link under 2,000 characters', async () => {
    const url = await scenarioLink(workshopScenario(), 'https://territorio.example.gob.pe/app/index.html');
    expect(url.length).toBeLessThan(2000);
    expect(linkParam(new URL(url).hash)).not.toBeNull();
  });

  it('encodes only the differences from the preset', () => {
    const diff = scenarioDiff(defaultScenario());
    expect(diff.i).toBeUndefined();
    expect(diff.l).toBeUndefined();
    const w = scenarioDiff(workshopScenario());
    expect(w.i).toEqual([{ id: 'pobreza_pct', weight: 35 }]);
    expect(w.l).toEqual({ facilities: { visible: true, minAge: 30 } });
    expect(scenarioFromDiff(JSON.parse(JSON.stringify(w))).scenario).toEqual(workshopScenario());
  });

  it('refuses a damaged link with a typed error', async () => {
    const param = await encodeScenarioLink(workshopScenario());
    for (const bad of [param.slice(0, 20), 'no es base64!', 'AAAA']) {
      await expect(decodeScenarioLink(bad)).rejects.toBeInstanceOf(ScenarioError);
    }
    expect(linkParam('#x=1')).toBeNull();
  });
});
