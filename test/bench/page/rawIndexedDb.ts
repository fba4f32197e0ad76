import { SCHEMA_V1 } from '../../../renderer/src/db/database';

type Store = keyof typeof SCHEMA_V1;

/**
 * Opens a database with plain IndexedDB whose stores and indexes mirror Dexie's schema strings
 * ("id, *tags, [a+b]"): the floor the mutation path is compared against.
 */
export function openRawDb(name: string, stores: Store[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of stores) {
        const [primary, ...indexes] = SCHEMA_V1[store].split(',').map((s) => s.trim());
        const os = db.createObjectStore(store, { keyPath: primary! });
        for (const spec of indexes) {
          const multiEntry = spec.startsWith('*');
          const name = spec.replace(/^\*/, '');
          const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
          os.createIndex(name, keyPath, { multiEntry });
        }
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Puts rows into their stores in one transaction. */
export function putBatch(db: IDBDatabase, batch: Partial<Record<Store, unknown[]>>): Promise<void> {
  return new Promise((resolve, reject) => {
    const names = Object.keys(batch) as Store[];
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      for (const row of batch[name]!) store.put(row);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
