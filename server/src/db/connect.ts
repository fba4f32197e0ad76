import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Log } from '../log';

// No relational query API is used, so the handles carry no schema type: the query builder is enough.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or an open transaction: the queries read the same on both. */
export type Executor = Db | Tx;

export type StoreConfig = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null };

/**
 * The server's database, PGlite or PostgreSQL behind one drizzle interface. `listen` is PostgreSQL's
 * LISTEN on both: PGlite implements it in process, PostgreSQL across every server process that
 * shares the database, so the live pokes take the same path everywhere.
 */
export interface Database {
  readonly kind: StoreConfig['kind'];
  readonly db: Db;
  /** Calls `onPayload` for each NOTIFY on `channel`; with `null` after a lost connection came back
   * (notifications may have been missed meanwhile). Resolves once listening. */
  listen(channel: string, onPayload: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** Runs `task` while holding a database-wide lock (several processes may share one PostgreSQL). */
  exclusive<T>(key: number, task: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: StoreConfig, log: Log): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize ?? 10, log);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, (payload) => onPayload(payload));
      return async () => {
        if (!client.closed) await stop();
      };
    },
    // One process owns a PGlite folder (see dataDirLock.ts), so there is no one to exclude.
    exclusive: (_key, task) => task(),
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number, log: Log): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection emits here; without a listener it would crash the process.
  pool.on('error', (error) => log.warn({ err: error }, 'idle PostgreSQL connection lost'));
  const db = drizzlePg({ client: pool }) as unknown as Db;
  await db.execute(sql`select 1`);
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      const listener = await dedicatedListener(url, channel, onPayload, log);
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener();
      };
    },
    async exclusive(key, task) {
      // A session-level advisory lock on a connection of its own: the task's queries run on other
      // pooled connections, while every other process asking for the same key waits here.
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock($1)', [key]);
        return await task();
      } finally {
        await holder.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        holder.release();
      }
    },
    ping: async () => void (await pool.query('select 1')),
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own, kept open (a pooled one would be handed to other queries).
 * When it drops, it reconnects with backoff and reports `null` so subscribers re-read the version.
 */
async function dedicatedListener(url: string, channel: string, onPayload: (payload: string | null) => void, log: Log): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule(500);
    });
    next.on('end', () => {
      // Closed without an error (the server shut the connection): reconnect all the same.
      if (client !== next) return;
      client = null;
      schedule(500);
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  const schedule = (delay: number) => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect()
        .then(() => onPayload(null))
        .catch((error: unknown) => {
          log.warn({ err: error }, 'LISTEN reconnect failed');
          schedule(Math.min(delay * 2, 10_000));
        });
    }, delay);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}
