import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { MutationArgs, MutationName, OutboxEntry } from '../../../shared/mutations';
import { DOMAIN_TABLES, type DomainTable } from '../../../shared/mutations/store';
import type { ChangedRow } from '../../../shared/sync/protocol';
import type { CalmaDatabase } from '../../../renderer/src/db/database';
import { replayEntry, undoAndReplay } from '../../../renderer/src/sync/engine';
import { freshDb, mutateFor } from '../db/fixtures';

/**
 * Reverting a refused mutation replays only the pending mutations that depend on the rows it put
 * back (engine.ts, undoAndReplay). The oracle is what the engine did before: replay every pending
 * mutation, once per refusal, in order. On random outboxes over a few shared rows (so that
 * mutations overlap often, also through rows they only read), both must leave the same database.
 */

const AT = '2026-03-01T10:00:00.000Z';
const PEOPLE = ['p0', 'p1', 'p2', 'p3'];
const INCIDENTS = ['i0', 'i1'];

type Ref = { table: DomainTable; id: string };
type Op =
  | { kind: 'createPerson' | 'updatePerson' | 'deletePerson'; p: number; text: string }
  | { kind: 'importPeople'; create: number[]; update: number[]; text: string }
  | { kind: 'declare' | 'retitle' | 'note' | 'toggle'; i: number; text: string }
  | { kind: 'call'; i: number; p: number }
  | { kind: 'createTree' | 'updateTree'; p: number; text: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('createPerson' as const, 'updatePerson' as const, 'deletePerson' as const), p: fc.nat(3), text: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('importPeople' as const), create: fc.uniqueArray(fc.nat(3), { maxLength: 2 }), update: fc.uniqueArray(fc.nat(3), { maxLength: 2 }), text: fc.constantFrom('x', 'y') }),
  fc.record({ kind: fc.constantFrom('declare' as const, 'retitle' as const, 'note' as const, 'toggle' as const), i: fc.nat(1), text: fc.constantFrom('a', 'b') }),
  fc.record({ kind: fc.constant('call' as const), i: fc.nat(1), p: fc.nat(3) }),
  fc.record({ kind: fc.constantFrom('createTree' as const, 'updateTree' as const), p: fc.nat(3), text: fc.constantFrom('a', 'b') }),
);

let counter = 0;
const uid = (prefix: string) => `${prefix}-${(counter += 1)}`;

function argsOf(o: Op): [MutationName, unknown] {
  const entry = (incidentId: string, fields: Record<string, unknown>) => ({ id: uid('e'), incidentId, by: 'ana', at: AT, ...fields });
  switch (o.kind) {
    case 'createPerson':
      return ['person.create', { person: { id: PEOPLE[o.p], name: `Persona ${o.text}` } }];
    case 'updatePerson':
      return ['person.update', { id: PEOPLE[o.p], fields: { name: `Persona ${o.text}`, phones: [`600 00${o.text.charCodeAt(0)}`] } }];
    case 'deletePerson':
      return ['person.delete', { id: PEOPLE[o.p] }];
    case 'importPeople':
      return ['people.import', { source: 'f.csv', create: o.create.map((p) => ({ id: PEOPLE[p], name: `Importada ${o.text}` })), update: o.update.map((p) => ({ id: PEOPLE[p], fields: { email: `${o.text}@example.org` } })) }];
    case 'declare': {
      const id = INCIDENTS[o.i]!;
      const item = { id: `${id}.c0`, incidentId: id, order: 0, text: { es: 'Paso', en: 'Step' }, dueAt: null, source: 'adhoc' };
      return ['incident.declare', { incident: { id, title: `Incidente ${o.text}`, severity: 'medium', status: 'declared', lead: { personId: null, name: 'Ana' }, declaredAt: AT, declaredBy: 'ana' }, items: [item], entry: entry(id, { kind: 'declared' }) }];
    }
    case 'retitle':
      return ['incident.update', { id: INCIDENTS[o.i], fields: { title: `Título ${o.text}` } }];
    case 'note':
      return ['log.append', { entry: entry(INCIDENTS[o.i]!, { kind: 'note', text: o.text }) }];
    case 'toggle': {
      const incidentId = INCIDENTS[o.i]!;
      const done = o.text === 'a';
      return ['checklist.setDone', { id: `${incidentId}.c0`, done, entry: entry(incidentId, { kind: 'step', itemId: `${incidentId}.c0`, action: done ? 'done' : 'undone' }) }];
    }
    case 'call':
      return ['call.record', { attempt: { id: uid('call'), incidentId: INCIDENTS[o.i], treeId: 't0', nodeId: 'n0', personId: PEOPLE[o.p], outcome: 'reached', by: 'ana', at: AT } }];
    case 'createTree':
      return ['contactTree.create', { tree: { id: 't0', name: `Árbol ${o.text}`, nodes: [{ id: 'n0', parentId: null, order: 0, target: { kind: 'person', personId: PEOPLE[o.p] } }] } }];
    case 'updateTree':
      return ['contactTree.update', { id: 't0', fields: { name: `Árbol ${o.text}` } }];
  }
}

const STAMP_OLD = '000000000000001-0000-server';
const STAMP_NEW = '999999999999999-0000-server';

/** What the server may hold for a row: nothing, the same, or the same with a field rewritten earlier or later. */
type ServerCopy = 'absent' | 'same' | 'older-edit' | 'newer-edit';

function serverCopy(ref: Ref, local: Record<string, unknown> | undefined, copy: ServerCopy): ChangedRow | null {
  if (!local || copy === 'absent') return null;
  const row: Record<string, unknown> = structuredClone(local);
  if (copy !== 'same' && 'clock' in row) {
    const field = 'name' in row ? 'name' : 'title' in row ? 'title' : 'done';
    row[field] = field === 'done' ? !row.done : `servidor ${copy}`;
    (row.clock as Record<string, string>)[field] = copy === 'older-edit' ? STAMP_OLD : STAMP_NEW;
  }
  return { table: ref.table, id: ref.id, version: 1, row };
}

async function snapshot(db: CalmaDatabase) {
  const tables: Record<string, unknown[]> = {};
  for (const table of DOMAIN_TABLES) tables[table] = (await db.table(table).toArray()).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
  const outbox = (await db.outbox.toArray()).map((e) => e.seq);
  return { tables, outbox };
}

async function copyOf(db: CalmaDatabase): Promise<CalmaDatabase> {
  const twin = freshDb();
  await twin.open();
  for (const table of db.tables) await twin.table(table.name).bulkPut(await table.toArray());
  return twin;
}

/** The engine before: one revert per refusal, each replaying every pending mutation. */
async function revertReplayingEverything(db: CalmaDatabase, refused: OutboxEntry[], serverRows: ChangedRow[], handledUpTo: number) {
  for (const entry of refused) {
    const refs = entry.touched ?? [];
    const mine = serverRows.filter((r) => refs.some((ref) => ref.table === r.table && ref.id === r.id));
    await db.transaction('rw', db.tables, async () => {
      const found = new Set(mine.map((r) => `${r.table}/${r.id}`));
      for (const row of mine) await db.table(row.table).put(row.row);
      for (const ref of refs) if (!found.has(`${ref.table}/${ref.id}`)) await db.table(ref.table).delete(ref.id);
      await db.outbox.delete(entry.seq);
      const pending = await db.outbox.where('seq').above(Math.max(entry.seq, handledUpTo)).toArray();
      for (const later of pending) await replayEntry(db, later);
    });
  }
}

async function buildOutbox(ops: Op[]): Promise<{ db: CalmaDatabase; entries: OutboxEntry[] }> {
  const db = freshDb();
  let clock = Date.parse(AT);
  const mutate = mutateFor(db, () => new Date((clock += 1000)));
  for (const o of ops) {
    const [name, args] = argsOf(o);
    // A change the console itself refuses is not made, as in the app.
    await mutate(name, args as MutationArgs<typeof name>).catch(() => undefined);
  }
  return { db, entries: await db.outbox.orderBy('seq').toArray() };
}

describe('reverting a refused mutation', () => {
  it('replays only the dependent pending mutations and ends exactly where replaying all of them did', async () => {
    await fc.assert(
      fc.asyncProperty(
          fc.array(op, { minLength: 2, maxLength: 14 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          fc.nat(),
          fc.array(fc.constantFrom<ServerCopy>('absent', 'same', 'older-edit', 'newer-edit'), { minLength: 1, maxLength: 8 }),
          async (ops, picks, handledPick, copies) => {
            const { db, entries } = await buildOutbox(ops);
            if (entries.length === 0) return;
            // Refused: some entries, all at or below what the server handled; the rest above it are pending.
            const refused = [...new Map(picks.map((p) => entries[p % entries.length]!).map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq);
            const lastRefused = refused.at(-1)!.seq;
            const last = entries.at(-1)!.seq;
            const handledUpTo = lastRefused + (handledPick % (last - lastRefused + 1));
            const refs = [...new Map(refused.flatMap((e) => e.touched ?? []).map((r) => [`${r.table}/${r.id}`, r])).values()];
            const serverRows: ChangedRow[] = [];
            for (const [n, ref] of refs.entries()) {
              const row = serverCopy(ref, await db.table(ref.table).get(ref.id), copies[n % copies.length]!);
              if (row) serverRows.push(row);
            }
            const oracle = await copyOf(db);
            try {
              await undoAndReplay(db, refused, refs, serverRows, handledUpTo);
              await revertReplayingEverything(oracle, refused, serverRows, handledUpTo);
              expect(await snapshot(db)).toEqual(await snapshot(oracle));
            } finally {
              await db.delete();
              await oracle.delete();
            }
          },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('leaves unrelated pending work alone and follows dependencies from one replay to the next', async () => {
    const { db, entries } = await buildOutbox([
      ...PEOPLE.map((_, p): Op => ({ kind: 'createPerson', p, text: 'a' })),
      { kind: 'updatePerson', p: 0, text: 'b' }, // 5: refused
      { kind: 'importPeople', create: [], update: [0, 1], text: 'x' }, // 6: wrote p0, which goes back
      { kind: 'importPeople', create: [], update: [1, 3], text: 'y' }, // 7: wrote p1, which 6's replay wrote
      { kind: 'updatePerson', p: 2, text: 'c' }, // 8: unrelated
    ]);
    expect(entries).toHaveLength(8);
    const refused = entries[4]!;
    const p0 = await db.people.get('p0');
    const serverP0 = { table: 'people' as const, id: 'p0', version: 1, row: { ...p0!, name: 'Persona a', phones: [], clock: { ...p0!.clock, name: entries[0]!.hlc, phones: entries[0]!.hlc } } };
    const touched = await undoAndReplay(db, [refused], refused.touched!, [serverP0], 4);
    // p3 is there only because 7 was replayed; p2 is not, because 8 was not.
    expect([...(touched.get('people') ?? [])].sort()).toEqual(['p0', 'p1', 'p3']);
    expect(await db.people.get('p0')).toMatchObject({ name: 'Persona a', email: 'x@example.org', phones: [] });
    expect(await db.people.get('p1')).toMatchObject({ email: 'y@example.org' });
    expect(await db.people.get('p2')).toMatchObject({ name: 'Persona c' });
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2, 3, 4, 6, 7, 8]);
    await db.delete();
  });
});
