import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../../shared/domain';
import { loadAnswerPage, type AnswerRows } from '../../../renderer/src/features/search/loadAnswerRows';
import { answerRows, freshDb } from '../db/fixtures';

const approval = (id: string, subject: Approval['subject'], subjectId: string): Approval => ({
  id,
  subject,
  subjectId,
  revisionId: `${subjectId}.r1`,
  kind: 'approve',
  by: 'ana',
  at: '2026-03-01T10:00:00.000Z',
  expiresAt: null,
  note: '',
});

/** Every page from the start, as the search worker's first build reads them. */
async function readAllPages(db: ReturnType<typeof freshDb>, size: number): Promise<AnswerRows[][]> {
  const pages: AnswerRows[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await loadAnswerPage(db, after, size);
    if (page.length === 0) return pages;
    pages.push(page);
    after = page.at(-1)!.answer.id;
  }
}

describe('reading the answer library page by page', () => {
  it('gives every answer once, in id order, with exactly its own revisions and approvals', async () => {
    // Ids that sort close to each other ("a1", "a10", "a1-x"), revisions of answers that do not
    // exist, and approvals of playbooks with answers' ids: none may leak into another answer's rows.
    const idArb = fc.stringMatching(/^[a-c][0-9]{0,2}(-x)?$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(idArb, { minLength: 0, maxLength: 25 }),
        fc.uniqueArray(idArb, { maxLength: 6 }),
        fc.array(fc.record({ of: idArb, subject: fc.constantFrom<Approval['subject']>('answer', 'playbook') }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 7 }),
        async (ids, orphans, approvalPlan, size) => {
          const db = freshDb();
          const answers = ids.map((id) => answerRows(id));
          const orphanRevisions = orphans.filter((id) => !ids.includes(id)).map((id) => ({ ...answerRows(id).revision, id: `${id}.orphan` }));
          const approvals = approvalPlan.map(({ of, subject }, i) => approval(`ap${i}`, subject, of));
          await db.answers.bulkPut(answers.map((a) => a.answer));
          await db.answerRevisions.bulkPut([...answers.map((a) => a.revision), ...orphanRevisions]);
          await db.approvals.bulkPut(approvals);

          const pages = await readAllPages(db, size);
          const read = pages.flat();
          expect(pages.every((p) => p.length <= size)).toBe(true);
          expect(read.map((r) => r.answer.id)).toEqual([...ids].sort());
          for (const { answer, revisions, approvals: got } of read) {
            expect(revisions.map((r) => r.id)).toEqual([`${answer.id}.r1`]);
            const expected = approvals.filter((a) => a.subject === 'answer' && a.subjectId === answer.id);
            expect(got.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
