import pg from 'pg';
import { startCluster } from '../../../unit/server/support/postgresCluster';

/**
 * A throwaway PostgreSQL cluster for one benchmark (Debian's binaries, a temporary folder, a free
 * loopback port; fsync off, as in the tests), removed when `task` ends however it ends.
 * `freshDatabase` makes an empty database in it and returns its URL.
 */
export async function withPostgres<T>(task: (freshDatabase: (name: string) => Promise<string>) => Promise<T>): Promise<T> {
  const cluster = await startCluster();
  try {
    return await task(async (name) => {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return cluster.url.replace(/\/postgres$/, `/${name}`);
    });
  } finally {
    cluster.stop();
  }
}
