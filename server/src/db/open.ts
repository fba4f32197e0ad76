import type { ServerConfig } from '../config';
import type { Log } from '../log';
import { openDatabase, type Database } from './connect';
import { lockDataDir } from './dataDirLock';
import { mkdirSync } from 'node:fs';
import { migrate } from './migrate';

/** Opens the configured store (locking a PGlite folder against a second process) and migrates it. */
export async function openMigrated(store: ServerConfig['store'], log: Log): Promise<Database> {
  let unlock = () => {};
  if (store.kind === 'pglite' && store.dataDir) {
    mkdirSync(store.dataDir, { recursive: true });
    unlock = lockDataDir(store.dataDir);
  }
  try {
    const database = await openDatabase(store, log);
    await migrate(database).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
