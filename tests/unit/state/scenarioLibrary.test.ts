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
    await lib.remove(renamed);
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

  it('two tabs: a save over an entry another tab saved since is refused, and nothing is overwritten', async () => {
    const { repo, lib } = library();
    const saved = await lib.save({ ...defaultScenario(), title: 'Mesa 1' });
    // both tabs opened revision 1
    const tabA = { id: saved.id, revision: saved.revision };
    const tabB = { id: saved.id, revision: saved.revision };
    const a2 = await lib.save({ ...defaultScenario(), title: 'Mesa 1', topN: 5 }, tabA);
    expect(a2.revision).toBe(2);
    const refused = lib.save({ ...defaultScenario(), title: 'Mesa 1', topN: 3 }, tabB);
    await expect(refused).rejects.toMatchObject({ key: 'staleSave', params: { name: 'Mesa 1' } });
    expect((await lib.list()).entries[0].scenario.topN).toBe(5);
    // tab B keeps its version as a copy; the original is untouched
    const copy = await lib.save({ ...defaultScenario(), title: 'Mesa 1 (copia)', topN: 3 });
    expect((await lib.list()).entries.map((e) => [e.name, e.scenario.topN])).toEqual([
      ['Mesa 1 (copia)', 3],
      ['Mesa 1', 5],
    ]);
    expect(copy.id).not.toBe(saved.id);
    expect(repo.records.size).toBe(2);
  });

  it('a deleted scenario stays deleted: a stale tab cannot save it back', async () => {
    const { lib } = library();
    const saved = await lib.save({ ...defaultScenario(), title: 'Borrar' });
    await lib.remove(saved);
    expect((await lib.list()).entries).toHaveLength(0);
    expect((await lib.list()).unreadable).toBe(0); // a tombstone is not an unreadable record
    await expect(lib.save({ ...defaultScenario(), title: 'Borrar' }, saved)).rejects.toMatchObject({ key: 'deletedElsewhere' });
    expect((await lib.list()).entries).toHaveLength(0);
    // deleting it again from the other tab is fine
    await expect(lib.remove(saved)).resolves.toBeUndefined();
  });

  it('records saved before revisions existed are read and updated as revision 0', async () => {
    const { repo, lib } = library();
    repo.records.set('viejo', { id: 'viejo', savedAt: '2026-05-01T10:00:00.000Z', scenario: { ...defaultScenario(), title: 'Viejo' } });
    const [old] = (await lib.list()).entries;
    expect(old.revision).toBe(0);
    const r = await lib.rename(old, 'Nuevo');
    expect(r.revision).toBe(1);
  });

  it('says whether saving lasts: the memory fallback does not', () => {
    expect(library().lib.persistent).toBe(false);
  });
});
