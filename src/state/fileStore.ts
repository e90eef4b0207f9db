/**
 * The local file store: the user's own files, kept in this browser's IndexedDB and keyed by
 * their SHA-256, so a saved scenario that uses one reopens with it after a reload. Nothing is
 * uploaded anywhere. (A separate database from the scenario library, so neither's version
 * upgrade touches the other.)
 */
export interface StoredFile {
  sha256: string;
  name: string;
  blob: Blob;
  savedAt: string;
}

const DB_NAME = 'territorio-archivos';
const STORE = 'archivos';
let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'sha256' });
    };
    r.onsuccess = () => {
      r.result.onclose = () => {
        db = null;
      };
      resolve(r.result);
    };
    r.onerror = () => reject(r.error);
  });
  db.catch(() => {
    db = null;
  });
  return db;
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const t = (await open()).transaction(STORE, mode);
  const req = run(t.objectStore(STORE));
  return new Promise<T>((resolve, reject) => {
    t.oncomplete = () => resolve(req.result);
    t.onerror = () => reject(t.error ?? req.error);
    t.onabort = () => reject(t.error ?? req.error);
  });
}

export const fileStore = {
  put: (file: StoredFile) => tx('readwrite', (s) => s.put(file)).then(() => undefined),
  get: (sha256: string) => tx('readonly', (s) => s.get(sha256) as IDBRequest<StoredFile | undefined>),
  remove: (sha256: string) => tx('readwrite', (s) => s.delete(sha256)).then(() => undefined),
};

/** Hex SHA-256 of some bytes (Web Crypto; the worker computes it for uploads). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
