import { isAbsolute } from 'node:path';
import type { App } from 'electron';

/**
 * The one hook for tests, read from the environment at start-up (never from the page):
 * CALMA_USER_DATA_DIR points the profile (IndexedDB, secrets, caches) at a throwaway folder, so
 * every end-to-end run starts fresh and never touches a real user's data. It must be applied
 * before anything reads userData, including the single-instance lock, which lives there.
 */
export function applyTestHooks(app: Pick<App, 'setPath'>, env: Record<string, string | undefined>): void {
  const userDataDir = env.CALMA_USER_DATA_DIR;
  if (userDataDir === undefined || userDataDir === '') return;
  if (!isAbsolute(userDataDir)) {
    throw new Error(`CALMA_USER_DATA_DIR must be an absolute path, got "${userDataDir}"`);
  }
  app.setPath('userData', userDataDir);
}
