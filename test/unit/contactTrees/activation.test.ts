import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { activationTime, attemptAt, runCallTree, treeActivatedAt, treeChoiceProblem } from '../../../shared/contactTrees';
import { contactTreeSchema, incidentSchema, personSchema, type Incident, type PlaybookRevision } from '../../../shared/domain';
import { MAX_DRIFT_MS } from '../../../shared/hlc';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { mergeRecords } from '../../../shared/merge/lww';
import { mutationSchemas } from '../../../shared/mutations';
import { MutationError } from '../../../shared/mutations/error';
import type { DomainTable, MutationStore } from '../../../shared/mutations/store';
import { runMutator } from '../../../shared/mutators';
import { freshDb, mutateFor } from '../db/fixtures';
import { attempt, MIN, personNode } from './fixtures';

const DECLARED = '2026-05-11T08:00:00.000Z';

const revision: PlaybookRevision = {
  id: 'pb.r1', playbookId: 'pb', number: 1, basedOn: null, whenToUse: { es: '', en: '' }, severities: [],
  steps: [{ id: 's1', text: { es: 'Uno', en: 'One' }, role: 'crisis-lead', offsetMinutes: 0, required: true, answerIds: [] }],
  contactTreeId: 'tree-1', createdAt: DECLARED, createdBy: 'ana',
};

/** An incident declared through the mutations like the console does, from a playbook naming tree-1 or blank. */
async function declared(from: 'playbook' | 'blank') {
  const db = freshDb();
  let now = new Date(DECLARED);
  const mutate = mutateFor(db, () => now);
  await mutate('person.create', { person: personSchema.parse({ id: 'ana', name: 'Ana' }) });
  await mutate('contactTree.create', { tree: contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [{ id: 'n1', parentId: null, order: 0, target: { kind: 'person', personId: 'ana' } }] }) });
  const rows = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana',
    playbookId: from === 'playbook' ? 'pb' : null, revision: from === 'playbook' ? revision : null, people: [], newId: () => `id-${Math.random().toString(36).slice(2)}`,
  });
  await mutate('incident.declare', rows);
  const incident = async () => (await db.incidents.get('inc-1'))!;
  return { db, mutate, incident, setNow: (d: string) => (now = new Date(d)) };
}

describe('when a call tree started', () => {
  it('not at the declaration: the playbook’s tree is preselected, and waits to be activated', async () => {
    const { incident } = await declared('playbook');
    expect(await incident()).toMatchObject({ contactTreeId: 'tree-1', contactTreeActivatedAt: null });
    expect(treeActivatedAt(await incident())).toBeNull();
  });

  it('at the time written when it was activated, and again when it is restarted; other edits leave it', async () => {
    const { mutate, incident, setNow } = await declared('playbook');
    // The time comes from the field, not from when the mutation ran (the write is stamped later here).
    setNow('2026-05-11T08:07:30.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { contactTreeId: 'tree-1', contactTreeActivatedAt: '2026-05-11T08:07:00.000Z' } });
    expect(treeActivatedAt(await incident())).toBe(Date.parse('2026-05-11T08:07:00.000Z'));
    setNow('2026-05-11T08:09:00.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { title: 'Outage (EU)' } });
    expect(treeActivatedAt(await incident())).toBe(Date.parse('2026-05-11T08:07:00.000Z'));
    setNow('2026-05-11T08:30:00.000Z');
    await mutate('incident.update', { id: 'inc-1', fields: { contactTreeId: 'tree-1', contactTreeActivatedAt: '2026-05-11T08:30:00.000Z' } });
    expect(treeActivatedAt(await incident())).toBe(Date.parse('2026-05-11T08:30:00.000Z'));
    // Stopping: no tree, no start.
    await mutate('incident.update', { id: 'inc-1', fields: { contactTreeId: null, contactTreeActivatedAt: null } });
    expect(treeActivatedAt(await incident())).toBeNull();
  });

  it('never for an incident with no tree', async () => {
    const { incident } = await declared('blank');
    expect(treeActivatedAt(await incident())).toBeNull();
  });

  it('counts an incident written before the field existed from its tree’s stamp, or from its declaration', () => {
    // As IndexedDB hands back a row stored by an earlier version: no contactTreeActivatedAt at all.
    const { contactTreeActivatedAt: _gone, ...legacy } = incidentSchema.parse({
      id: 'i', title: 'x', severity: 'low', status: 'declared', lead: { personId: null, name: 'A' }, declaredAt: DECLARED, declaredBy: 'a', contactTreeId: 'tree-1',
    });
    expect(treeActivatedAt(legacy)).toBe(Date.parse(DECLARED));
    expect(treeActivatedAt({ ...legacy, clock: { contactTreeId: '001778487220000-0000-dev1' } })).toBe(1778487220000);
    expect(treeActivatedAt({ ...legacy, clock: { contactTreeId: 'nonsense' } })).toBe(Date.parse(DECLARED));
    expect(treeActivatedAt({ ...legacy, contactTreeId: null })).toBeNull();
  });

  it('treats a start that is not a date as no start (the schema refuses one; only a damaged row has it)', () => {
    const incident = { clock: { contactTreeActivatedAt: '001778487220000-0000-dev1' }, declaredAt: DECLARED, contactTreeId: 'tree-1', contactTreeActivatedAt: 'yesterday' };
    expect(treeActivatedAt(incident)).toBeNull();
    expect(treeActivatedAt({ ...incident, clock: {}, contactTreeActivatedAt: '2026-05-11T09:00:00.000Z' })).toBe(Date.parse('2026-05-11T09:00:00.000Z'));
  });
});

describe('writing the tree and its start', () => {
  it('refuses the tree without its start, the start without its tree, and a start of no tree, writing nothing', async () => {
    const { db, mutate, incident } = await declared('playbook');
    const before = { incident: await incident(), outbox: await db.outbox.count() };
    const refusals = [
      { contactTreeId: 'tree-1' },
      { contactTreeActivatedAt: '2026-05-11T08:07:00.000Z' },
      { contactTreeId: null, contactTreeActivatedAt: '2026-05-11T08:07:00.000Z' },
      { contactTreeId: 'tree-1', contactTreeActivatedAt: 'soon' },
    ];
    for (const fields of refusals) {
      const error = await mutate('incident.update', { id: 'inc-1', fields }).catch((e: unknown) => e);
      expect(error, JSON.stringify(fields)).toBeInstanceOf(MutationError);
      expect((error as MutationError).code).toBe('invalid');
      expect((error as MutationError).issues[0]!.path).toBe('fields.contactTreeActivatedAt');
    }
    expect(await incident()).toEqual(before.incident);
    expect(await db.outbox.count()).toBe(before.outbox);
  });

  it('refuses a declaration that starts a tree it does not name', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const rows = buildDeclaration({
      incidentId: 'inc-2', title: 'x', severity: 'low', lead: { personId: null, name: 'A' }, declaredAt: DECLARED, declaredBy: 'a', playbookId: null, revision: null, people: [], newId: () => `id-${Math.random()}`,
    });
    await expect(mutate('incident.declare', { ...rows, incident: { ...rows.incident, contactTreeActivatedAt: DECLARED } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.incidents.count()).toBe(0);
    // Naming it too is a declaration that starts the calls at once: allowed.
    await mutate('incident.declare', { ...rows, incident: { ...rows.incident, contactTreeId: 'tree-1', contactTreeActivatedAt: DECLARED } });
    expect(treeActivatedAt((await db.incidents.get('inc-2'))!)).toBe(Date.parse(DECLARED));
  });

  it('says why, in words, for each bad pair', () => {
    expect(treeChoiceProblem({})).toBeNull();
    expect(treeChoiceProblem({ contactTreeId: 't', contactTreeActivatedAt: null })).toBeNull();
    expect(treeChoiceProblem({ contactTreeId: null, contactTreeActivatedAt: null })).toBeNull();
    expect(treeChoiceProblem({ contactTreeId: 't' })).toMatch(/written together/);
    expect(treeChoiceProblem({ contactTreeActivatedAt: DECLARED })).toMatch(/written together/);
    expect(treeChoiceProblem({ contactTreeId: null, contactTreeActivatedAt: DECLARED })).toMatch(/without naming the tree/);
  });
});

/** A store in memory, as the team server's SqlStore is to the mutators: rows in, rows out, one stamp per mutation. */
class MemoryStore implements MutationStore {
  readonly tables = new Map<DomainTable, Map<string, unknown>>();
  hlc = '';
  readonly actor = 'ana';
  readonly now = new Date(DECLARED);
  async getMany<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    return ids.map((id) => structuredClone(this.tables.get(table)?.get(id)) as T | undefined);
  }
  async put<T extends { id: string }>(table: DomainTable, rows: readonly T[]): Promise<void> {
    if (!this.tables.has(table)) this.tables.set(table, new Map());
    for (const row of rows) this.tables.get(table)!.set(row.id, structuredClone(row));
  }
  incident(): Incident {
    return this.tables.get('incidents')!.get('inc-1') as Incident;
  }
}

const stamp = (n: number, node: string) => `${String(n).padStart(15, '0')}-0000-${node}`;

async function replica(legacyTreeStamp: string | null): Promise<MemoryStore> {
  const store = new MemoryStore();
  const rows = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana', playbookId: 'pb', revision, people: [], newId: () => 'entry-1',
  });
  store.hlc = stamp(1, 'seed');
  await runMutator(store, 'incident.declare', mutationSchemas['incident.declare'].parse(rows));
  if (legacyTreeStamp) {
    // As an earlier version left it: the tree chosen later, and no stamp for the start at all.
    const { contactTreeActivatedAt: _gone, ...legacy } = store.incident();
    const { contactTreeActivatedAt: _stamp, ...clock } = legacy.clock;
    await store.put('incidents', [{ ...legacy, contactTreeId: 'tree-legacy', clock: { ...clock, contactTreeId: legacyTreeStamp } }]);
  }
  return store;
}

describe('the tree and its start stay a pair on every machine', () => {
  const choice = fc.record({
    tree: fc.option(fc.constantFrom('tree-1', 'tree-2', 'tree-3'), { nil: null }),
    minute: fc.integer({ min: 0, max: 59 }),
    t: fc.integer({ min: 2, max: 60 }),
    node: fc.constantFrom('dev1', 'dev2', 'dev3'),
  });
  const pairOf = (i: Pick<Incident, 'contactTreeId' | 'contactTreeActivatedAt'>) => `${i.contactTreeId}@${i.contactTreeActivatedAt}`;

  test.prop([
    fc.uniqueArray(choice, { minLength: 1, maxLength: 8, selector: (c) => stamp(c.t, c.node) }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
    fc.option(fc.integer({ min: 2, max: 60 }), { nil: null }),
  ])('whatever order the writes are replayed in, every replica ends with the same pair, one that was written', async ([inOrder, shuffled], legacyAt) => {
    const legacyStamp = legacyAt === null ? null : stamp(legacyAt, 'old');
    const written = inOrder.map((c) => ({ contactTreeId: c.tree, contactTreeActivatedAt: c.tree ? `2026-05-11T09:${String(c.minute).padStart(2, '0')}:00.000Z` : null }));
    const replay = async (order: typeof inOrder) => {
      const store = await replica(legacyStamp);
      for (const c of order) {
        store.hlc = stamp(c.t, c.node);
        await runMutator(store, 'incident.update', mutationSchemas['incident.update'].parse({ id: 'inc-1', fields: written[inOrder.indexOf(c)]! }));
      }
      return store.incident();
    };
    const a = await replay(inOrder);
    const b = await replay(shuffled);
    expect(pairOf(a)).toBe(pairOf(b));
    // The pair is one that was written, or the legacy tree when it is newer than every write.
    const newest = [...inOrder].sort((x, y) => stamp(y.t, y.node).localeCompare(stamp(x.t, x.node)))[0]!;
    const expected = legacyStamp && legacyStamp > stamp(newest.t, newest.node) ? 'tree-legacy@undefined' : pairOf(written[inOrder.indexOf(newest)]!);
    expect(pairOf(a)).toBe(expected);
    // And rows merged whole (as a pull merges them) agree with the replays.
    expect(pairOf(mergeRecords(a, b))).toBe(expected);
  });
});

describe('the time a (re)start is written at', () => {
  const now = Date.parse('2026-05-11T09:00:00.000Z');

  it('is now, or just after the latest attempt already recorded if a clock ahead dated one later', () => {
    expect(activationTime(now, []).getTime()).toBe(now);
    expect(activationTime(now, [attempt('n1', 'ana', 'reached', now - MIN)]).getTime()).toBe(now);
    expect(activationTime(now, [attempt('n1', 'ana', 'no-answer', now + 2 * MIN), attempt('n1', 'ana', 'reached', now + MIN)]).getTime()).toBe(now + 2 * MIN + 1);
  });

  it('does not believe an attempt dated further ahead than any clock the sync accepts, nor one with no date', () => {
    expect(activationTime(now, [attempt('n1', 'ana', 'reached', now + MAX_DRIFT_MS + 1)]).getTime()).toBe(now);
    expect(activationTime(now, [{ at: 'not a date' }]).getTime()).toBe(now);
  });

  test.prop([fc.array(fc.integer({ min: -3_600_000, max: MAX_DRIFT_MS }), { maxLength: 12 })])('leaves every believable earlier attempt out of the new run', (offsets) => {
    const attempts = offsets.map((o) => attempt('n1', 'ana', 'reached', now + o));
    const at = activationTime(now, attempts).getTime();
    expect(at).toBeGreaterThanOrEqual(now);
    expect(at).toBeLessThanOrEqual(now + MAX_DRIFT_MS + 1);
    const tree = { id: 'tree-1', nodes: [personNode('n1', 'ana')] };
    const people = [personSchema.parse({ id: 'ana', name: 'Ana' })];
    expect(runCallTree({ tree, people, attempts, activatedAt: at, now: at }).nodes[0]!.state).toBe('calling');
  });
});

describe('when an attempt is recorded', () => {
  it('now, or at the activation if this machine\'s clock is behind the one that activated, so the attempt counts', () => {
    const activatedAt = Date.parse(DECLARED);
    expect(attemptAt(activatedAt, activatedAt + 5_000).toISOString()).toBe('2026-05-11T08:00:05.000Z');
    const behind = attemptAt(activatedAt, activatedAt - 90_000);
    expect(behind.toISOString()).toBe(DECLARED);
    const tree = { id: 'tree-1', nodes: [{ id: 'n1', parentId: null, order: 0, target: { kind: 'person' as const, personId: 'ana' }, escalateAfterMinutes: 10 }] };
    const people = [personSchema.parse({ id: 'ana', name: 'Ana' })];
    const reached = { id: 'a1', incidentId: 'inc-1', treeId: 'tree-1', nodeId: 'n1', personId: 'ana', outcome: 'reached' as const, by: 'ana', at: behind.toISOString(), note: '', dueAt: null };
    expect(runCallTree({ tree, people, attempts: [reached], activatedAt, now: activatedAt }).nodes[0]!.state).toBe('reached');
  });
});
