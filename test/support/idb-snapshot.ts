// Writes and reads IndexedDB databases with the raw API (not with Insyn's code), so a stored
// snapshot is exactly what an earlier version, a newer build or a foreign page left on disk.

export interface StoreSnapshot {
  /** null: out-of-line keys, and each record gives its `key`. */
  keyPath: string | null;
  indexes?: Record<string, string>;
  /** Inline-key stores: the values. Out-of-line stores: `{ key, value }`. */
  records: unknown[];
}

export interface DbSnapshot {
  description?: string;
  version: number;
  stores: Record<string, StoreSnapshot>;
}

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Creates database `name` at the snapshot's version with exactly its stores, indexes and records. */
export async function writeSnapshot(factory: IDBFactory, snapshot: DbSnapshot, name = 'insyn'): Promise<void> {
  const open = factory.open(name, snapshot.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const [storeName, spec] of Object.entries(snapshot.stores)) {
      const store = spec.keyPath === null ? db.createObjectStore(storeName) : db.createObjectStore(storeName, { keyPath: spec.keyPath });
      for (const [index, keyPath] of Object.entries(spec.indexes ?? {})) store.createIndex(index, keyPath);
    }
  };
  const db = await req(open);
  const names = Object.keys(snapshot.stores);
  if (names.length > 0) {
    const tx = db.transaction(names, 'readwrite');
    for (const [storeName, spec] of Object.entries(snapshot.stores)) {
      const store = tx.objectStore(storeName);
      for (const r of spec.records) {
        if (spec.keyPath === null) {
          const { key, value } = r as { key: IDBValidKey; value: unknown };
          store.put(value, key);
        } else store.put(r);
      }
    }
    await done(tx);
  }
  db.close();
}

/** Every store of database `name` as it is on disk: version, key paths, index names and all records. */
export async function readRaw(factory: IDBFactory, name = 'insyn'): Promise<{ version: number; stores: Record<string, { keyPath: string | string[] | null; indexes: string[]; records: Array<{ key: IDBValidKey; value: unknown }> }> }> {
  const db = await req(factory.open(name));
  const out: Record<string, { keyPath: string | string[] | null; indexes: string[]; records: Array<{ key: IDBValidKey; value: unknown }> }> = {};
  const names = [...db.objectStoreNames];
  if (names.length > 0) {
    const tx = db.transaction(names, 'readonly');
    for (const n of names) {
      const store = tx.objectStore(n);
      const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
      out[n] = { keyPath: store.keyPath, indexes: [...store.indexNames], records: keys.map((key, i) => ({ key, value: values[i] })) };
    }
  }
  const version = db.version;
  db.close();
  return { version, stores: out };
}
