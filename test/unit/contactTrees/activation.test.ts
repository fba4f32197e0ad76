import { describe, expect, it } from 'vitest';
import { attemptAt, runCallTree, treeActivatedAt } from '../../../shared/contactTrees';
import { contactTreeSchema, incidentSchema, personSchema } from '../../../shared/domain';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { freshDb, mutateFor } from '../db/fixtures';

const DECLARED = '2026-05-11T08:00:00.000Z';

async function incidentWithTree(contactTreeId: string | null) {
  const db = freshDb();
  let now = new Date(DECLARED);
  const mutate = mutateFor(db, () => now);
  await mutate('person.create', { person: personSchema.parse({ id: 'ana', name: 'Ana' }) });
  await mutate('contactTree.create', { tree: contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [{ id: 'n1', parentId: null, order: 0, target: { kind: 'person', personId: 'ana' } }] }) });
  const { incident, items, entry } = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana',
    playbookId: null, revision: null, people: [], newId: () => `id-${Math.random().toString(36).slice(2)}`,
  });
  await mutate('incident.declare', { incident: { ...incident, contactTreeId }, items, entry });
  return { db, mutate, setNow: (d: string) => (now = new Date(d)) };
}

describe('when a call tree started', () => {
  it('at the declaration, for a tree named by the playbook', async () => {
    const { db } = await incidentWithTree('tree-1');
    expect(treeActivatedAt((await db.incidents.get('inc-1'))!)).toBe(Date.parse(DECLARED));
  });

  it('when it was chosen later, and again when it is chosen again (a restart)', async () => {
    const { db, mutate, setNow } = await incidentWithTree(null);
    setNow('2026-05-11T08:07:00.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { contactTreeId: 'tree-1' } });
    expect(treeActivatedAt((await db.incidents.get('inc-1'))!)).toBe(Date.parse('2026-05-11T08:07:00.000Z'));
    // Editing other fields does not restart it.
    setNow('2026-05-11T08:09:00.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { title: 'Outage (EU)' } });
    expect(treeActivatedAt((await db.incidents.get('inc-1'))!)).toBe(Date.parse('2026-05-11T08:07:00.000Z'));
    setNow('2026-05-11T08:30:00.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { contactTreeId: 'tree-1' } });
    expect(treeActivatedAt((await db.incidents.get('inc-1'))!)).toBe(Date.parse('2026-05-11T08:30:00.000Z'));
  });

  it('from the declaration when the field carries no stamp, or a malformed one', () => {
    const incident = incidentSchema.parse({ id: 'i', title: 'x', severity: 'low', status: 'declared', lead: { personId: null, name: 'A' }, declaredAt: DECLARED, declaredBy: 'a' });
    expect(treeActivatedAt(incident)).toBe(Date.parse(DECLARED));
    expect(treeActivatedAt({ ...incident, clock: { contactTreeId: 'nonsense' } })).toBe(Date.parse(DECLARED));
  });
});

describe('when an attempt is recorded', () => {
  it('now, or at the activation if this machine\'s clock is behind the stamp, so the attempt counts', () => {
    const activatedAt = Date.parse(DECLARED);
    expect(attemptAt(activatedAt, activatedAt + 5_000).toISOString()).toBe('2026-05-11T08:00:05.000Z');
    const behind = attemptAt(activatedAt, activatedAt - 90_000);
    expect(behind.toISOString()).toBe(DECLARED);
    const tree = { id: 'tree-1', nodes: [{ id: 'n1', parentId: null, order: 0, target: { kind: 'person' as const, personId: 'ana' }, escalateAfterMinutes: 10 }] };
    const people = [personSchema.parse({ id: 'ana', name: 'Ana' })];
    const attempt = { id: 'a1', incidentId: 'inc-1', treeId: 'tree-1', nodeId: 'n1', personId: 'ana', outcome: 'reached' as const, by: 'ana', at: behind.toISOString(), note: '' };
    expect(runCallTree({ tree, people, attempts: [attempt], activatedAt, now: activatedAt }).nodes[0]!.state).toBe('reached');
  });
});
