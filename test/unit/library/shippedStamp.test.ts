import { describe, expect, it } from 'vitest';
import { SHIPPED_LIBRARY_SOURCE } from '../../../shared/library/shipped';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { freshDb, mutateFor } from '../db/fixtures';

describe('the shipped library is older than any edit', () => {
  it("a team's edit of a shipped answer survives another machine loading the shipped library", async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await seedDefaultLibrary(db, mutate);
    const [shipped] = await db.answers.limit(1).toArray();
    const revisions = await db.answerRevisions.where('answerId').equals(shipped!.id).toArray();
    await mutate('answer.update', { id: shipped!.id, fields: { title: { es: 'Título del equipo', en: 'Team title' } } });
    // What a newly enrolled machine's first-start seeding does when it reaches this store.
    const original = { ...shipped!, clock: {} };
    await mutate('library.import', { source: SHIPPED_LIBRARY_SOURCE, answers: [original], revisions, approvals: [] });
    expect((await db.answers.get(shipped!.id))?.title).toEqual({ es: 'Título del equipo', en: 'Team title' });
  });

  it("a person's own file, imported now, is an edit like any other", async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await seedDefaultLibrary(db, mutate);
    const [shipped] = await db.answers.limit(1).toArray();
    const revisions = await db.answerRevisions.where('answerId').equals(shipped!.id).toArray();
    const edited = { ...shipped!, clock: {}, title: { es: 'Del archivo', en: 'From the file' } };
    await mutate('library.import', { source: 'answers.yaml', answers: [edited], revisions, approvals: [] });
    expect((await db.answers.get(shipped!.id))?.title).toEqual({ es: 'Del archivo', en: 'From the file' });
  });
});
