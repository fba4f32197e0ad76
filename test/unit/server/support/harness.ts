import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { HlcClock } from '../../../../shared/hlc';
import type { MutationArgs, MutationName } from '../../../../shared/mutations';
import type { Identity, PullResponse, PushedMutation, TeamRole } from '../../../../shared/sync/protocol';
import { ROUTES } from '../../../../shared/sync/protocol';
import { uuidv7 } from '../../../../shared/uuid';
import { createTeam, invitePerson } from '../../../../server/src/admin/team';
import type { FailureLimits } from '../../../../server/src/auth/failureLimits';
import { openDatabase, type Database } from '../../../../server/src/db/connect';
import { migrate } from '../../../../server/src/db/migrate';
import { createApp } from '../../../../server/src/http/app';
import { createLog } from '../../../../server/src/log';
import { PokeHub } from '../../../../server/src/sync/poke';
import { ShippedLibrary } from '../../../../server/src/sync/shippedLibrary';

export const STORES = ['pglite', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

export const silentLog = createLog('silent');
let shipped: ShippedLibrary | null = null;
export const shippedLibrary = () => (shipped ??= ShippedLibrary.load());

export type TestDatabase = Database & { url: string | null };

/** A migrated database: in-memory PGlite, or a fresh database in the test PostgreSQL cluster. */
export async function openTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null }, silentLog);
    await migrate(database);
    return Object.assign(database, { url: null });
  }
  const url = await freshPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 }, silentLog);
  await migrate(database);
  return Object.assign(database, { url });
}

/** A database without the schema (to see the server refuse to call itself ready). */
export async function openUnmigratedDatabase(kind: StoreKind): Promise<TestDatabase> {
  if (kind === 'pglite') return Object.assign(await openDatabase({ kind: 'pglite', dataDir: null }, silentLog), { url: null });
  const url = await freshPostgresDatabase();
  return Object.assign(await openDatabase({ kind: 'postgres', url, poolSize: 2 }, silentLog), { url });
}

export async function freshPostgresDatabase(): Promise<string> {
  const server = inject('calmaPostgres');
  if ('error' in server) throw new Error(`PostgreSQL is not available for the tests: ${server.error}`);
  const name = `calma_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ServerOptions {
  heartbeatMs?: number;
  proxyHops?: number;
  failureLimits?: FailureLimits;
}

/** The bindings @hono/node-server gives the app: the request, whose socket has the peer's address. */
export const peer = (address = '127.0.0.1') => ({ incoming: { socket: { remoteAddress: address } } });

/** The real app (routes, auth, storage) driven in process through Hono's `app.request`. */
export class TestServer {
  /** The server's clock; tests move it to expire codes or test clock drift. */
  clock = Date.parse('2026-03-01T10:00:00Z');
  readonly shutdown = new AbortController();
  readonly app: ReturnType<typeof createApp>;

  private constructor(
    readonly kind: StoreKind,
    readonly database: TestDatabase,
    readonly hub: PokeHub,
    options: ServerOptions,
  ) {
    this.app = createApp({
      database,
      hub,
      shipped: shippedLibrary(),
      log: silentLog,
      corsOrigins: ['app://calma', 'http://127.0.0.1:*'],
      codeTtlMs: 72 * 3600_000,
      heartbeatMs: options.heartbeatMs,
      now: () => new Date(this.clock),
      shutdown: this.shutdown.signal,
      proxyHops: options.proxyHops,
      failureLimits: options.failureLimits,
    });
  }

  static async start(kind: StoreKind, options: ServerOptions & { database?: TestDatabase } = {}): Promise<TestServer> {
    const database = options.database ?? (await openTestDatabase(kind));
    const hub = new PokeHub(database, silentLog);
    await hub.start();
    return new TestServer(kind, database, hub, options);
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    await this.hub.close();
    await this.database.close();
  }

  now = () => new Date(this.clock);

  /** `address`: the peer address the request comes from, as @hono/node-server hands it to the app. */
  async call<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string>; address?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.request(path, { method, headers, body }, peer(options.address));
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }

  /** A new team with its admin's device enrolled. */
  async team(name = 'Equipo'): Promise<{ teamId: string; admin: Device }> {
    const created = await createTeam(this.database.db, { name, adminName: 'Ana', ttlMs: 3600_000, now: this.now() });
    const admin = await this.enrol(created.admin.code, 'ana-laptop');
    return { teamId: created.team.id, admin };
  }

  /** Invites a person with `role` and enrols one device of theirs. */
  async join(teamId: string, role: TeamRole, name = `${role}-${randomUUID().slice(0, 6)}`): Promise<Device> {
    const invite = await invitePerson(this.database.db, teamId, { name, role, ttlMs: 3600_000, now: this.now() });
    return this.enrol(invite.code, `${name}-device`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40));
  }

  async enrol(code: string, deviceId: string): Promise<Device> {
    const reply = await this.call<{ token: string; identity: Identity }>('POST', ROUTES.enrol, { body: { code, deviceId, deviceName: `${deviceId} (test)`, protocol: 1 } });
    if (reply.status !== 200) throw new Error(`enrol failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new Device(this, reply.body.token, reply.body.identity);
  }
}

/** One enrolled device: numbers its mutations and stamps them with its own HLC, like the console. */
export class Device {
  seq = 0;
  readonly clock: HlcClock;

  constructor(
    readonly server: TestServer,
    readonly token: string,
    readonly identity: Identity,
  ) {
    this.clock = new HlcClock(identity.device.id, () => server.clock);
  }

  get id(): string {
    return this.identity.device.id;
  }

  /** The same device talking to another server process (of the same database). */
  through(server: TestServer): Device {
    const twin = new Device(server, this.token, this.identity);
    twin.seq = this.seq;
    return twin;
  }

  mutation<N extends MutationName>(name: N, args: MutationArgs<N>, overrides: Partial<PushedMutation> = {}): PushedMutation {
    this.seq += 1;
    return { seq: this.seq, id: uuidv7(this.server.clock), name, args, hlc: this.clock.tick(), at: new Date(this.server.clock).toISOString(), ...overrides };
  }

  push<T = { results: { seq: number; status: string; version?: number; refusal?: { code: string; message: string } }[]; lastSeq: number; teamVersion: number }>(
    mutations: PushedMutation[],
  ): Promise<Reply<T>> {
    return this.server.call<T>('POST', ROUTES.push, { token: this.token, body: { deviceId: this.id, mutations } });
  }

  /** Makes and pushes one mutation; fails the test unless the server answered 200. */
  async run<N extends MutationName>(name: N, args: MutationArgs<N>) {
    const reply = await this.push([this.mutation(name, args)]);
    if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.results[0]!;
  }

  pull(cursor: string | null = null, limit?: number): Promise<Reply<PullResponse>> {
    return this.server.call<PullResponse>('POST', ROUTES.pull, { token: this.token, body: { deviceId: this.id, cursor, ...(limit ? { limit } : {}) } });
  }

  /** Every page from the start; the rows by table and id, as the last page that carried them had them. */
  async pullAll(limit?: number): Promise<{ rows: Map<string, Record<string, unknown>>; pages: PullResponse[] }> {
    const rows = new Map<string, Record<string, unknown>>();
    const pages: PullResponse[] = [];
    let cursor: string | null = null;
    for (;;) {
      const reply = await this.pull(cursor, limit);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      pages.push(reply.body);
      for (const change of reply.body.changes) rows.set(`${change.table}/${change.id}`, change.row);
      cursor = reply.body.cursor;
      if (!reply.body.more) return { rows, pages };
    }
  }

  get<T = unknown>(path: string) {
    return this.server.call<T>('GET', path, { token: this.token });
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.server.call<T>('POST', path, { token: this.token, body });
  }
}

/** Reads Server-Sent Events from a streaming response body. */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  return {
    /** The next event block (a `version` event or a comment line), or null when the stream ended. */
    async next(timeoutMs = 10_000): Promise<{ event: string | null; data: string | null; comment: string | null } | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
          return { event: field('event'), data: field('data'), comment: block.startsWith(':') ? block.slice(1).trim() : null };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event before the timeout');
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no event before the timeout')), left))),
        ]).finally(() => clearTimeout(timer));
        if (chunk.done) return null;
        buffer += chunk.value;
      }
    },
    /** The next `version` event's teamVersion, skipping heartbeats. */
    async nextVersion(timeoutMs = 10_000): Promise<number> {
      for (;;) {
        const event = await this.next(timeoutMs);
        if (!event) throw new Error('the stream ended');
        if (event.event === 'version') return (JSON.parse(event.data!) as { teamVersion: number }).teamVersion;
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
