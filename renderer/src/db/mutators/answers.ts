import type { Answer, AnswerRevision, Approval, CopyEvent } from '@shared/domain';
import { applyPatch, mergeRecords } from '@shared/merge/lww';
import type { MutationName, ParsedMutationArgs } from '@shared/mutations';
import { MutationError } from '../mutationError';
import type { MutationWriter } from '../writer';

type Args<N extends MutationName> = ParsedMutationArgs<N>;

/** Stamps every field of a new record with the mutation's HLC, so later edits merge field by field. */
function stampAll<T extends { clock: Record<string, string> }>(record: T, hlc: string): T {
  const clock: Record<string, string> = {};
  for (const field of Object.keys(record)) if (field !== 'id' && field !== 'clock') clock[field] = hlc;
  return { ...record, clock };
}

async function requireAnswer(w: MutationWriter, id: string): Promise<Answer> {
  const [answer] = await w.getMany<Answer>('answers', [id]);
  if (!answer || answer.deleted) throw new MutationError('not-found', `answer ${id} does not exist`);
  return answer;
}

/** Immutable rows (revisions, approvals, copies) may be written again only unchanged. */
async function putImmutable<T extends { id: string }>(
  w: MutationWriter,
  table: 'answerRevisions' | 'approvals' | 'copyEvents',
  rows: readonly T[],
  label: string,
): Promise<void> {
  const existing = await w.getMany<T>(table, rows.map((r) => r.id));
  const fresh: T[] = [];
  const conflicts: { path: string; message: string }[] = [];
  rows.forEach((row, i) => {
    const old = existing[i];
    if (!old) fresh.push(row);
    else if (!sameJson(old, row)) conflicts.push({ path: row.id, message: `${label} ${row.id} already exists with different content` });
  });
  if (conflicts.length > 0) {
    throw new MutationError('conflict', `${conflicts.length} ${label}(s) would overwrite history`, conflicts);
  }
  await w.put(table, fresh);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export const answerMutators = {
  async 'answer.create'(w: MutationWriter, { answer, revision }: Args<'answer.create'>) {
    const [existing] = await w.getMany<Answer>('answers', [answer.id]);
    if (existing) throw new MutationError('conflict', `answer ${answer.id} already exists`);
    if (revision.answerId !== answer.id) throw new MutationError('invalid', 'the revision belongs to another answer');
    await w.put('answers', [stampAll(answer, w.hlc)]);
    await putImmutable(w, 'answerRevisions', [revision], 'revision');
  },

  async 'answer.update'(w: MutationWriter, { id, fields }: Args<'answer.update'>) {
    const answer = await requireAnswer(w, id);
    await w.put('answers', [applyPatch(answer, fields, w.hlc)]);
  },

  async 'answer.revise'(w: MutationWriter, { revision }: Args<'answer.revise'>) {
    await requireAnswer(w, revision.answerId);
    await putImmutable(w, 'answerRevisions', [revision], 'revision');
  },

  async 'answer.approve'(w: MutationWriter, { approval }: Args<'answer.approve'>) {
    if (approval.subject !== 'answer') throw new MutationError('invalid', 'not an answer approval');
    await requireAnswer(w, approval.subjectId);
    const [revision] = await w.getMany<AnswerRevision>('answerRevisions', [approval.revisionId]);
    if (!revision || revision.answerId !== approval.subjectId) {
      throw new MutationError('not-found', `revision ${approval.revisionId} is not a revision of this answer`);
    }
    await putImmutable(w, 'approvals', [approval], 'approval');
  },

  async 'answer.delete'(w: MutationWriter, { id }: Args<'answer.delete'>) {
    const answer = await requireAnswer(w, id);
    await w.put('answers', [applyPatch(answer, { deleted: true }, w.hlc)]);
  },

  async 'copy.record'(w: MutationWriter, { copy }: Args<'copy.record'>) {
    const rows: CopyEvent[] = [copy];
    await putImmutable(w, 'copyEvents', rows, 'copy');
  },

  async 'library.import'(w: MutationWriter, { answers, revisions, approvals }: Args<'library.import'>) {
    const existing = await w.getMany<Answer>('answers', answers.map((a) => a.id));
    const rows: Answer[] = [];
    answers.forEach((incoming, i) => {
      const old = existing[i];
      // Importing the same library twice (or on two machines) must not rewrite identical rows.
      if (old && sameJson({ ...old, clock: {} }, { ...incoming, clock: {} })) return;
      const stamped = stampAll(incoming, w.hlc);
      rows.push(old ? mergeRecords(old, stamped) : stamped);
    });
    await w.put('answers', rows);
    await putImmutable(w, 'answerRevisions', revisions, 'revision');
    await putImmutable<Approval>(w, 'approvals', approvals, 'approval');
  },
} as const;
