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
  scenario: Scenario;
}

export interface ScenarioRepository {
  all(): Promise<unknown[]>;
  put(record: StoredScenario): Promise<void>;
  remove(id: string): Promise<void>;
}

export class MemoryRepository implements ScenarioRepository {
  readonly records = new Map<string, unknown>();
  async all() {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
  async put(record: StoredScenario) {
    this.records.set(record.id, structuredClone(record));
  }
  async remove(id: string) {
    this.records.delete(id);
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
  async put(record: StoredScenario) {
    await this.tx('readwrite', (s) => s.put(record));
  }
  async remove(id: string) {
    await this.tx('readwrite', (s) => s.delete(id));
  }
}

export interface LibraryEntry {
  id: string;
  name: string;
  savedAt: string;
  scenario: Scenario;
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
        const { scenario } = parseScenario(rec.scenario);
        entries.push({ id: rec.id, name: scenario.title, savedAt: typeof rec.savedAt === 'string' ? rec.savedAt : '', scenario });
      } catch {
        unreadable++;
      }
    }
    entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    return { entries, unreadable };
  }

  /** Saves a scenario under its title: a new entry, or over `id` when given. */
  async save(scenario: Scenario, id?: string): Promise<LibraryEntry> {
    const savedAt = this.now();
    // validated before writing: what goes in can always be read back
    const valid = parseScenario(JSON.parse(JSON.stringify({ ...scenario, updatedAt: savedAt }))).scenario;
    const record: StoredScenario = { id: id ?? newId(), savedAt, scenario: valid };
    await this.repo.put(record);
    return { id: record.id, name: valid.title, savedAt, scenario: valid };
  }

  async rename(entry: LibraryEntry, title: string): Promise<LibraryEntry> {
    return this.save({ ...entry.scenario, title }, entry.id);
  }

  async duplicate(entry: LibraryEntry, title: string): Promise<LibraryEntry> {
    const now = this.now();
    return this.save({ ...entry.scenario, title, createdAt: now });
  }

  async remove(id: string): Promise<void> {
    await this.repo.remove(id);
  }

  /** A scenario file's text → a new saved entry; a bad file throws and writes nothing. */
  async importText(text: string, fallbackTitle: string): Promise<{ entry: LibraryEntry; warnings: ScenarioWarning[] }> {
    const { scenario, warnings } = parseScenarioText(text);
    const entry = await this.save({ ...scenario, title: scenario.title || fallbackTitle });
    return { entry, warnings };
  }
}
