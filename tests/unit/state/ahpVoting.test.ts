import { describe, expect, it } from 'vitest';
import {
  addParticipantFromCode,
  ahpOutcome,
  judgementsFromPoints,
  participantCode,
  ParticipantCodeError,
  indicatorsHash,
  setPoints,
  type AhpWeighting,
} from '../../../src/state/ahpWeighting';
import { parseScenario } from '../../../src/state/scenarioCodec';
import { defaultScenario } from '../../../src/state/scenario';

const base = (): AhpWeighting => ({
  indicators: ['pobreza_pct', 'antiguedad_mediana', 'establecimientos_por_10k'],
  method: 'eigenvector',
  group: 'judgements',
  participants: [{ alias: 'Planeamiento', judgements: [1, 1, 1] }],
  active: 0,
});

const problem = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof ParticipantCodeError) return e.problem;
    throw e;
  }
};

describe('voting with points to share out (issue 20)', () => {
  it('gives a points participant exactly their points as weights, with a consistent matrix', () => {
    const a = setPoints(base(), [50, 30, 20]);
    const o = ahpOutcome(a);
    expect(o.participants[0].weights).toEqual([0.5, 0.3, 0.2]);
    expect(o.participants[0].consistency.cr).toBeCloseTo(0, 9);
    expect(a.participants[0].judgements[1]).toBeCloseTo(2.5, 12);
  });

  it('bounds a zero against a positive to Saaty’s 9, and two zeros to equal', () => {
    expect(judgementsFromPoints([60, 40, 0])).toEqual([1.5, 9, 9]);
    expect(judgementsFromPoints([0, 0, 10])).toEqual([1, 1 / 9, 1 / 9]);
    expect(ahpOutcome(setPoints(base(), [60, 40, 0])).participants[0].weights).toEqual([0.6, 0.4, 0]);
  });

  it('aggregates two points participants as computed by hand', () => {
    let a = setPoints(base(), [50, 30, 20]);
    a = { ...a, participants: [...a.participants, { alias: 'Mesa 2', judgements: [1, 1, 1] }], active: 1 };
    a = setPoints(a, [20, 30, 50]);
    // mean of the weights: (0.5 + 0.2) / 2, (0.3 + 0.3) / 2, (0.2 + 0.5) / 2
    const mean = ahpOutcome({ ...a, group: 'weights' }).group.weights;
    expect(mean[0]).toBeCloseTo(0.35, 12);
    expect(mean[1]).toBeCloseTo(0.3, 12);
    // geometric mean of the judgements: weights ∝ √(w_A·w_B) = √0.10, √0.09, √0.10
    const g = ahpOutcome(a).group.weights;
    const v = [Math.sqrt(0.1), 0.3, Math.sqrt(0.1)];
    const sum = v.reduce((x, y) => x + y);
    g.forEach((w, k) => expect(w).toBeCloseTo(v[k] / sum, 9));
    expect(g[0]).toBeCloseTo(0.33913, 5);
  });

  it('goes back to pairs from the nearest scale values, and the codec keeps points', () => {
    const a = setPoints(base(), [50, 30, 20]);
    expect(setPoints(a, null).participants[0]).toEqual({ alias: 'Planeamiento', judgements: [2, 3, 2] });
    const s = { ...defaultScenario(), ahp: a };
    expect(parseScenario(JSON.parse(JSON.stringify(s))).scenario.ahp?.participants[0].points).toEqual([50, 30, 20]);
    expect(() => parseScenario(JSON.parse(JSON.stringify({ ...s, ahp: setPoints(base(), [0, 0, 0]) })))).toThrow();
  });
});

describe('participant codes for separate devices (issue 20)', () => {
  it('carries a participant to another device and back, accents intact', () => {
    const theirs = { ...base(), participants: [{ alias: 'Mesa 2 — Salud', judgements: [3, 1 / 5, 1 / 7] }] };
    const code = participantCode(theirs, 0);
    expect(code).toMatch(/^TERRITORIO-AHP2\.[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(120);
    const group = addParticipantFromCode(base(), code);
    expect(group.participants).toHaveLength(2);
    expect(group.participants[1]).toEqual({ alias: 'Mesa 2 — Salud', judgements: [3, 1 / 5, 1 / 7] });
    expect(group.active).toBe(1);
    // a corrected code from the same alias replaces that participant's answers
    const again = addParticipantFromCode(group, participantCode({ ...theirs, participants: [{ alias: 'Mesa 2 — Salud', judgements: [1, 1, 1] }] }, 0));
    expect(again.participants).toHaveLength(2);
    expect(again.participants[1].judgements).toEqual([1, 1, 1]);
    // with line breaks and spaces from a chat message
    expect(addParticipantFromCode(base(), code.replace(/(.{20})/g, '$1\n ')).participants).toHaveLength(2);
  });

  it('stays short: under 200 characters for ten indicators, every judgement back on Saaty\'s scale', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `indicador_${i}`);
    const scale = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];
    const judgements = Array.from({ length: 45 }, (_, k) => scale[k % scale.length]);
    const theirs: AhpWeighting = { ...base(), indicators: ids, participants: [{ alias: 'Mesa 12 — Planeamiento y Presupuesto', judgements }] };
    const code = participantCode(theirs, 0);
    expect(code.length).toBeLessThan(200);
    const mine: AhpWeighting = { ...theirs, participants: [{ alias: 'Facilitación', judgements: new Array(45).fill(1) }] };
    expect(addParticipantFromCode(mine, code).participants[1].judgements).toEqual(judgements);
  });

  it('carries points', () => {
    const theirs = setPoints({ ...base(), participants: [{ alias: 'Mesa 3', judgements: [1, 1, 1] }] }, [10, 10, 80]);
    const group = addParticipantFromCode(base(), participantCode(theirs, 0));
    expect(ahpOutcome(group).participants[1].weights).toEqual([0.1, 0.1, 0.8]);
  });

  it('refuses what is not a code, another comparison, a damaged code and an alias with personal data', () => {
    expect(problem(() => addParticipantFromCode(base(), 'hola'))).toBe('notACode');
    const other = participantCode({ ...base(), indicators: ['pobreza_pct', 'nbi_pct', 'idh_2019'] }, 0);
    expect(problem(() => addParticipantFromCode(base(), other))).toBe('otherIndicators');
    const code = participantCode(base(), 0);
    expect(problem(() => addParticipantFromCode(base(), code.slice(0, -6)))).toBe('invalid');
    const dni = participantCode({ ...base(), participants: [{ alias: 'Ana 45678912', judgements: [1, 1, 1] }] }, 0);
    expect(problem(() => addParticipantFromCode(base(), dni))).toBe('personalAlias');
    // a judgement off Saaty's scale
    const forge = (body: object) => 'TERRITORIO-AHP2.' + btoa(JSON.stringify({ h: indicatorsHash(base().indicators), n: 3, a: 'X', ...body })).replace(/=+$/, '');
    expect(problem(() => addParticipantFromCode(base(), forge({ j: 'aaa' })))).toBeNull();
    expect(problem(() => addParticipantFromCode(base(), forge({ j: 'azz' })))).toBe('invalid'); // off Saaty's scale
    expect(problem(() => addParticipantFromCode(base(), forge({ j: 'aa' })))).toBe('invalid'); // a pair missing
    expect(problem(() => addParticipantFromCode(base(), forge({ p: [0, 0, 0] })))).toBe('invalid');
  });
});
