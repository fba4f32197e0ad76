import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './connect';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any constant works; it only has to be the same in every server process of one database.
const MIGRATION_LOCK = 0x63616c6d; // "calm"

/**
 * Applies the migrations in server/drizzle/ (the same files on PGlite and PostgreSQL). Several
 * server processes may start together on one PostgreSQL: an advisory lock lets one migrate while
 * the others wait, then find nothing left to do.
 */
export async function migrate(database: Database): Promise<void> {
  await database.exclusive(MIGRATION_LOCK, async () => {
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    else await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

/** Every migration of this release is applied (for /ready: a server whose schema is behind is not ready). */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  try {
    const result = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    return (rows[0]?.n ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
