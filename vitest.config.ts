import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const SERVER_TESTS = 'test/unit/server/**/*.test.ts';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    pool: 'threads',
    reporters: ['default'],
    // The team server's tests are a project of their own only for their global setup: it starts a
    // throwaway PostgreSQL cluster, and a project's global setup runs only when one of its tests is
    // selected, so `vitest run test/unit/db` does not pay for it.
    projects: [
      // (`include` is set per project: with `extends`, arrays would be concatenated with the root's.)
      // Property tests run hundreds of cases: 2–5 s on a quiet 2-core machine, over vitest's 5 s
      // default while the same machine builds or runs Chromium. A timeout is for a hang, not a budget.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: [SERVER_TESTS, '**/node_modules/**'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'server',
          include: [SERVER_TESTS],
          globalSetup: ['test/unit/server/support/globalSetup.ts'],
          // Each file opens PGlite (about 1 s of WebAssembly start-up) and a PostgreSQL database.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
