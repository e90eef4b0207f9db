import type { Scenario } from './scenario';
import { parseScenario, parseScenarioText, ScenarioError, type ScenarioWarning } from './scenarioCodec';

/**
 * Saved scenarios. A tiny repository interface (after PMTiles' Source) with two implementations:
 * IndexedDB in the browser, memory in tests. The library on top validates everything it writes
 * and reads, so a bad import never reaches the stored ones.
 */
export interface StoredScenario {
  id: string;
  /** ISO 8601 */
  savedAt: string;
  /**
   * Counts the writes to this id (records saved before revisions existed count as 0). A tab
   * saves over an entry only if it still holds the revision it opened: two tabs never silently
   * overwrite each other.
   */
  revision?: number;
  scenario?: Scenario;
  /** A deleted entry stays as a tombstone, so a stale tab cannot bring it back by saving. */
  deleted?: true;
}

/** What a conditional write found: written, or the record that is there now. */
export type PutResult = { ok: true } | { ok: false; current: unknown };

export interface ScenarioRepository {
  all(): Promise<unknown[]>;
  /** Writes `record` only if the stored revision of its id is `expected` (null: the id must be new; undefined: no check). */
  putIf(record: StoredScenario, expected: number | null | undefined): Promise<PutResult>;
  /** False for the in-memory fallback: nothing survives a reload. */
  readonly persistent: boolean;
}

const revisionOf = (r: unknown): number | null =>
  r === undefined ? null : typeof (r as StoredScenario).revision === 'number' ? (r as StoredScenario).revision! : 0;
/** The conditional-write rule, shared by both repositories. */
const mayWrite = (current: unknown, expected: number | null | undefined) => expected === undefined || revisionOf(current) === expected;

export class MemoryRepository implements ScenarioRepository {
  readonly persistent = false;
  readonly records = new Map<string, unknown>();
  async all() {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
  async putIf(record: StoredScenario, expected: number | null | undefined): Promise<PutResult> {
    const current = this.records.get(record.id);
    if (!mayWrite(current, expected)) return { ok: false, current: structuredClone(current) };
    this.records.set(record.id, structuredClone(record));
    return { ok: true };
  }
}

const DB_NAME = 'territorio';
const STORE = 'scenarios';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** IndexedDB: one object store, records keyed by id. */
export class IndexedDbRepository implements ScenarioRepository {
  readonly persistent = true;
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      r.onsuccess = () => {
        // the browser may close the connection (storage pressure, deletion): open again next time
        r.result.onclose = () => {
          this.db = null;
        };
        resolve(r.result);
      };
      r.onerror = () => reject(r.error);
    });
    // a failed open is not cached: the next call tries again
    this.db.catch(() => {
      this.db = null;
    });
    return this.db;
  }

  private async tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open();
    const t = db.transaction(STORE, mode);
    const req = run(t.objectStore(STORE));
    const result = request(req);
    result.catch(() => undefined); // reported through the transaction below
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      // onerror fires before the abort, while t.error is still null: take the request's error
      t.onerror = () => reject(t.error ?? req.error);
      t.onabort = () => reject(t.error ?? req.error);
    });
    return result;
  }

  all() {
    return this.tx('readonly', (s) => s.getAll() as IDBRequest<unknown[]>);
  }
  /** Read and write in one readwrite transaction: another tab's write cannot slip in between. */
  async putIf(record: StoredScenario, expected: number | null | undefined): Promise<PutResult> {
    const db = await this.open();
    const t = db.transaction(STORE, 'readwrite');
    const store = t.objectStore(STORE);
    let result: PutResult = { ok: true };
    const get = store.get(record.id);
    get.onsuccess = () => {
      if (mayWrite(get.result, expected)) store.put(record);
      else result = { ok: false, current: get.result };
    };
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
    return result;
  }
}

export interface LibraryEntry {
  id: string;
  name: string;
  savedAt: string;
  revision: number;
  scenario: Scenario;
}

/** Where a save goes: a new entry, or over an entry at the revision this tab holds. */
export interface SaveTarget {
  id: string;
  revision: number;
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

export class ScenarioLibrary {
  constructor(
    private readonly repo: ScenarioRepository,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Every readable saved scenario, newest first; unreadable records are counted, never deleted. */
  async list(): Promise<{ entries: LibraryEntry[]; unreadable: number }> {
    const raw = await this.repo.all();
    const entries: LibraryEntry[] = [];
    let unreadable = 0;
    for (const r of raw) {
      try {
        const rec = r as StoredScenario;
        if (typeof rec?.id !== 'string') throw new ScenarioError('notScenario');
        if (rec.deleted) continue;
        const { scenario } = parseScenario(rec.scenario);
        entries.push({ id: rec.id, name: scenario.title, savedAt: typeof rec.savedAt === 'string' ? rec.savedAt : '', revision: revisionOf(rec) ?? 0, scenario });
      } catch {
        unreadable++;
      }
    }
    entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    return { entries, unreadable };
  }

  /** False when saving lasts only this visit (no IndexedDB): the UI says so and offers the JSON export. */
  get persistent(): boolean {
    return this.repo.persistent;
  }

  /**
   * Saves a scenario under its title: a new entry, or over `target` when given — refused with
   * `staleSave` when another tab saved it since (or `deletedElsewhere`), so nothing is overwritten
   * silently.
   */
  async save(scenario: Scenario, target?: SaveTarget): Promise<LibraryEntry> {
    const savedAt = this.now();
    // validated before writing: what goes in can always be read back
    const valid = parseScenario(JSON.parse(JSON.stringify({ ...scenario, updatedAt: savedAt }))).scenario;
    const revision = (target?.revision ?? 0) + 1;
    const record: StoredScenario = { id: target?.id ?? newId(), savedAt, revision, scenario: valid };
    const r = await this.repo.putIf(record, target ? target.revision : null);
    if (!r.ok) throw conflictError(r.current, valid.title);
    return { id: record.id, name: valid.title, savedAt, revision, scenario: valid };
  }

  async rename(entry: LibraryEntry, title: string): Promise<LibraryEntry> {
    return this.save({ ...entry.scenario, title }, entry);
  }

  async duplicate(entry: LibraryEntry, title: string): Promise<LibraryEntry> {
    const now = this.now();
    return this.save({ ...entry.scenario, title, createdAt: now });
  }

  /** Deletes an entry: a tombstone stays, so a tab that still shows it cannot save it back. */
  async remove(entry: Pick<LibraryEntry, 'id' | 'revision'>): Promise<void> {
    const r = await this.repo.putIf({ id: entry.id, savedAt: this.now(), revision: entry.revision + 1, deleted: true }, entry.revision);
    // already deleted elsewhere: the wish is fulfilled; changed elsewhere: say so
    if (!r.ok && !(r.current as StoredScenario | undefined)?.deleted) throw conflictError(r.current, '');
  }

  /** A scenario file's text → a new saved entry; a bad file throws and writes nothing. */
  async importText(text: string, fallbackTitle: string): Promise<{ entry: LibraryEntry; warnings: ScenarioWarning[] }> {
    const { scenario, warnings } = parseScenarioText(text);
    const entry = await this.save({ ...scenario, title: scenario.title || fallbackTitle });
    return { entry, warnings };
  }
}

/** The typed error for a refused write, from the record that is there now. */
function conflictError(current: unknown, name: string): ScenarioError {
  const rec = current as StoredScenario | undefined;
  if (!rec || rec.deleted) return new ScenarioError('deletedElsewhere', { name });
  return new ScenarioError('staleSave', { name: rec.scenario?.title || name, savedAt: rec.savedAt });
}
