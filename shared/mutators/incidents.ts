import { treeChoiceProblem } from '../contactTrees/activation';
import type { ChecklistItem, Incident, LogEntry } from '../domain';
import { canTransition } from '../incidents/statusMachine';
import { applyPatch } from '../merge/lww';
import type { MutationName, ParsedMutationArgs } from '../mutations';
import { MutationError } from '../mutations/error';
import type { MutationStore } from '../mutations/store';
import { putImmutable, requireLive, stampAll } from './common';

type Args<N extends MutationName> = ParsedMutationArgs<N>;

/** Log entries written by people directly; the others come with the change they record. */
const FREE_ENTRY_KINDS: readonly LogEntry['kind'][] = ['note', 'decision', 'statement', 'correction'];

function expectEntry(entry: LogEntry, incidentId: string, kind: LogEntry['kind']): void {
  if (entry.incidentId !== incidentId) throw new MutationError('invalid', 'the log entry belongs to another incident');
  if (entry.kind !== kind) throw new MutationError('invalid', `expected a "${kind}" log entry, got "${entry.kind}"`);
}

const requireIncident = (w: MutationStore, id: string) => requireLive<Incident>(w, 'incidents', id, 'incident');
const requireItem = (w: MutationStore, id: string) => requireLive<ChecklistItem>(w, 'checklistItems', id, 'checklist step');

export const incidentMutators = {
  async 'incident.declare'(w: MutationStore, { incident, items, entry }: Args<'incident.declare'>) {
    const [existing] = await w.getMany<Incident>('incidents', [incident.id]);
    if (existing) throw new MutationError('conflict', `incident ${incident.id} already exists`);
    if (items.some((i) => i.incidentId !== incident.id)) throw new MutationError('invalid', 'a checklist step belongs to another incident');
    expectEntry(entry, incident.id, 'declared');
    // A playbook's tree comes preselected (not started); a declaration may not start a tree it does not name.
    const treeProblem = treeChoiceProblem({ contactTreeId: incident.contactTreeId, contactTreeActivatedAt: incident.contactTreeActivatedAt });
    if (treeProblem) throw new MutationError('invalid', treeProblem);
    await w.put('incidents', [stampAll(incident, w.hlc)]);
    await w.put('checklistItems', items.map((i) => stampAll(i, w.hlc)));
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },

  async 'incident.update'(w: MutationStore, { id, fields }: Args<'incident.update'>) {
    const incident = await requireIncident(w, id);
    // The tree and its start move as one (see treeChoiceProblem): a choice older than the tree's
    // last write loses both fields, never only one. (Both carry the same stamp when written by
    // this version; an incident from before contactTreeActivatedAt has a stamp for the tree only.)
    const treeStamp = incident.clock.contactTreeId;
    const stale = fields.contactTreeId !== undefined && treeStamp !== undefined && treeStamp >= w.hlc;
    const patch = stale ? { ...fields, contactTreeId: undefined, contactTreeActivatedAt: undefined } : fields;
    await w.put('incidents', [applyPatch(incident, patch, w.hlc)]);
  },

  async 'incident.setStatus'(w: MutationStore, { id, status, entry }: Args<'incident.setStatus'>) {
    const incident = await requireIncident(w, id);
    if (!canTransition(incident.status, status)) {
      throw new MutationError('invalid', `an incident cannot go from ${incident.status} to ${status}`);
    }
    expectEntry(entry, id, 'status');
    if (entry.status !== status) throw new MutationError('invalid', 'the log entry records another status');
    await w.put('incidents', [applyPatch(incident, { status }, w.hlc)]);
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },

  async 'checklist.setDone'(w: MutationStore, { id, done, entry }: Args<'checklist.setDone'>) {
    const item = await requireItem(w, id);
    expectEntry(entry, item.incidentId, 'step');
    if (entry.itemId !== id || entry.action !== (done ? 'done' : 'undone')) throw new MutationError('invalid', 'the log entry records another change');
    const patch = done ? { done, doneBy: entry.by, doneAt: entry.at, doneEntryId: entry.id } : { done, doneBy: null, doneAt: null, doneEntryId: entry.id };
    await w.put('checklistItems', [applyPatch(item, patch, w.hlc)]);
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },

  async 'checklist.add'(w: MutationStore, { item, entry }: Args<'checklist.add'>) {
    await requireIncident(w, item.incidentId);
    const [existing] = await w.getMany<ChecklistItem>('checklistItems', [item.id]);
    if (existing) throw new MutationError('conflict', `checklist step ${item.id} already exists`);
    expectEntry(entry, item.incidentId, 'step');
    await w.put('checklistItems', [stampAll(item, w.hlc)]);
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },

  async 'checklist.reassign'(w: MutationStore, { id, ownerId, ownerName, entry }: Args<'checklist.reassign'>) {
    const item = await requireItem(w, id);
    expectEntry(entry, item.incidentId, 'step');
    await w.put('checklistItems', [applyPatch(item, { ownerId, ownerName }, w.hlc)]);
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },

  async 'checklist.edit'(w: MutationStore, { id, fields }: Args<'checklist.edit'>) {
    const item = await requireItem(w, id);
    await w.put('checklistItems', [applyPatch(item, fields, w.hlc)]);
  },

  async 'log.append'(w: MutationStore, { entry }: Args<'log.append'>) {
    await requireIncident(w, entry.incidentId);
    if (!FREE_ENTRY_KINDS.includes(entry.kind)) throw new MutationError('invalid', `"${entry.kind}" entries come with the change they record`);
    if (entry.kind === 'correction') {
      const [corrected] = await w.getMany<LogEntry>('logEntries', [entry.correctsId ?? '']);
      if (!corrected || corrected.incidentId !== entry.incidentId) throw new MutationError('not-found', 'a correction must point at an entry of the same incident');
    }
    await putImmutable(w, 'logEntries', [entry], 'log entry');
  },
} as const;
