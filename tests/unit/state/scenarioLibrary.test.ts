import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/state/scenario';
import { MemoryRepository, ScenarioLibrary } from '../../../src/state/scenarioLibrary';
import { ScenarioError, scenarioToFile } from '../../../src/state/scenarioCodec';
import { workshopScenario } from './workshopScenario';

function library() {
  let tick = 0;
  const repo = new MemoryRepository();
  const lib = new ScenarioLibrary(repo, () => new Date(Date.UTC(2026, 4, 1, 10, tick++)).toISOString());
  return { repo, lib };
}

describe('scenario library', () => {
  it('saves, lists newest first, renames, duplicates and deletes', async () => {
    const { lib } = library();
    const a = await lib.save({ ...defaultScenario(), title: 'A' });
    const b = await lib.save(workshopScenario());
    expect((await lib.list()).entries.map((e) => e.name)).toEqual([b.name, 'A']);
    const renamed = await lib.rename(a, 'A bis');
    expect(renamed.id).toBe(a.id);
    const copy = await lib.duplicate(b, 'Copia');
    expect(copy.id).not.toBe(b.id);
    expect(copy.scenario.canvas).toEqual(b.scenario.canvas);
    expect((await lib.list()).entries.map((e) => e.name)).toEqual(['Copia', 'A bis', b.name]);
    await lib.remove(a.id);
    expect((await lib.list()).entries).toHaveLength(2);
  });

  it('a bad import writes nothing and the saved scenarios stay readable', async () => {
    const { repo, lib } = library();
    await lib.save(workshopScenario());
    const before = JSON.stringify([...repo.records.values()]);
    for (const text of ['{ roto', '{"kind":"territorio.scenario","scenario":{"version":9,"presetId":"x","indicators":[]}}']) {
      await expect(lib.importText(text, 'x')).rejects.toBeInstanceOf(ScenarioError);
    }
    expect(JSON.stringify([...repo.records.values()])).toBe(before);
    const { entry } = await lib.importText(scenarioToFile({ ...defaultScenario(), title: '' }), 'Importado');
    expect(entry.name).toBe('Importado');
    expect((await lib.list()).entries).toHaveLength(2);
  });

  it('an unreadable stored record is counted, not thrown or deleted', async () => {
    const { repo, lib } = library();
    await lib.save(workshopScenario());
    repo.records.set('roto', { id: 'roto', scenario: { nada: 1 } });
    const { entries, unreadable } = await lib.list();
    expect(entries).toHaveLength(1);
    expect(unreadable).toBe(1);
    expect(repo.records.has('roto')).toBe(true);
  });
});
