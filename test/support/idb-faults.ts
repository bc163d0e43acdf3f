// An IndexedDB factory with faults at the edge, for storage tests. It wraps a fake-indexeddb
// factory and fails the way browsers fail: writes past a quota (QuotaExceededError, thrown at
// once or reported when the transaction commits, as Chrome does), an open that throws (private
// mode, storage disabled), and connections the browser closes under their user (site data
// cleared). The code under test is not touched: it only ever sees an IDBFactory.
import { forceCloseDatabase } from 'fake-indexeddb';

export interface FaultyIdb {
  factory: IDBFactory;
  /**
   * Bytes the database may hold: the JSON length of every record written through this factory
   * (committed writes only). A write past it fails with QuotaExceededError. Infinity: no limit.
   */
  quotaBytes: number;
  /** 'throw': put/add throw at once; 'commit': the write succeeds, then its transaction aborts with QuotaExceededError. */
  quotaMode: 'throw' | 'commit';
  /** While set, open() throws a DOMException with this name. */
  failOpen: string | undefined;
  /** Writes refused for quota so far. */
  quotaErrors: number;
  /** Bytes accounted now. */
  used(): number;
  /** The disk is full: from now on no write that keeps or adds bytes passes (deletes and shrinking writes do). */
  fill(): void;
  /** Closes every open connection as the browser does when site data is cleared (a 'close' event). */
  forceCloseAll(): void;
}

const QUOTA = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function size(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

export function faultyIdb(inner: IDBFactory = new IDBFactory()): FaultyIdb {
  const bytes = new Map<string, number>(); // `${store}\u0000${key}` → bytes
  const connections = new Set<IDBDatabase>();
  const patched = new WeakSet<object>();
  const id = (store: string, key: unknown): string => `${store}\u0000${JSON.stringify(key)}`;

  const state: FaultyIdb = {
    factory: undefined as unknown as IDBFactory,
    quotaBytes: Infinity,
    quotaMode: 'throw',
    failOpen: undefined,
    quotaErrors: 0,
    used: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    fill() {
      state.quotaBytes = state.used() - 1;
    },
    forceCloseAll() {
      for (const db of connections) forceCloseDatabase(db as never);
      connections.clear();
    },
  };

  function patchStore(store: IDBObjectStore, tx: IDBTransaction, pending: Array<() => void>): void {
    if (patched.has(store)) return;
    patched.add(store);
    const name = store.name;
    for (const method of ['put', 'add'] as const) {
      const original = store[method].bind(store);
      store[method] = (value: unknown, key?: IDBValidKey): IDBRequest<IDBValidKey> => {
        const k = typeof store.keyPath === 'string' ? (value as Record<string, unknown> | null)?.[store.keyPath] : key;
        const n = size(value);
        const before = bytes.get(id(name, k)) ?? 0;
        if (state.used() - before + n > state.quotaBytes) {
          state.quotaErrors++;
          if (state.quotaMode === 'throw') throw QUOTA();
          const request = original(value, key);
          // Chrome: the request succeeds, the transaction then aborts with QuotaExceededError and nothing is kept.
          request.addEventListener('success', () => {
            (tx as { error: DOMException | null }).error = QUOTA();
            tx.abort();
          });
          return request;
        }
        const request = original(value, key);
        pending.push(() => bytes.set(id(name, k), n));
        return request;
      };
    }
    const del = store.delete.bind(store);
    store.delete = (query: IDBValidKey | IDBKeyRange): IDBRequest<undefined> => {
      if (!(query instanceof IDBKeyRange)) pending.push(() => bytes.delete(id(name, query)));
      return del(query);
    };
    const clear = store.clear.bind(store);
    store.clear = (): IDBRequest<undefined> => {
      pending.push(() => {
        for (const k of [...bytes.keys()]) if (k.startsWith(`${name}\u0000`)) bytes.delete(k);
      });
      return clear();
    };
  }

  function patchTx(tx: IDBTransaction): void {
    if (patched.has(tx)) return;
    patched.add(tx);
    const pending: Array<() => void> = [];
    tx.addEventListener('complete', () => pending.forEach((f) => f()));
    const objectStore = tx.objectStore.bind(tx);
    tx.objectStore = (name: string): IDBObjectStore => {
      const store = objectStore(name);
      patchStore(store, tx, pending);
      return store;
    };
  }

  function patchDb(db: IDBDatabase): void {
    if (patched.has(db)) return;
    patched.add(db);
    connections.add(db);
    db.addEventListener('close', () => connections.delete(db));
    const transaction = db.transaction.bind(db);
    db.transaction = ((names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      const tx = transaction(names, mode, options);
      patchTx(tx);
      return tx;
    }) as IDBDatabase['transaction'];
    const close = db.close.bind(db);
    db.close = () => {
      connections.delete(db);
      close();
    };
  }

  state.factory = {
    open(name: string, version?: number): IDBOpenDBRequest {
      if (state.failOpen) throw new DOMException('The operation is insecure.', state.failOpen);
      const request = version === undefined ? inner.open(name) : inner.open(name, version);
      request.addEventListener('success', () => patchDb(request.result));
      return request;
    },
    deleteDatabase: (name: string) => inner.deleteDatabase(name),
    databases: () => inner.databases(),
    cmp: (a: unknown, b: unknown) => inner.cmp(a, b),
  } as IDBFactory;
  return state;
}
