import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES, TestServer, type StoreKind } from './support/harness';
import { declareArgs } from './support/domain';

/**
 * The call tree's activation on the team server: the same mutators run there, so a tree chosen at
 * the declaration stays not started, and the tree with its start time merge as one pair by the
 * devices' clocks, whatever order their pushes arrive in.
 */
describe.each(STORES)('the call tree activation on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  it('keeps a preselected tree not started, and merges concurrent activations as one pair (last writer wins)', async () => {
    const { teamId, admin } = await server.team();
    const other = await server.join(teamId, 'responder');
    const declared = declareArgs('inc-tree');
    await admin.run('incident.declare', { ...declared, incident: { ...declared.incident, contactTreeId: 'tree-1' } });
    let { rows } = await admin.pullAll();
    const row = rows.get('incidents/inc-tree') as { contactTreeId: string; contactTreeActivatedAt: string | null; clock: Record<string, string> };
    expect(row).toMatchObject({ contactTreeId: 'tree-1', contactTreeActivatedAt: null });
    expect(Object.keys(row.clock)).toEqual(expect.arrayContaining(['contactTreeId', 'contactTreeActivatedAt']));

    // Both activate while offline: `other` later by its clock, but its push arrives first.
    const early = admin.mutation('incident.update', { id: 'inc-tree', fields: { contactTreeId: 'tree-1', contactTreeActivatedAt: '2026-03-01T10:05:00.000Z' } });
    server.clock += 1000;
    const late = other.mutation('incident.update', { id: 'inc-tree', fields: { contactTreeId: 'tree-2', contactTreeActivatedAt: '2026-03-01T10:06:00.000Z' } });
    expect((await other.push([late])).body.results[0]).toMatchObject({ status: 'applied' });
    expect((await admin.push([early])).body.results[0]).toMatchObject({ status: 'applied' });
    ({ rows } = await admin.pullAll());
    expect(rows.get('incidents/inc-tree')).toMatchObject({ contactTreeId: 'tree-2', contactTreeActivatedAt: '2026-03-01T10:06:00.000Z' });
  });

  it('refuses a tree written without its start, saying why', async () => {
    const { admin } = await server.team();
    await admin.run('incident.declare', declareArgs('inc-half'));
    const reply = await admin.push([admin.mutation('incident.update', { id: 'inc-half', fields: { contactTreeId: 'tree-1' } })]);
    expect(reply.body.results[0]).toMatchObject({ status: 'refused', refusal: { code: 'invalid' } });
    expect(JSON.stringify(reply.body.results[0]!.refusal)).toContain('written together');
    const { rows } = await admin.pullAll();
    expect(rows.get('incidents/inc-half')).toMatchObject({ contactTreeId: null, contactTreeActivatedAt: null });
  });
});
