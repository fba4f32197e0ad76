import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryParts } from '../../../shared/library/importParts';
import { jsonBytes } from '../../../shared/sync/byteBudget';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { exportLibrary, importLibraryFile } from '../../../renderer/src/features/library/importLibrary';
import { ANSWERS } from '../../../renderer/src/features/library/libraryKinds';
import { generateLibrary } from '../../bench/page/generate';
import { freshDb, mutateFor } from '../db/fixtures';

const record = fc.record({ id: fc.uuid(), text: fc.string({ maxLength: 400 }) });

describe('library import parts', () => {
  it('keep every record with its revisions and approvals, in file order, under the budget', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 40 }), fc.nat({ max: 5 }), fc.integer({ min: 600, max: 8_000 }), (records, perRecord, budget) => {
        const revisions = records.flatMap((r) => Array.from({ length: perRecord }, (_, k) => ({ id: `${r.id}.r${k}`, parent: r.id, body: r.text })));
        const approvals = records.flatMap((r, i) => (i % 2 === 0 ? [{ id: `${r.id}.a`, subjectId: r.id }] : []));
        const parts = libraryParts({ records, revisions, approvals }, (v) => v.parent, budget);
        expect(parts.flatMap((p) => p.records)).toEqual(records);
        expect(parts.flatMap((p) => p.revisions)).toEqual(revisions);
        expect(parts.flatMap((p) => p.approvals)).toEqual(approvals);
        for (const part of parts) {
          const ids = new Set(part.records.map((r) => r.id));
          expect(part.revisions.every((v) => ids.has(v.parent))).toBe(true);
          expect(part.approvals.every((a) => ids.has(a.subjectId))).toBe(true);
          // Over the budget only when one record with its history weighs more on its own.
          if (part.records.length > 1) expect(jsonBytes({ source: 'x'.repeat(300), ...part })).toBeLessThanOrEqual(budget + 64);
        }
      }),
    );
  });

  it('put history whose record is not in the file in the first part, where the import reports it', () => {
    const parts = libraryParts({ records: [{ id: 'a' }], revisions: [{ id: 'x.r1', parent: 'x' }], approvals: [{ id: 'x.a', subjectId: 'x' }] }, (v) => v.parent);
    expect(parts).toEqual([{ records: [{ id: 'a' }], revisions: [{ id: 'x.r1', parent: 'x' }], approvals: [{ id: 'x.a', subjectId: 'x' }] }]);
    expect(libraryParts({ records: [], revisions: [], approvals: [] }, () => '')).toEqual([{ records: [], revisions: [], approvals: [] }]);
  });

  it('write a big file as several mutations, all of it or, when a late part fails, none of it', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await seedDefaultLibrary(db, mutate);
    const answersBefore = await db.answers.count();
    const outboxBefore = await db.outbox.count();
    // Drafts only: the generated texts are not meant to pass the approval checks of a file.
    const big = { ...generateLibrary(800, 7, 0), approvals: [] };
    const parts = ANSWERS.parts(big);
    expect(parts.length).toBeGreaterThan(1);
    expect(await importLibraryFile(ANSWERS, db, mutate, 'big.json', ANSWERS.serialize(big, 'json'))).toMatchObject({ ok: true, records: 800 });
    expect(await db.answers.count()).toBe(answersBefore + 800);
    expect(await db.outbox.count()).toBe(outboxBefore + parts.length);

    // A second big file whose last answer rewrites a stored revision: refused whole, nothing written.
    const exported = JSON.parse(await exportLibrary(ANSWERS, db, 'json'));
    const stored = exported.answers.find((a: { id: string }) => a.id === big.answers[0]!.id);
    stored.revisions[0].texts.es.x = 'Texto cambiado';
    const more = { ...generateLibrary(300, 8, 1_000), approvals: [] };
    const file = JSON.parse(ANSWERS.serialize(more, 'json'));
    file.answers.push(stored);
    const outcome = await importLibraryFile(ANSWERS, db, mutate, 'late-conflict.json', JSON.stringify(file, null, 2));
    expect(outcome.ok).toBe(false);
    expect(await db.answers.get(more.answers[0]!.id)).toBeUndefined();
    expect(await db.answers.count()).toBe(answersBefore + 800);
    expect(await db.outbox.count()).toBe(outboxBefore + parts.length);
  }, 30_000);
});
