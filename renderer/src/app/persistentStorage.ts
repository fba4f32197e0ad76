export type PersistenceState = 'persistent' | 'best-effort' | 'unsupported';

/**
 * Asks the browser not to evict Calma's data under storage pressure. Electron and installed apps
 * usually grant it at once; a browser tab may refuse, and settings then says so plainly.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<PersistenceState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'persistent';
  return (await storage.persist()) ? 'persistent' : 'best-effort';
}

export async function currentPersistence(storage: StorageManager | undefined = navigator.storage): Promise<PersistenceState> {
  if (!storage?.persisted) return 'unsupported';
  return (await storage.persisted()) ? 'persistent' : 'best-effort';
}
