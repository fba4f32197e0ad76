import { Writable } from 'node:stream';
import { fc } from '@fast-check/vitest';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/hlc';
import type { MutationArgs, MutationName } from '../../../shared/mutations';
import type { PushedMutation, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { authenticate, type Caller } from '../../../server/src/auth/authenticate';
import { openDatabase } from '../../../server/src/db/connect';
import { mutations, people, records } from '../../../server/src/db/schema';
import { ApiError } from '../../../server/src/errors';
import { createLog } from '../../../server/src/log';
import { Pushes, type PushDeps } from '../../../server/src/sync/push';
import { shippedLibrary, silentLog, STORES, TestServer, type Device, type StoreKind } from './support/harness';
import { answerArgs, approveArgs, declareArgs, personArgs, reviseArgs, statusArgs } from './support/domain';

/**
 * A team's pushes wait for their turn in memory and the pushes that arrived meanwhile are applied
 * together, in one transaction, reading the rows they need a few statements at a time. None of
 * that may change what a push does: here the same pushes are applied one at a time (reading each
 * row as it is asked for) on one team and all queued at once on another, and the two teams must
 * end up identical, every push answered alike.
 */

const callerOf = (server: TestServer, device: Device): Promise<Caller> => authenticate(server.database.db, `Bearer ${device.token}`);

function pushesOn(server: TestServer, options: Partial<PushDeps> = {}): Pushes {
  return new Pushes({ db: server.database.db, shipped: shippedLibrary(), log: silentLog, now: server.now, ...options });
}

type Answer = { ok: Omit<PushResponse, 'teamVersion'> } | { error: string };

/** A push's answer, without the team version (one at a time it is the push's own, together the group's). */
async function answerOf(pending: Promise<PushResponse>): Promise<Answer> {
  try {
    const { teamVersion: _v, ...rest } = await pending;
    return { ok: rest };
  } catch (error) {
    return { error: error instanceof ApiError ? `${error.status} ${error.code}` : `database: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Everything the server keeps of a team's work, authors by name (person ids differ between teams). */
async function stateOf(server: TestServer, teamId: string) {
  const db = server.database.db;
  const rows = await db
    .select({ tbl: records.tbl, id: records.id, version: records.version, row: records.row, author: people.name })
    .from(records)
    .leftJoin(people, eq(people.id, records.authorPersonId))
    .where(eq(records.teamId, teamId))
    .orderBy(asc(records.tbl), asc(records.id));
  const log = await db
    .select({ device: mutations.deviceId, seq: mutations.seq, id: mutations.mutationId, status: mutations.status, version: mutations.version, refusal: mutations.refusal })
    .from(mutations)
    .where(eq(mutations.teamId, teamId))
    .orderBy(asc(mutations.deviceId), asc(mutations.seq));
  return { rows, log };
}

// ---- the workload ---------------------------------------------------------------------------

const PEOPLE = ['p0', 'p1', 'p2'];
const INCIDENTS = ['i0', 'i1'];
const ANSWERS = ['a0', 'a1'];
const ROLES = ['lead', 'responder', 'lead'] as const;

type Op =
  | { kind: 'person.create' | 'person.delete' | 'incident.declare' | 'answer.create'; id: string }
  | { kind: 'person.update'; id: string; notes: string }
  | { kind: 'log.append'; incident: string; entry: number; text: number }
  | { kind: 'incident.setStatus'; incident: string; status: 'declared' | 'active' | 'monitoring' | 'resolved' }
  | { kind: 'answer.revise'; answer: string }
  | { kind: 'answer.approve'; answer: string; revision: 1 | 2 }
  | { kind: 'unknown' | 'invalid' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('person.create' as const, 'person.delete' as const), id: fc.constantFrom(...PEOPLE) }),
  fc.record({ kind: fc.constant('person.update' as const), id: fc.constantFrom(...PEOPLE), notes: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('incident.declare' as const), id: fc.constantFrom(...INCIDENTS) }),
  // Few entry ids: the same entry again is a harmless replay when identical, a conflict when not.
  fc.record({ kind: fc.constant('log.append' as const), incident: fc.constantFrom(...INCIDENTS), entry: fc.integer({ min: 0, max: 3 }), text: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('incident.setStatus' as const), incident: fc.constantFrom(...INCIDENTS), status: fc.constantFrom('declared' as const, 'active' as const, 'monitoring' as const, 'resolved' as const) }),
  fc.record({ kind: fc.constant('answer.create' as const), id: fc.constantFrom(...ANSWERS) }),
  fc.record({ kind: fc.constant('answer.revise' as const), answer: fc.constantFrom(...ANSWERS) }),
  fc.record({ kind: fc.constant('answer.approve' as const), answer: fc.constantFrom(...ANSWERS), revision: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({ kind: fc.constantFrom('unknown' as const, 'invalid' as const) }),
);

/** A push by one device: new mutations, a resend of that device's previous push, or one that skips seqs. */
interface PushSpec {
  device: number;
  shape: 'new' | 'resend' | 'gap';
  ops: Op[];
}
const pushArb: fc.Arbitrary<PushSpec> = fc.record({
  device: fc.integer({ min: 0, max: ROLES.length - 1 }),
  shape: fc.constantFrom('new' as const, 'new' as const, 'new' as const, 'resend' as const, 'gap' as const),
  ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
});

function mutationOf(op: Op, n: number): { name: string; args: unknown } {
  const named = <N extends MutationName>(name: N, args: MutationArgs<N>) => ({ name, args });
  switch (op.kind) {
    case 'person.create':
      return named('person.create', personArgs(op.id));
    case 'person.delete':
      return named('person.delete', { id: op.id });
    case 'person.update':
      return named('person.update', { id: op.id, fields: { notes: op.notes } });
    case 'incident.declare':
      return named('incident.declare', declareArgs(op.id));
    case 'log.append':
      return named('log.append', { entry: { id: `${op.incident}.e${op.entry}`, incidentId: op.incident, kind: 'note', text: `nota ${op.text}`, by: 'ana', at: '2026-03-01T10:00:00.000Z' } });
    case 'incident.setStatus':
      return named('incident.setStatus', statusArgs(op.incident, op.status, `${op.incident}.s${n}`));
    case 'answer.create':
      return named('answer.create', answerArgs(op.id));
    case 'answer.revise':
      return named('answer.revise', reviseArgs(op.answer, 2));
    case 'answer.approve':
      return named('answer.approve', approveArgs(op.answer, `${op.answer}.r${op.revision}`));
    case 'unknown':
      return { name: 'person.teleport', args: {} };
    case 'invalid':
      return { name: 'person.create', args: { person: { id: 'p9', name: 42 } } };
  }
}

/** The requests, made once and sent alike to both teams (their devices have the same ids). */
function requestsOf(deviceIds: readonly string[], clock: number, pushes: readonly PushSpec[]): { device: number; request: PushRequest }[] {
  const next = deviceIds.map(() => 1);
  const previous = new Map<number, PushedMutation[]>();
  let n = 0;
  return pushes.map(({ device, shape, ops }) => {
    const deviceId = deviceIds[device]!;
    const resend = previous.get(device);
    if (shape === 'resend' && resend) return { device, request: { deviceId, mutations: resend } };
    const first = shape === 'gap' ? next[device]! + 2 : next[device]!;
    const list = ops.map((op, i): PushedMutation => {
      n += 1;
      const { name, args } = mutationOf(op, n);
      return { seq: first + i, id: `m${n}`, name, args, hlc: formatHlc({ millis: clock, counter: n, node: deviceId }), at: new Date(clock).toISOString() };
    });
    // A push that skipped seqs is refused whole: the device sends those seqs again later.
    if (shape !== 'gap') {
      next[device] = first + list.length;
      previous.set(device, list);
    }
    return { device, request: { deviceId, mutations: list } };
  });
}

describe.each(STORES)('pushes of one team, together on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  /** A team with the admin and one device per role, named alike in every team. */
  async function team() {
    const { teamId, admin } = await server.team();
    const devices: Device[] = [];
    for (const [i, role] of ROLES.entries()) devices.push(await server.join(teamId, role, `member-${i}`));
    return { teamId, admin, devices, callers: await Promise.all(devices.map((d) => callerOf(server, d))) };
  }

  it('applies pushes queued together exactly as it applies them one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pushArb, { minLength: 1, maxLength: 14 }), fc.constantFrom(0, 1, 2, 4), async (pushes, rounds) => {
        const one = await team();
        const together = await team();
        const requests = requestsOf(
          one.devices.map((d) => d.id),
          server.clock,
          pushes,
        );

        const alone = pushesOn(server, { learningRounds: 0 });
        const singly: Answer[] = [];
        for (const { device, request } of requests) singly.push(await answerOf(alone.push(one.callers[device]!, request)));

        const grouped = pushesOn(server, { learningRounds: rounds });
        const queued = requests.map(({ device, request }) => answerOf(grouped.push(together.callers[device]!, request)));
        expect(await Promise.all(queued)).toEqual(singly);

        expect(await stateOf(server, together.teamId)).toEqual(await stateOf(server, one.teamId));
        const [a, b] = [await one.admin.pullAll(), await together.admin.pullAll()];
        expect(b.pages.at(-1)!.teamVersion).toBe(a.pages.at(-1)!.teamVersion);
      }),
      { numRuns: store === 'pglite' ? 25 : 15 },
    );
  });

  it('answers each push of a group for itself: a seq gap is refused alone, the others applied', async () => {
    const { devices, callers } = await team();
    const pushes = pushesOn(server);
    const m = (device: number, seq: number, id: string): PushedMutation => ({
      seq,
      id: `${id}-m`,
      name: 'person.create',
      args: personArgs(id),
      hlc: formatHlc({ millis: server.clock, counter: seq, node: devices[device]!.id }),
      at: server.now().toISOString(),
    });
    const first = pushes.push(callers[0]!, { deviceId: devices[0]!.id, mutations: [m(0, 1, 'x')] });
    // Queued while the first runs: one group of three.
    const gap = answerOf(pushes.push(callers[1]!, { deviceId: devices[1]!.id, mutations: [m(1, 3, 'y')] }));
    const fine = pushes.push(callers[2]!, { deviceId: devices[2]!.id, mutations: [m(2, 1, 'z')] });
    const again = pushes.push(callers[0]!, { deviceId: devices[0]!.id, mutations: [m(0, 2, 'w')] });
    expect(await first).toMatchObject({ results: [{ seq: 1, status: 'applied', version: 1 }], lastSeq: 1, teamVersion: 1 });
    expect(await gap).toEqual({ error: '409 seq-gap' });
    expect(await fine).toEqual({ results: [{ seq: 1, status: 'applied', version: 2 }], lastSeq: 1, teamVersion: 3 });
    expect(await again).toEqual({ results: [{ seq: 2, status: 'applied', version: 3 }], lastSeq: 2, teamVersion: 3 });
  });

  it('a push the database refuses fails alone: the group is applied again one push at a time', async () => {
    const { devices, callers } = await team();
    const lines: string[] = [];
    const log = createLog('warn', new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
    const pushes = pushesOn(server, { log });
    const push = (device: number, args: MutationArgs<'person.create'>) =>
      pushes.push(callers[device]!, {
        deviceId: devices[device]!.id,
        mutations: [{ seq: 1, id: `${args.person.id}-m`, name: 'person.create', args, hlc: formatHlc({ millis: server.clock, counter: 0, node: devices[device]!.id }), at: server.now().toISOString() }],
      });
    // A row the database itself refuses to write (text it cannot store is refused before, by the
    // argument check, so a trigger stands in for whatever else a database may refuse).
    await server.database.db.execute(
      sql.raw(`CREATE FUNCTION refuse_poisoned() RETURNS trigger AS $$ BEGIN IF NEW.id = 'poisoned' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`),
    );
    await server.database.db.execute(sql.raw('CREATE TRIGGER refuse_poisoned BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION refuse_poisoned()'));
    try {
      const first = answerOf(push(0, personArgs('first')));
      const poisoned = answerOf(push(1, personArgs('poisoned')));
      const fine = answerOf(push(2, personArgs('fine')));
      expect(await first).toMatchObject({ ok: { lastSeq: 1 } });
      expect(await poisoned).toMatchObject({ error: expect.stringMatching(/^database: /) });
      expect(await fine).toEqual({ ok: { results: [{ seq: 1, status: 'applied', version: 2 }], lastSeq: 1 } });
      expect(lines.join('')).toMatch(/a group of pushes failed; applying each alone/);
    } finally {
      await server.database.db.execute(sql.raw('DROP TRIGGER refuse_poisoned ON records'));
      await server.database.db.execute(sql.raw('DROP FUNCTION refuse_poisoned()'));
    }
  });
});

describe('pushes of one team under load, on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The harness's pool has 4 connections.
    server = await TestServer.start('postgres');
  });
  afterAll(() => server?.close());

  async function lockWaiters(client: pg.Client): Promise<number> {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
    );
    return Number(rows[0]!.n);
  }

  it('waits for its turn in memory: pushes hold one pooled connection, so a pull is answered while they wait', async () => {
    const { teamId, admin } = await server.team();
    const devices = [];
    for (let i = 0; i < 8; i += 1) devices.push(await server.join(teamId, 'responder', `busy-${i}`));
    // Another server process is in the middle of a push of this team: it holds the team's row lock.
    const other = new pg.Client({ connectionString: server.database.url! });
    const watcher = new pg.Client({ connectionString: server.database.url! });
    await Promise.all([other.connect(), watcher.connect()]);
    try {
      await other.query('begin');
      await other.query('select version from teams where id = $1 for update', [teamId]);
      const replies = devices.map((d) => d.push([d.mutation('person.create', personArgs(`${d.id}-person`))]));
      while ((await lockWaiters(watcher)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      // Every push is in: one waits on the lock with a connection, the others wait in memory.
      let timer: NodeJS.Timeout | undefined;
      const pulled = await Promise.race([
        admin.pull(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the pull waited behind the pushes for a connection')), 15_000))),
      ]).finally(() => clearTimeout(timer));
      expect(pulled.status).toBe(200);
      expect(pulled.body.teamVersion).toBe(0);
      expect(await lockWaiters(watcher)).toBe(1);

      await other.query('commit');
      const answers = await Promise.all(replies);
      expect(answers.map((a) => a.status)).toEqual(devices.map(() => 200));
      const versions = answers.flatMap((a) => a.body.results.map((r) => r.version!)).sort((x, y) => x - y);
      expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await other.end().catch(() => undefined);
      await watcher.end().catch(() => undefined);
    }
  });

  it('two server processes pushing for one team take turns through the team row lock: every version once, nothing lost', async () => {
    const url = server.database.url!;
    const second = await TestServer.start('postgres', { database: Object.assign(await openDatabase({ kind: 'postgres', url, poolSize: 4 }, silentLog), { url }) });
    try {
      const { teamId, admin } = await server.team();
      const devices = [admin];
      for (let i = 0; i < 5; i += 1) devices.push(await server.join(teamId, 'responder', `twin-${i}`));
      // Odd devices talk to the second process, even ones to the first; each sends 4 pushes of 3.
      const replies = await Promise.all(
        devices.map(async (d, i) => {
          const via = i % 2 === 0 ? d : d.through(second);
          const out = [];
          for (let j = 0; j < 4; j += 1) out.push(await via.push([0, 1, 2].map((k) => via.mutation('person.create', personArgs(`d${i}-b${j}-m${k}`)))));
          return out;
        }),
      );
      const versions = replies.flat().flatMap((r) => r.body.results.map((x) => x.version!));
      expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
      const { rows, pages } = await admin.pullAll();
      expect(rows.size).toBe(72);
      expect(pages.at(-1)!.teamVersion).toBe(72);
    } finally {
      await second.close();
    }
  });
});
