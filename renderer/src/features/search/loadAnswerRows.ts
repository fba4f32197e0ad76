import type { Answer, AnswerRevision, Approval } from '@shared/domain';
import { groupBy } from '@shared/util/groupBy';
import type { CalmaDatabase } from '../../db/database';
import type { ChangedIds } from './protocol';

export interface AnswerRows {
  answer: Answer;
  revisions: AnswerRevision[];
  approvals: Approval[];
}

/**
 * The next `size` answers after `afterId` (in id order) with their history, read in one
 * transaction. The index is built page by page so that it can answer queries while it grows.
 *
 * The page's answers are all the answers whose ids lie between its first and its last, so their
 * revisions and approvals are read as two key ranges rather than looked up id by id: two reads
 * instead of hundreds of index seeks, which is most of what the first page costs at start-up.
 */
export async function loadAnswerPage(db: CalmaDatabase, afterId: string | null, size: number): Promise<AnswerRows[]> {
  return db.transaction('r', db.answers, db.answerRevisions, db.approvals, async () => {
    const answers = await (afterId === null ? db.answers.orderBy('id') : db.answers.where('id').above(afterId)).limit(size).toArray();
    if (answers.length === 0) return [];
    const first = answers[0]!.id;
    const last = answers.at(-1)!.id;
    const [revisions, approvals] = await Promise.all([
      db.answerRevisions.where('answerId').between(first, last, true, true).toArray(),
      db.approvals.where('[subject+subjectId]').between(['answer', first], ['answer', last], true, true).toArray(),
    ]);
    const revisionsBy = groupBy(revisions, (r) => r.answerId);
    const approvalsBy = groupBy(approvals, (a) => a.subjectId);
    return answers.map((answer) => ({
      answer,
      revisions: revisionsBy.get(answer.id) ?? [],
      approvals: approvalsBy.get(answer.id) ?? [],
    }));
  });
}

/** The tables an answer's index entry is read from: a change elsewhere (a log entry) changes no entry. */
const ANSWER_TABLES = ['answers', 'answerRevisions', 'approvals'] as const;

export function touchesAnswers(touched: ChangedIds): boolean {
  return ANSWER_TABLES.some((table) => (touched[table]?.length ?? 0) > 0);
}

/** The answers a committed change touched, directly or through their revisions and approvals. */
export async function loadChangedAnswerRows(db: CalmaDatabase, touched: ChangedIds): Promise<{ rows: AnswerRows[]; missing: string[] }> {
  return db.transaction('r', db.answers, db.answerRevisions, db.approvals, async () => {
    const ids = new Set(touched.answers ?? []);
    for (const r of await db.answerRevisions.bulkGet(touched.answerRevisions ?? [])) if (r) ids.add(r.answerId);
    for (const a of await db.approvals.bulkGet(touched.approvals ?? [])) if (a?.subject === 'answer') ids.add(a.subjectId);
    const list = [...ids];
    const answers = await db.answers.bulkGet(list);
    const rows: AnswerRows[] = [];
    const missing: string[] = [];
    for (const [i, answer] of answers.entries()) {
      if (!answer) {
        missing.push(list[i]!);
        continue;
      }
      rows.push({
        answer,
        revisions: await db.answerRevisions.where('answerId').equals(answer.id).toArray(),
        approvals: await db.approvals.where('[subject+subjectId]').equals(['answer', answer.id]).toArray(),
      });
    }
    return { rows, missing };
  });
}
