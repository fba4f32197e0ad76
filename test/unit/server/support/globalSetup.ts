import type { TestProject } from 'vitest/node';
import { startCluster } from './postgresCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL, or why there is none (PostgreSQL tests then fail saying so). */
    calmaPostgres: { url: string } | { error: string };
  }
}

/**
 * Starts one PostgreSQL cluster for the server's test run (each test file makes its own databases
 * in it). CALMA_TEST_DATABASE_URL points the tests at an existing server instead. When PostgreSQL
 * cannot start, the PGlite tests still run and every PostgreSQL test fails with the reason: they
 * are never skipped.
 */
export default async function setup(project: TestProject) {
  const external = process.env.CALMA_TEST_DATABASE_URL;
  if (external) {
    project.provide('calmaPostgres', { url: external });
    return;
  }
  try {
    const cluster = await startCluster();
    project.provide('calmaPostgres', { url: cluster.url });
    return () => cluster.stop();
  } catch (error) {
    project.provide('calmaPostgres', { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
