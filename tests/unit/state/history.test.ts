import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, emptyHistory, record, redo, undo } from '../../../src/state/history';
import { defaultScenario, type Scenario } from '../../../src/state/scenario';

const at = (topN: number): Scenario => ({ ...defaultScenario(), topN });

describe('undo history (pure)', () => {
  it('undoes and redoes in order, and a new change clears what could be redone', () => {
    let h = emptyHistory();
    h = record(h, at(1), null, 0);
    h = record(h, at(2), null, 10);
    const u1 = undo(h, at(3))!;
    expect(u1.scenario.topN).toBe(2);
    const u2 = undo(u1.history, u1.scenario)!;
    expect(u2.scenario.topN).toBe(1);
    expect(undo(u2.history, u2.scenario)).toBeNull();
    const r1 = redo(u2.history, u2.scenario)!;
    expect(r1.scenario.topN).toBe(2);
    const after = record(r1.history, r1.scenario, null, 20);
    expect(after.future).toEqual([]);
    expect(redo(after, at(9))).toBeNull();
  });

  it('coalesces a drag (same key, events closer than COALESCE_MS) into one step, and splits after a pause', () => {
    let h = emptyHistory();
    h = record(h, at(1), 'weight:a', 0);
    h = record(h, at(2), 'weight:a', COALESCE_MS - 1);
    h = record(h, at(3), 'weight:a', 2 * COALESCE_MS - 2);
    expect(h.past.map((s) => s.topN)).toEqual([1]);
    h = record(h, at(4), 'weight:b', 2 * COALESCE_MS);
    expect(h.past.map((s) => s.topN)).toEqual([1, 4]);
    h = record(h, at(5), 'weight:b', 4 * COALESCE_MS);
    expect(h.past.map((s) => s.topN)).toEqual([1, 4, 5]);
    // a null key never coalesces
    h = record(h, at(6), null, 4 * COALESCE_MS + 1);
    h = record(h, at(7), null, 4 * COALESCE_MS + 2);
    expect(h.past).toHaveLength(5);
  });

  it('an undo ends a gesture: the next move of the same slider is a new step', () => {
    let h = record(emptyHistory(), at(1), 'topN', 0);
    const u = undo(h, at(2))!;
    h = record(u.history, u.scenario, 'topN', 1);
    expect(h.past).toHaveLength(1);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) h = record(h, at(i), null, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0].topN).toBe(50);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
  });
});
