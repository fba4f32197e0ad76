import type { Approval } from '../domain';
import { SHIPPED_LIBRARY_HLC, SHIPPED_LIBRARY_SOURCE } from '../library/shipped';
import { applyPatch, mergeRecords } from '../merge/lww';
import { MutationError } from '../mutations/error';
import type { DomainTable, MutationStore } from '../mutations/store';
import { putImmutable, requireLive, sameJson, stampAll } from './common';

interface Record_ {
  id: string;
  clock: Record<string, string>;
  deleted: boolean;
}
interface Revision {
  id: string;
}

/**
 * The mutators every revised kind of record shares (answers, playbooks): the record's own fields
 * are editable (last writer wins per field), its texts are immutable revisions, approvals name a
 * revision of the same record, and a library import is idempotent.
 */
export function revisedRecordMutators<R extends Record_, V extends Revision>(kind: {
  label: string;
  subject: Approval['subject'];
  table: DomainTable;
  revisions: DomainTable;
  parentOf(revision: V): string;
}) {
  return {
    async create(w: MutationStore, record: R, revision: V) {
      const [existing] = await w.getMany<R>(kind.table, [record.id]);
      if (existing) throw new MutationError('conflict', `${kind.label} ${record.id} already exists`);
      if (kind.parentOf(revision) !== record.id) throw new MutationError('invalid', `the revision belongs to another ${kind.label}`);
      await w.put(kind.table, [stampAll(record, w.hlc)]);
      await putImmutable(w, kind.revisions, [revision], 'revision');
    },

    async update(w: MutationStore, id: string, fields: Partial<Omit<R, 'clock'>>) {
      const record = await requireLive<R>(w, kind.table, id, kind.label);
      await w.put(kind.table, [applyPatch(record, fields, w.hlc)]);
    },

    async revise(w: MutationStore, revision: V) {
      await requireLive<R>(w, kind.table, kind.parentOf(revision), kind.label);
      await putImmutable(w, kind.revisions, [revision], 'revision');
    },

    async approve(w: MutationStore, approval: Approval) {
      if (approval.subject !== kind.subject) throw new MutationError('invalid', `not a ${kind.label} approval`);
      await requireLive<R>(w, kind.table, approval.subjectId, kind.label);
      const [revision] = await w.getMany<V>(kind.revisions, [approval.revisionId]);
      if (!revision || kind.parentOf(revision) !== approval.subjectId) {
        throw new MutationError('not-found', `revision ${approval.revisionId} is not a revision of this ${kind.label}`);
      }
      await putImmutable(w, 'approvals', [approval], 'approval');
    },

    async remove(w: MutationStore, id: string) {
      const record = await requireLive<R>(w, kind.table, id, kind.label);
      await w.put(kind.table, [applyPatch(record, { deleted: true } as Partial<Omit<R, 'clock'>>, w.hlc)]);
    },

    async importRows(w: MutationStore, source: string, records: readonly R[], revisions: readonly V[], approvals: readonly Approval[]) {
      const existing = await w.getMany<R>(kind.table, records.map((r) => r.id));
      // A person's file is an edit made now; the shipped library is older than any edit.
      const stamp = source === SHIPPED_LIBRARY_SOURCE ? SHIPPED_LIBRARY_HLC : w.hlc;
      const rows: R[] = [];
      records.forEach((incoming, i) => {
        const old = existing[i];
        // Importing the same library twice (or on two machines) must not rewrite identical rows.
        if (old && sameJson({ ...old, clock: {} }, { ...incoming, clock: {} })) return;
        const stamped = stampAll(incoming, stamp);
        rows.push(old ? mergeRecords(old, stamped) : stamped);
      });
      await w.put(kind.table, rows);
      await putImmutable(w, kind.revisions, revisions, 'revision');
      await putImmutable(w, 'approvals', approvals, 'approval');
    },
  };
}
