import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/hlc';
import { refusalSchema, seqGapSchema, MAX_CLOCK_DRIFT_MS, type PullResponse } from '../../../shared/sync/protocol';
import { STORES, TestServer, type Device, type StoreKind } from './support/harness';
import { answerArgs, approveArgs, declareArgs, personArgs, reviseArgs, statusArgs } from './support/domain';

async function counts(server: TestServer, device: Device) {
  const { body } = await device.pull(null, 2000);
  return { teamVersion: body.teamVersion, lastSeq: body.lastSeq, rows: body.changes.length };
}

describe.each(STORES)('push on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  it('applies mutations in order, numbers them with team versions and records lastSeq', async () => {
    const { admin } = await server.team();
    const reply = await admin.push([admin.mutation('person.create', personArgs('p1')), admin.mutation('person.update', { id: 'p1', fields: { email: 'p1@example.org' } })]);
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([
      { seq: 1, status: 'applied', version: 1 },
      { seq: 2, status: 'applied', version: 2 },
    ]);
    expect(reply.body).toMatchObject({ lastSeq: 2, teamVersion: 2 });
    const { rows } = await admin.pullAll();
    expect(rows.get('people/p1')).toMatchObject({ id: 'p1', email: 'p1@example.org', deleted: false });
  });

  it('answers a resend with `duplicate` and changes nothing', async () => {
    const { admin } = await server.team();
    const batch = [admin.mutation('person.create', personArgs('p1')), admin.mutation('person.update', { id: 'p1', fields: { notes: 'first' } })];
    await admin.push(batch);
    const before = await counts(server, admin);
    const again = await admin.push(batch);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual([
      { seq: 1, status: 'duplicate' },
      { seq: 2, status: 'duplicate' },
    ]);
    expect(await counts(server, admin)).toEqual(before);
    // A resend that overlaps new work: the old part is duplicate, the new part applied.
    const next = admin.mutation('person.update', { id: 'p1', fields: { notes: 'second' } });
    const overlap = await admin.push([batch[1]!, next]);
    expect(overlap.body.results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
  });

  it('refuses a gap in seqs with 409 and the seq to resend from', async () => {
    const { admin } = await server.team();
    await admin.run('person.create', personArgs('p1'));
    admin.seq += 3;
    const reply = await admin.push([admin.mutation('person.update', { id: 'p1', fields: { notes: 'x' } })]);
    expect(reply.status).toBe(409);
    expect(seqGapSchema.parse(reply.body)).toMatchObject({ error: 'seq-gap', expectedSeq: 2 });
    expect((await counts(server, admin)).lastSeq).toBe(1);
  });

  it('refuses seqs that are not consecutive within one push', async () => {
    const { admin } = await server.team();
    const a = admin.mutation('person.create', personArgs('p1'));
    admin.seq += 1;
    const b = admin.mutation('person.create', personArgs('p2'));
    const reply = await admin.push([a, b]);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid-request', issues: [{ path: 'mutations.1.seq' }] });
    expect((await counts(server, admin)).rows).toBe(0);
  });

  it('records a refusal: the seq advances, the pull repeats it, a resend gets it again', async () => {
    const { admin } = await server.team();
    await admin.run('incident.declare', declareArgs('inc1'));
    // declared → monitoring is not a transition of the status machine.
    const bad = admin.mutation('incident.setStatus', statusArgs('inc1', 'monitoring', 'inc1.s1'));
    const reply = await admin.push([bad]);
    expect(reply.body.results[0]).toMatchObject({ seq: 2, status: 'refused', refusal: { code: 'invalid', mutationId: bad.id, name: 'incident.setStatus' } });
    expect(reply.body.lastSeq).toBe(2);
    const refusal = refusalSchema.parse(reply.body.results[0]!.refusal);
    expect(refusal.message).toMatch(/declared to monitoring/);

    const pulled = (await admin.pull()).body as PullResponse;
    expect(pulled.lastSeq).toBe(2);
    expect(pulled.refusals).toEqual([refusal]);
    expect(pulled.changes.find((c) => c.table === 'logEntries' && c.id === 'inc1.s1')).toBeUndefined();

    const resent = await admin.push([bad]);
    expect(resent.body.results).toEqual([{ seq: 2, status: 'refused', refusal }]);
    // The next mutation continues after the refused seq.
    expect((await admin.run('incident.setStatus', statusArgs('inc1', 'active', 'inc1.s2'))).status).toBe('applied');
  });

  it('leaves nothing of a mutation refused half-way (savepoint)', async () => {
    const { admin } = await server.team();
    await admin.run('answer.create', answerArgs('a1'));
    // answer.create writes the answer, then the revision collides with a different existing one.
    const clash = answerArgs('a2');
    clash.revision = { ...answerArgs('a1').revision, answerId: 'a2', texts: { es: { x: 'otro' }, en: { x: 'other' } }, id: 'a1.r1' };
    const result = await admin.run('answer.create', clash);
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'conflict' } });
    const { rows } = await admin.pullAll();
    expect(rows.has('answers/a2')).toBe(false);
  });

  it('refuses every write of a viewer', async () => {
    const { teamId } = await server.team();
    const viewer = await server.join(teamId, 'viewer');
    const result = await viewer.run('person.create', personArgs('p1'));
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
    expect((await counts(server, viewer)).rows).toBe(0);
  });

  it('lets only leads and admins approve, and nobody approve a revision they wrote', async () => {
    const { teamId, admin } = await server.team();
    const lead = await server.join(teamId, 'lead');
    const responder = await server.join(teamId, 'responder');
    await responder.run('answer.create', answerArgs('a1'));

    expect(await responder.run('answer.approve', approveArgs('a1', 'a1.r1'))).toMatchObject({ status: 'refused', refusal: { code: 'forbidden', message: /only leads and admins/ } });

    await lead.run('answer.revise', reviseArgs('a1', 2));
    const own = await lead.run('answer.approve', approveArgs('a1', 'a1.r2'));
    expect(own).toMatchObject({ status: 'refused', refusal: { code: 'forbidden', message: /nobody approves a revision they wrote/ } });

    // The revision's createdBy text proves nothing: authorship is who pushed it.
    expect(await lead.run('answer.approve', approveArgs('a1', 'a1.r1'))).toMatchObject({ status: 'applied' });
    expect(await admin.run('answer.approve', approveArgs('a1', 'a1.r2'))).toMatchObject({ status: 'applied' });
    const { rows } = await admin.pullAll();
    expect(rows.has('approvals/a1.r1.approval')).toBe(true);
    expect(rows.has('approvals/a1.r2.approval')).toBe(true);
  });

  it('knows who wrote a revision pushed earlier in the same push', async () => {
    const { teamId } = await server.team();
    const lead = await server.join(teamId, 'lead');
    const reply = await lead.push([lead.mutation('answer.create', answerArgs('a1')), lead.mutation('answer.approve', approveArgs('a1', 'a1.r1'))]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'refused']);
    const { rows } = await lead.pullAll();
    expect([...rows.keys()].sort()).toEqual(['answerRevisions/a1.r1', 'answers/a1']);
  });

  it('refuses a mutation stamped too far in the future of the server clock', async () => {
    const { admin } = await server.team();
    const future = formatHlc({ millis: server.clock + MAX_CLOCK_DRIFT_MS + 60_000, counter: 0, node: admin.id });
    const result = (await admin.push([admin.mutation('person.create', personArgs('p1'), { hlc: future })])).body.results[0];
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'clock-drift' } });
    // Within the bound is fine.
    const near = formatHlc({ millis: server.clock + MAX_CLOCK_DRIFT_MS - 60_000, counter: 0, node: admin.id });
    expect((await admin.push([admin.mutation('person.create', personArgs('p2'), { hlc: near })])).body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a stamp of another node, an unknown mutation and invalid arguments, each saying why', async () => {
    const { admin } = await server.team();
    const reply = await admin.push([
      admin.mutation('person.create', personArgs('p1'), { hlc: formatHlc({ millis: server.clock, counter: 0, node: 'someone-else' }) }),
      admin.mutation('person.create', personArgs('p2'), { name: 'person.teleport' }),
      admin.mutation('person.create', { person: { id: 'p3', name: 42 } } as never),
    ]);
    expect(reply.body.results.map((r) => r.refusal?.code)).toEqual(['invalid', 'unknown-mutation', 'invalid']);
    expect(reply.body.results[2]!.refusal).toMatchObject({ issues: [{ path: 'person.name' }] });
    expect(reply.body.lastSeq).toBe(3);
    expect((await counts(server, admin)).rows).toBe(0);
  });

  it('refuses a second mutation under a seq already used, without touching the first', async () => {
    const { admin } = await server.team();
    const first = admin.mutation('person.create', personArgs('p1'));
    await admin.push([first]);
    const impostor = { ...admin.mutation('person.create', personArgs('p2')), seq: first.seq };
    const reply = await admin.push([impostor]);
    expect(reply.body.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'conflict', mutationId: impostor.id } });
    const { rows } = await admin.pullAll();
    expect([...rows.keys()]).toEqual(['people/p1']);
  });

  it('merges edits field by field by the devices’ own clocks (last writer wins)', async () => {
    const { teamId, admin } = await server.team();
    const other = await server.join(teamId, 'responder');
    await admin.run('answer.create', answerArgs('a1'));
    // `other` edits later (by its clock) than `admin`, but its push arrives first.
    const early = admin.mutation('answer.update', { id: 'a1', fields: { tags: ['admin'], title: { es: 'De Ana', en: 'By Ana' } } });
    server.clock += 1000;
    const late = other.mutation('answer.update', { id: 'a1', fields: { title: { es: 'De otro', en: 'By other' } } });
    await other.push([late]);
    await admin.push([early]);
    const { rows } = await admin.pullAll();
    expect(rows.get('answers/a1')).toMatchObject({ tags: ['admin'], title: { es: 'De otro', en: 'By other' } });
  });

  it('serialises concurrent pushes: every version used once, in order, and a racing resend applied once', async () => {
    const { teamId, admin } = await server.team();
    const devices = [admin, ...(await Promise.all([1, 2, 3].map(() => server.join(teamId, 'responder'))))];
    const batches = devices.map((d, i) => Array.from({ length: 3 }, (_, j) => [0, 1, 2].map((k) => d.mutation('person.create', personArgs(`d${i}-b${j}-m${k}`)))));
    const replies = await Promise.all(devices.map(async (d, i) => {
      const out = [];
      for (const batch of batches[i]!) out.push(await d.push(batch));
      return out;
    }));
    const versions = replies.flat().flatMap((r) => r.body.results.map((x) => x.version));
    expect(versions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    // The same batch sent twice at once (a retry racing the original): applied once.
    const batch = [admin.mutation('person.create', personArgs('raced'))];
    const [one, two] = await Promise.all([admin.push(batch), admin.push(batch)]);
    expect([one.body.results[0]!.status, two.body.results[0]!.status].sort()).toEqual(['applied', 'duplicate']);
    const { rows, pages } = await admin.pullAll();
    expect(rows.size).toBe(37);
    expect(pages.at(-1)!.teamVersion).toBe(37);
  });

  it('refuses a push for another device id, changing nothing', async () => {
    const { teamId, admin } = await server.team();
    const other = await server.join(teamId, 'responder');
    const reply = await server.call('POST', '/v1/sync/push', { token: admin.token, body: { deviceId: other.id, mutations: [other.mutation('person.create', personArgs('p1'))] } });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: 'device-mismatch' });
    expect((await counts(server, admin)).rows).toBe(0);
  });
});
