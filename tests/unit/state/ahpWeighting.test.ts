import { beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/state/scenario';
import { updaters } from '../../../src/state/scenarioUpdaters';
import { addParticipant, ahpOutcome, removeParticipant, setJudgement, startAhp } from '../../../src/state/ahpWeighting';
import { parseScenario, ScenarioError } from '../../../src/state/scenarioCodec';
import { ahpText } from '../../../src/export/ahpText';
import { scenarioDiff, scenarioFromDiff } from '../../../src/state/scenarioLink';
import { i18next, initI18n } from '../../../src/i18n';
import type { Tr } from '../../../src/export/provenance';

beforeAll(async () => {
  await initI18n('es');
});

describe('AHP weighting in the scenario', () => {
  it('starts from judgements near the current weights, and the group weights become the indicators\' points', () => {
    const s = defaultScenario();
    const weighted = s.indicators.filter((i) => i.enabled && i.weight > 0);
    const a = startAhp(s, 'Planeamiento')!;
    expect(a.indicators).toEqual(weighted.map((i) => i.id));
    expect(a.participants[0].judgements).toHaveLength((weighted.length * (weighted.length - 1)) / 2);
    const next = updaters.startAhp(s, 'Planeamiento');
    const pts = next.indicators.filter((i) => a.indicators.includes(i.id)).map((i) => i.weight);
    expect(pts.reduce((x, y) => x + y, 0)).toBeCloseTo(100, 0);
    // the first indicator weighs the most when it is judged extremely more important than every other
    let b = a;
    for (let k = 0; k < a.indicators.length - 1; k++) b = setJudgement(b, k, 9);
    const after = updaters.setAhp(next, b);
    const w = new Map(after.indicators.map((i) => [i.id, i.weight]));
    expect(Math.max(...a.indicators.map((id) => w.get(id)!))).toBe(w.get(a.indicators[0]));
    // a preset or «empezar de cero» leaves the comparison
    expect(updaters.clearIndicators(after).ahp).toBeNull();
    expect(updaters.applyPreset(after, s.presetId).ahp).toBeNull();
  });

  it('participants: one more starts at «equal», the group lies between, and removing one keeps a valid record', () => {
    const s = defaultScenario();
    let a = startAhp(s, 'A')!;
    for (let k = 0; k < a.participants[0].judgements.length; k++) a = setJudgement(a, k, 9);
    const alone = ahpOutcome(a).group.weights;
    a = addParticipant(a, 'B');
    expect(a.active).toBe(1);
    const o = ahpOutcome(a);
    expect(o.participants[1].weights.every((x) => Math.abs(x - 1 / a.indicators.length) < 1e-9)).toBe(true);
    expect(o.group.weights[0]).toBeLessThan(alone[0]);
    expect(o.group.weights[0]).toBeGreaterThan(1 / a.indicators.length);
    const back = removeParticipant(a, 1);
    expect(back.participants).toHaveLength(1);
    expect(back.active).toBe(0);
  });

  it('travels in the scenario file, and a malformed record is refused with its field', () => {
    const s = updaters.startAhp(defaultScenario(), 'Mesa 1');
    const again = parseScenario(JSON.parse(JSON.stringify(s))).scenario;
    expect(again.ahp).toEqual(s.ahp);
    // and in a share link, with the weights it gave
    const linked = scenarioFromDiff(JSON.parse(JSON.stringify(scenarioDiff(s)))).scenario;
    expect(linked.ahp).toEqual(s.ahp);
    expect(linked.indicators).toEqual(s.indicators);
    // an alias with a DNI or an e-mail in a file or link is dropped, the judgements kept
    const personal = JSON.parse(JSON.stringify(s));
    personal.ahp.participants[0].alias = 'Ana 45678912';
    expect(parseScenario(personal).scenario.ahp?.participants[0]).toEqual({ ...s.ahp!.participants[0], alias: '' });
    personal.ahp.participants[0].alias = 'ana@gore.gob.pe';
    expect(scenarioFromDiff(scenarioDiff(personal)).scenario.ahp?.participants[0].alias).toBe('');
    const bad = JSON.parse(JSON.stringify(s));
    bad.ahp.participants[0].judgements[0] = 12;
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    const short = JSON.parse(JSON.stringify(s));
    short.ahp.participants[0].judgements.pop();
    expect(() => parseScenario(short)).toThrow(ScenarioError);
    // older scenarios have none
    const old = JSON.parse(JSON.stringify(defaultScenario()));
    delete old.ahp;
    expect(parseScenario(old).scenario.ahp).toBeNull();
  });

  it('exports say how the weights were made, with every judgement', () => {
    const s = updaters.startAhp(defaultScenario(), 'Mesa 1');
    const t = i18next.t.bind(i18next) as unknown as Tr;
    const text = ahpText(s.ahp, t, 'es')!;
    expect(text).toContain('Pesos por comparación de pares (AHP, vector propio principal (Saaty)), 1 participante.');
    expect(text).toContain('«Mesa 1» (CR ');
    expect(text.split(' = ').length - 1).toBe(s.ahp!.participants[0].judgements.length);
    expect(ahpText(null, t, 'es')).toBeNull();
  });
});
