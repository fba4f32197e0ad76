import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/sync/protocol';
import { revokeDevice } from '../../../server/src/admin/team';
import { openDatabase } from '../../../server/src/db/connect';
import { openTestDatabase, silentLog, sseReader, STORES, TestServer, type Device, type StoreKind } from './support/harness';
import { personArgs } from './support/domain';

async function subscribe(device: Device, server: TestServer = device.server) {
  const response = await server.app.request(ROUTES.events, { headers: { authorization: `Bearer ${device.token}`, accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return sseReader(response.body!);
}

describe.each(STORES)('live pokes on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store, { heartbeatMs: 100 });
  });
  afterAll(() => server?.close());

  it('sends the team version on connect and again after every push that changed it', async () => {
    const { teamId, admin } = await server.team();
    const watcher = await server.join(teamId, 'viewer');
    const events = await subscribe(watcher);
    expect(await events.nextVersion()).toBe(0);
    await admin.run('person.create', personArgs('p1'));
    expect(await events.nextVersion()).toBe(1);
    await admin.push([admin.mutation('person.create', personArgs('p2')), admin.mutation('person.create', personArgs('p3'))]);
    expect(await events.nextVersion()).toBe(3);
    await events.cancel();
  });

  it('pokes only the team whose version moved', async () => {
    const one = await server.team('Uno');
    const two = await server.team('Dos');
    const events = await subscribe(two.admin);
    expect(await events.nextVersion()).toBe(0);
    await one.admin.run('person.create', personArgs('p1'));
    await two.admin.run('person.create', personArgs('p1'));
    // The first version event after connecting is two's own push, not one's.
    expect(await events.nextVersion()).toBe(1);
    await events.cancel();
  });

  it('sends heartbeats, and ends the stream of a device revoked meanwhile', async () => {
    const { teamId } = await server.team();
    const device = await server.join(teamId, 'responder');
    const events = await subscribe(device);
    expect(await events.nextVersion()).toBe(0);
    expect((await events.next())?.comment).toBe('heartbeat');
    await revokeDevice(server.database.db, teamId, device.id, server.now());
    let ended = false;
    for (let i = 0; i < 5 && !ended; i += 1) ended = (await events.next()) === null;
    expect(ended).toBe(true);
    const again = await server.app.request(ROUTES.events, { headers: { authorization: `Bearer ${device.token}` } });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'device-revoked' });
  });

  it('ends live streams when the server shuts down', async () => {
    const own = await TestServer.start(store, { database: await openTestDatabase(store) });
    const { admin } = await own.team();
    const events = await subscribe(admin, own);
    expect(await events.nextVersion()).toBe(0);
    own.shutdown.abort();
    expect(await events.next()).toBeNull();
    await own.close();
  });
});

describe('live pokes across two server processes on one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await TestServer.start('postgres');
    // A second app with its own pool and its own LISTEN connection, on the same database.
    const url = a.database.url!;
    const second = await openDatabase({ kind: 'postgres', url, poolSize: 2 }, silentLog);
    b = await TestServer.start('postgres', { database: Object.assign(second, { url }) });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a push on one pokes a subscriber of the other through LISTEN/NOTIFY', async () => {
    const { teamId, admin } = await a.team();
    const watcher = await a.join(teamId, 'viewer');
    const onB = await subscribe(watcher, b);
    expect(await onB.nextVersion()).toBe(0);
    await admin.run('person.create', personArgs('p1'));
    expect(await onB.nextVersion()).toBe(1);
    // And the other way round.
    const onA = await subscribe(admin, a);
    expect(await onA.nextVersion()).toBe(1);
    await admin.through(b).run('person.create', personArgs('p2'));
    expect(await onA.nextVersion()).toBe(2);
    await onA.cancel();
    await onB.cancel();
  });

  it('keeps poking after its LISTEN connection was cut, catching up on what it missed', async () => {
    const { teamId, admin } = await a.team();
    const watcher = await a.join(teamId, 'viewer');
    const onB = await subscribe(watcher, b);
    expect(await onB.nextVersion()).toBe(0);
    // Cut every LISTEN connection (both processes'), then write while they reconnect.
    const cut = await a.database.db.execute(sql`select pg_terminate_backend(pid) as cut from pg_stat_activity where query ilike 'LISTEN%' and pid <> pg_backend_pid()`);
    expect((cut as unknown as { rows: unknown[] }).rows.length).toBeGreaterThanOrEqual(2);
    await admin.run('person.create', personArgs('p1'));
    expect(await onB.nextVersion()).toBe(1);
    await admin.run('person.create', personArgs('p2'));
    expect(await onB.nextVersion()).toBe(2);
    await onB.cancel();
  });
});
