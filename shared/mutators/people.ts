import type { ContactTree, Incident, Person } from '../domain';
import { applyPatch } from '../merge/lww';
import type { MutationName, ParsedMutationArgs } from '../mutations';
import { MutationError } from '../mutations/error';
import type { MutationStore } from '../mutations/store';
import { putImmutable, requireLive, stampAll } from './common';

type Args<N extends MutationName> = ParsedMutationArgs<N>;

async function createNew<T extends { id: string; clock: Record<string, string> }>(w: MutationStore, table: 'people' | 'contactTrees', rows: readonly T[], label: string) {
  const existing = await w.getMany<T>(table, rows.map((r) => r.id));
  const taken = rows.filter((_, i) => existing[i] !== undefined).map((r) => ({ path: r.id, message: `${label} ${r.id} already exists` }));
  if (taken.length > 0) throw new MutationError('conflict', `${taken.length} ${label}(s) already exist`, taken);
  await w.put(table, rows.map((r) => stampAll(r, w.hlc)));
}

async function patch<T extends { id: string; clock: Record<string, string>; deleted: boolean }>(
  w: MutationStore,
  table: 'people' | 'contactTrees',
  id: string,
  fields: Partial<Omit<T, 'clock'>>,
  label: string,
) {
  const row = await requireLive<T>(w, table, id, label);
  await w.put(table, [applyPatch(row, fields, w.hlc)]);
}

export const peopleMutators = {
  'person.create': (w: MutationStore, { person }: Args<'person.create'>) => createNew<Person>(w, 'people', [person], 'person'),
  'person.update': (w: MutationStore, { id, fields }: Args<'person.update'>) => patch<Person>(w, 'people', id, fields, 'person'),
  'person.delete': (w: MutationStore, { id }: Args<'person.delete'>) => patch<Person>(w, 'people', id, { deleted: true }, 'person'),

  async 'people.import'(w: MutationStore, { create, update }: Args<'people.import'>) {
    await createNew<Person>(w, 'people', create, 'person');
    const rows = await w.getMany<Person>('people', update.map((u) => u.id));
    const missing = update.filter((_, i) => !rows[i] || rows[i].deleted).map((u) => ({ path: u.id, message: `person ${u.id} does not exist` }));
    if (missing.length > 0) throw new MutationError('not-found', `${missing.length} person(s) to merge into do not exist`, missing);
    await w.put('people', update.map((u, i) => applyPatch(rows[i]!, u.fields, w.hlc)));
  },

  'contactTree.create': (w: MutationStore, { tree }: Args<'contactTree.create'>) => createNew<ContactTree>(w, 'contactTrees', [tree], 'contact tree'),
  'contactTree.update': (w: MutationStore, { id, fields }: Args<'contactTree.update'>) => patch<ContactTree>(w, 'contactTrees', id, fields, 'contact tree'),
  'contactTree.delete': (w: MutationStore, { id }: Args<'contactTree.delete'>) => patch<ContactTree>(w, 'contactTrees', id, { deleted: true }, 'contact tree'),

  async 'call.record'(w: MutationStore, { attempt }: Args<'call.record'>) {
    await requireLive<Incident>(w, 'incidents', attempt.incidentId, 'incident');
    await putImmutable(w, 'callAttempts', [attempt], 'call attempt');
  },
} as const;
