import { IMPORT_PART_BYTES, jsonBytes, splitByBytes } from '../sync/byteBudget';
import { groupBy } from '../util/groupBy';

export interface LibraryPart<T, V, A> {
  records: T[];
  revisions: V[];
  approvals: A[];
}

/**
 * Cuts a library file's rows into import parts of at most `budget` bytes each, in the file's order,
 * keeping every record with its revisions and approvals: a part must be valid on its own, since
 * the team server applies each part as its own mutation. A record heavier than the budget on its
 * own gets a part of its own (the push then says it is too large rather than splitting history).
 * Revisions or approvals whose record is not in the file go with the first part, where the
 * import's own checks report them as before.
 */
export function libraryParts<T extends { id: string }, V, A extends { subjectId: string }>(
  rows: LibraryPart<T, V, A>,
  parentOf: (revision: V) => string,
  budget = IMPORT_PART_BYTES,
): LibraryPart<T, V, A>[] {
  const ids = new Set(rows.records.map((r) => r.id));
  const revisionsOf = groupBy(rows.revisions, parentOf);
  const approvalsOf = groupBy(rows.approvals, (a) => a.subjectId);
  const units = rows.records.map((record) => ({ record, revisions: revisionsOf.get(record.id) ?? [], approvals: approvalsOf.get(record.id) ?? [] }));
  // The envelope of a part, {"records":[],…}, is counted once per part, not per record.
  const room = budget - jsonBytes({ source: 'x'.repeat(300), records: [], revisions: [], approvals: [] });
  const parts = splitByBytes(units, room, (u) => jsonBytes(u.record) + jsonBytes(u.revisions) + jsonBytes(u.approvals)).map((part) => ({
    records: part.map((u) => u.record),
    revisions: part.flatMap((u) => u.revisions),
    approvals: part.flatMap((u) => u.approvals),
  }));
  const first = parts[0] ?? { records: [], revisions: [], approvals: [] };
  first.revisions.push(...rows.revisions.filter((v) => !ids.has(parentOf(v))));
  first.approvals.push(...rows.approvals.filter((a) => !ids.has(a.subjectId)));
  return parts.length > 0 ? parts : [first];
}
