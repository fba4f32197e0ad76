import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBytes } from '../../../shared/sync/byteBudget';
import { MAX_BODY_BYTES, ROUTES, type Refusal } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../../shared/uuid';
import { invitePerson } from '../../../server/src/admin/team';
import { CalmaDatabase } from '../../../renderer/src/db/database';
import { createMutate } from '../../../renderer/src/db/mutate';
import { writeImport } from '../../../renderer/src/features/people/writeImport';
import { syncOnce } from '../../../renderer/src/sync/engine';
import { enrol } from '../../../renderer/src/sync/enrolment';
import { TOKEN_SECRET, teamLink } from '../../../renderer/src/sync/teamLink';
import { createHttpTransport } from '../../../renderer/src/sync/transport';
import { directory } from '../sync/directory';
import { memoryHost } from './support/consoleHost';
import { personArgs } from './support/domain';
import { STORES, TestServer } from './support/harness';

/**
 * Pushes are packed by bytes under the server's body limit, whatever the outbox holds: heavy
 * mutations, accented text (more bytes than characters), a mutation too large to ever send, a proxy
 * in front with a smaller limit, and a whole directory imported at once. The console's real engine
 * against the real server, in process.
 */
const BASE = 'http://calma.test';

describe.each(STORES)('push sizes on %s', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A console on the team; `proxyLimit` puts a proxy in front that answers 413 to bigger bodies, as nginx does. */
  async function consoleOn(teamId: string, options: { proxyLimit?: number } = {}) {
    const name = `c-${uuidv7()}`;
    const db = new CalmaDatabase(name);
    const host = memoryHost();
    const pushes: { bytes: number; status: number }[] = [];
    const fetcher: typeof fetch = async (input, init = {}) => {
      const path = String(input).slice(BASE.length);
      const { signal: _signal, ...rest } = init;
      const bytes = typeof rest.body === 'string' ? Buffer.byteLength(rest.body, 'utf8') : 0;
      const response =
        options.proxyLimit !== undefined && bytes > options.proxyLimit
          ? new Response('<html><body><h1>413 Request Entity Too Large</h1></body></html>', { status: 413, headers: { 'content-type': 'text/html' } })
          : await server.app.request(path, rest);
      if (path === ROUTES.push) pushes.push({ bytes, status: response.status });
      return response;
    };
    const transportFor = (_l: unknown, token: () => string | null) => createHttpTransport({ baseUrl: BASE, token, fetch: fetcher });
    const mutate = createMutate(db, { actor: () => name, now: server.now });
    const invite = await invitePerson(server.database.db, teamId, { name, role: 'lead', ttlMs: 3600_000, now: server.now() });
    await enrol({ db, host, transportFor, now: server.now }, { serverUrl: BASE, code: invite.code, deviceName: name });
    const sync = async () => {
      const token = await host.getSecret(TOKEN_SECRET);
      return syncOnce({ db, transport: transportFor(null, () => token), onChanged: () => undefined, now: server.now });
    };
    return { db, mutate, sync, pushes, close: () => db.delete() };
  }

  const withNotes = (id: string, notes: string) => ({ person: { ...personArgs(id).person, notes } });

  it('splits a batch over the byte limit into requests under it, counting bytes, not characters', async () => {
    const { teamId } = await server.team();
    const a = await consoleOn(teamId);
    // Three notes of 1.5 million "é": 4.5 million characters in all, but 9 MB on the wire.
    for (const id of ['e1', 'e2', 'e3']) await a.mutate('person.create', withNotes(id, 'é'.repeat(1_500_000)));
    await a.mutate('person.create', personArgs('small'));
    expect(await a.sync()).toMatchObject({ applied: 4, refused: 0 });
    expect(a.pushes.length).toBeGreaterThanOrEqual(3);
    for (const push of a.pushes) {
      expect(push.status).toBe(200);
      expect(push.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    }
    expect(await a.db.outbox.count()).toBe(0);
    const b = await consoleOn(teamId);
    await b.sync();
    expect((await b.db.people.get('e2'))?.notes).toBe('é'.repeat(1_500_000));
    expect(await b.db.people.get('small')).toBeDefined();
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a single mutation too large to send, reverts it and says why, and syncs the rest behind it', async () => {
    const { teamId } = await server.team();
    const a = await consoleOn(teamId);
    await a.mutate('person.create', personArgs('before'));
    await a.mutate('person.create', withNotes('huge', 'x'.repeat(MAX_BODY_BYTES)));
    await a.mutate('person.create', personArgs('after'));
    await a.mutate('person.update', { id: 'after', fields: { email: 'after@example.org' } });
    expect(await a.db.people.get('huge')).toBeDefined();
    expect(await a.sync()).toMatchObject({ applied: 3, refused: 1 });
    for (const push of a.pushes) expect(push.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Undone here, and explained.
    expect(await a.db.people.get('huge')).toBeUndefined();
    expect(await a.db.outbox.count()).toBe(0);
    const refusals = await teamLink.refusals(a.db);
    expect(refusals).toEqual([expect.objectContaining({ seq: 2, name: 'person.create', code: 'too-large' })]);
    expect(refusals[0]!.message).toMatch(/4\.0 MB/);
    // Behind it, the rest reached the team.
    const b = await consoleOn(teamId);
    await b.sync();
    expect(await b.db.people.get('before')).toBeDefined();
    expect(await b.db.people.get('after')).toMatchObject({ email: 'after@example.org' });
    expect(await b.db.people.get('huge')).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });

  it('behind a proxy with a smaller limit, halves its batches, and gives up only on a mutation refused alone', async () => {
    const { teamId } = await server.team();
    const proxyLimit = 1024 * 1024;
    const a = await consoleOn(teamId, { proxyLimit });
    for (const id of ['m1', 'm2', 'm3']) await a.mutate('person.create', withNotes(id, 'm'.repeat(400_000)));
    await a.mutate('person.create', withNotes('big', 'b'.repeat(1_500_000)));
    await a.mutate('person.create', personArgs('last'));
    expect(await a.sync()).toMatchObject({ applied: 4, refused: 1 });
    expect(a.pushes.some((p) => p.status === 413)).toBe(true);
    expect(a.pushes.filter((p) => p.status === 200).every((p) => p.bytes <= proxyLimit)).toBe(true);
    const [refusal] = await teamLink.refusals(a.db);
    expect(refusal).toMatchObject({ name: 'person.create', code: 'too-large' } satisfies Partial<Refusal>);
    expect(refusal!.message).toMatch(/proxy/);
    expect(await a.db.people.get('big')).toBeUndefined();
    const b = await consoleOn(teamId);
    await b.sync();
    expect((await b.db.people.toArray()).map((p) => p.id).sort()).toEqual(['last', 'm1', 'm2', 'm3']);
    await Promise.all([a.close(), b.close()]);
  });

  it('syncs a 10,000-person import to a second device', async () => {
    const { teamId } = await server.team();
    const a = await consoleOn(teamId);
    const people = directory(10_000);
    expect(jsonBytes(people)).toBeGreaterThan(MAX_BODY_BYTES);
    await writeImport(a.db, a.mutate, 'personas.csv', { create: people, update: [] });
    const parts = await a.db.outbox.count();
    expect(parts).toBeGreaterThan(1);
    expect(await a.sync()).toMatchObject({ applied: parts, refused: 0 });
    for (const push of a.pushes) expect(push.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const b = await consoleOn(teamId);
    expect((await b.sync()).pulled).toBeGreaterThanOrEqual(10_000);
    expect(await b.db.people.count()).toBe(10_000);
    const sample = [0, 4_999, 9_999].map((i) => people[i]!);
    for (const p of sample) expect(await b.db.people.get(p.id)).toMatchObject({ name: p.name, phones: p.phones, notes: p.notes, workingHours: p.workingHours });
    await Promise.all([a.close(), b.close()]);
  }, 240_000);

  it('records a withheld mutation as refused, once, and refuses one that is both withheld and carries its args', async () => {
    const { admin } = await server.team();
    const marker = { ...admin.mutation('person.create', personArgs('x')), args: undefined, withheldBytes: 5_000_000 };
    const first = await admin.push([marker]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ lastSeq: marker.seq, results: [{ seq: marker.seq, status: 'refused', refusal: { code: 'too-large' } }] });
    expect((await admin.push([marker])).body.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'too-large' } });
    const { pages } = await admin.pullAll();
    expect(pages[0]!.refusals).toEqual([expect.objectContaining({ seq: marker.seq, code: 'too-large' })]);
    const both = { ...admin.mutation('person.create', personArgs('y')), withheldBytes: 10 };
    const neither = { ...admin.mutation('person.create', personArgs('z')), args: undefined };
    for (const bad of [both, neither]) {
      const reply = await admin.push([bad]);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: 'invalid-request', issues: [expect.objectContaining({ path: 'mutations.0.args' })] });
    }
  });
});
