import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is PostgreSQL inside one process: two processes opening the same folder would corrupt
 * it. The server and the admin command therefore take this lock first. A lock left by a process
 * that no longer exists (a crash) is taken over.
 */
/** The folder belongs to another running process; said to people as is, without a stack. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'calma-server.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirBusyError(
          `the data folder ${dataDir} is in use by process ${owner} (a running team server?). Stop it first, or use the admin HTTP routes while it runs.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
