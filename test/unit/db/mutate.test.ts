import { describe, expect, it, vi } from 'vitest';
import { MutationError } from '../../../shared/mutations/error';
import { answerRows, freshDb, mutateFor } from './fixtures';

describe('the mutation path', () => {
  it('writes the rows and an HLC-stamped, numbered outbox entry together', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('answer.create', answerRows('a1'));
    await mutate('answer.create', answerRows('a2'));
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.seq, e.name])).toEqual([[1, 'answer.create'], [2, 'answer.create']]);
    expect(outbox[1]!.hlc > outbox[0]!.hlc).toBe(true);
    expect(await db.answers.count()).toBe(2);
    const stored = await db.answers.get('a1');
    expect(stored?.clock.title).toBe(outbox[0]!.hlc);
  });

  it('leaves neither rows nor outbox entry when the outbox write fails', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const spy = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(mutate('answer.create', answerRows('a1'))).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.answers.count()).toBe(0);
    expect(await db.answerRevisions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // The failed attempt did not consume a mutation number.
    await mutate('answer.create', answerRows('a1'));
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1]);
  });

  it('leaves nothing when the mutator fails half-way', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('answer.create', answerRows('a1'));
    const { answer, revision } = answerRows('a2');
    // The second revision reuses a1's revision id with different text: a history conflict, found after
    // the new answer row was already put inside the transaction.
    const clash = { ...revision, id: 'a1.r1', answerId: 'a2' };
    await expect(mutate('answer.create', { answer, revision: clash })).rejects.toBeInstanceOf(MutationError);
    expect(await db.answers.get('a2')).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('rejects invalid arguments before writing anything', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const { answer, revision } = answerRows('a1');
    const error = await mutate('answer.create', { answer: { ...answer, title: { es: 'x' } as never }, revision }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect((error as MutationError).issues[0]?.path).toBe('answer.title.en');
    expect(await db.outbox.count()).toBe(0);
  });

  it('edits fields last-writer-wins and deletes with a tombstone', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('answer.create', answerRows('a1'));
    await mutate('answer.update', { id: 'a1', fields: { tags: ['nuevo'] } });
    await mutate('answer.delete', { id: 'a1' });
    const row = await db.answers.get('a1');
    expect(row?.tags).toEqual(['nuevo']);
    expect(row?.deleted).toBe(true);
    await expect(mutate('answer.update', { id: 'a1', fields: { tags: [] } })).rejects.toThrow(/does not exist/);
  });

  it('imports a library idempotently, and refuses one that rewrites history as a whole', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const a = answerRows('lib.a');
    const b = answerRows('lib.b');
    const batch = { source: 'test', answers: [a.answer, b.answer], revisions: [a.revision, b.revision], approvals: [] };
    await mutate('library.import', batch);
    const first = await db.answers.toArray();
    const again = await mutate('library.import', batch);
    expect(again.touched.get('answers')).toBeUndefined();
    expect(await db.answers.toArray()).toEqual(first);

    const c = answerRows('lib.c');
    const changed = { ...b.revision, texts: { es: { x: 'otro texto' }, en: { x: 'other' } } };
    await expect(
      mutate('library.import', { source: 'test', answers: [c.answer], revisions: [c.revision, changed], approvals: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.answers.get('lib.c')).toBeUndefined();
    expect(await db.outbox.count()).toBe(2);
  });

  it('reports committed changes only after the transaction commits', async () => {
    const db = freshDb();
    const seen: string[] = [];
    const { createMutate } = await import('../../../renderer/src/db/mutate');
    const mutate = createMutate(db, { actor: () => 'ana', onCommit: (c) => seen.push(...(c.touched.get('answers') ?? [])) });
    await mutate('answer.create', answerRows('a1'));
    await mutate('answer.create', answerRows('a1')).catch(() => undefined);
    expect(seen).toEqual(['a1']);
  });
});
