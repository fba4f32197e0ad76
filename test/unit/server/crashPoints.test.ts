import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../../shared/uuid';
import { invitePerson, revokeDevice } from '../../../server/src/admin/team';
import { SyncRunner } from '../../../renderer/src/sync/runner';
import { CalmaDatabase } from '../../../renderer/src/db/database';
import { createMutate } from '../../../renderer/src/db/mutate';
import { syncOnce } from '../../../renderer/src/sync/engine';
import { enrol } from '../../../renderer/src/sync/enrolment';
import { TOKEN_SECRET, teamLink } from '../../../renderer/src/sync/teamLink';
import { createHttpTransport, UnreachableError } from '../../../renderer/src/sync/transport';
import { memoryHost } from './support/consoleHost';
import { STORES, TestServer } from './support/harness';

/**
 * The crash points of the sync issue, with the console's real engine against the real server: a
 * console killed between its write and its push, a server that dies between its commit and its
 * answer, and a pull cut off between pages. After the restart, everything converges, once.
 */
const BASE = 'http://calma.test';
const secretsByDb = new Map<string, Map<string, string>>();

/** The token outlives the process, like safeStorage's file: one secret store per machine (database name). */
function hostFor(dbName: string) {
  const secrets = secretsByDb.get(dbName) ?? new Map<string, string>();
  secretsByDb.set(dbName, secrets);
  return memoryHost(secrets);
}

describe.each(STORES)('crash points on %s', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A console process: its database (by name), its network, its engine. */
  function consoleProcess(dbName: string, network: { fail?: (path: string, count: number) => 'before' | 'after' | null } = {}) {
    const db = new CalmaDatabase(dbName);
    const host = hostFor(dbName);
    const counts = new Map<string, number>();
    const fetcher: typeof fetch = async (input, init = {}) => {
      const path = String(input).slice(BASE.length);
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const { signal: _s, ...rest } = init;
      const failure = network.fail?.(path, count) ?? null;
      if (failure === 'before') throw new TypeError('network down');
      const response = await server.app.request(path, rest);
      if (failure === 'after') throw new TypeError('the server died before answering');
      return response;
    };
    const transportFor = (_l: unknown, token: () => string | null) => createHttpTransport({ baseUrl: BASE, token, fetch: fetcher });
    const mutate = createMutate(db, { actor: () => 'ana', now: server.now });
    const sync = async (pageSize?: number) => {
      const token = await host.getSecret(TOKEN_SECRET);
      return syncOnce({ db, transport: transportFor(null, () => token), onChanged: () => undefined, now: server.now, pageSize });
    };
    return { db, host, mutate, sync, transportFor, close: () => db.close() };
  }

  async function joined(teamId: string, dbName: string) {
    const p = consoleProcess(dbName);
    const invite = await invitePerson(server.database.db, teamId, { name: dbName, role: 'lead', ttlMs: 3600_000, now: server.now() });
    await enrol({ db: p.db, host: p.host, transportFor: p.transportFor, now: server.now }, { serverUrl: BASE, code: invite.code, deviceName: dbName });
    return p;
  }

  const note = (incidentId: string, text: string) => ({
    entry: { id: uuidv7(server.clock), incidentId, kind: 'note' as const, text, by: 'ana', at: server.now().toISOString() },
  });
  const declare = (id: string) => ({
    incident: { id, title: 'Caída del servicio', severity: 'high' as const, status: 'declared' as const, lead: { personId: null, name: 'Ana' }, declaredAt: server.now().toISOString(), declaredBy: 'ana' },
    items: [],
    entry: { id: uuidv7(server.clock), incidentId: id, kind: 'declared' as const, by: 'ana', at: server.now().toISOString() },
  });

  it('a console killed between its write and its push sends the change after it restarts', async () => {
    const { teamId } = await server.team();
    const name = `a-${uuidv7()}`;
    const a = await joined(teamId, name);
    const incidentId = uuidv7();
    await a.mutate('incident.declare', declare(incidentId));
    a.close(); // killed: the write and its outbox row are on disk, nothing was pushed
    const restarted = consoleProcess(name);
    expect(await restarted.db.outbox.count()).toBe(1);
    await restarted.sync();
    const b = await joined(teamId, `b-${uuidv7()}`);
    await b.sync();
    expect(await b.db.incidents.get(incidentId)).toMatchObject({ title: 'Caída del servicio' });
    expect(await restarted.db.outbox.count()).toBe(0);
  });

  it('a server that dies between commit and answer applies the resent change once', async () => {
    const { teamId } = await server.team();
    const name = `a-${uuidv7()}`;
    const a = await joined(teamId, name);
    const incidentId = uuidv7();
    await a.mutate('incident.declare', declare(incidentId));
    await a.mutate('log.append', note(incidentId, 'primera nota'));
    a.close();
    const dying = consoleProcess(name, { fail: (path, n) => (path === ROUTES.push && n === 1 ? 'after' : null) });
    await expect(dying.sync()).rejects.toBeInstanceOf(UnreachableError);
    expect(await dying.db.outbox.count()).toBe(2); // it cannot know the server committed
    await dying.sync(); // the resend is answered "duplicate"
    expect(await dying.db.outbox.count()).toBe(0);
    const b = await joined(teamId, `b-${uuidv7()}`);
    await b.sync();
    const notes = await b.db.logEntries.where('incidentId').equals(incidentId).filter((e) => e.kind === 'note').toArray();
    expect(notes.map((e) => e.text)).toEqual(['primera nota']);
  });

  it('a pull cut off between pages keeps the pages it applied and resumes after them', async () => {
    const { teamId } = await server.team();
    const a = await joined(teamId, `a-${uuidv7()}`);
    const incidentId = uuidv7();
    await a.mutate('incident.declare', declare(incidentId));
    for (let i = 0; i < 9; i++) await a.mutate('log.append', note(incidentId, `nota ${i}`));
    await a.sync();
    const name = `b-${uuidv7()}`;
    const b = await joined(teamId, name);
    b.close();
    const cut = consoleProcess(name, { fail: (path, n) => (path === ROUTES.pull && n === 3 ? 'before' : null) });
    await expect(cut.sync(3)).rejects.toBeInstanceOf(UnreachableError);
    const applied = await cut.db.logEntries.count();
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(10);
    expect((await teamLink.get(cut.db))?.cursor).not.toBeNull();
    cut.close();
    const resumed = consoleProcess(name);
    await resumed.sync(3);
    expect(await resumed.db.logEntries.count()).toBe(10);
    expect(await resumed.db.incidents.count()).toBe(1);
  });

  it('a revoked device loses the team data at its next sync, and says why', async () => {
    const { teamId } = await server.team();
    const name = `a-${uuidv7()}`;
    const a = await joined(teamId, name);
    const incidentId = uuidv7();
    await a.mutate('incident.declare', declare(incidentId));
    await a.sync();
    const deviceBefore = (await a.db.meta.get('device'))?.value as { id: string };
    await revokeDevice(server.database.db, teamId, deviceBefore.id, server.now());
    const removed = new Promise<void>((resolve) => {
      new SyncRunner({ db: a.db, host: a.host, transportFor: a.transportFor, onChanged: () => undefined, onRemoved: resolve, now: server.now, idleMs: 50 }).start();
    });
    await removed;
    expect(await a.db.incidents.count()).toBe(0);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await teamLink.get(a.db)).toBeNull();
    expect(await teamLink.notice(a.db)).toMatchObject({ reason: 'revoked' });
    expect(await a.host.getSecret(TOKEN_SECRET)).toBeNull();
    expect(((await a.db.meta.get('device'))?.value as { id: string }).id).not.toBe(deviceBefore.id);
  });
});
