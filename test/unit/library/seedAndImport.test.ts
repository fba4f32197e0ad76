import { describe, expect, it } from 'vitest';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { exportLibrary, importLibraryFile } from '../../../renderer/src/features/library/importLibrary';
import { ANSWERS } from '../../../renderer/src/features/library/libraryKinds';
import { freshDb, mutateFor } from '../db/fixtures';

describe('the shipped library and library files', () => {
  it('loads the shipped library once, and again only when it changes', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    expect(await seedDefaultLibrary(db, mutate)).toBe('loaded');
    expect(await seedDefaultLibrary(db, mutate)).toBe('current');
    expect(await db.answers.count()).toBeGreaterThanOrEqual(30);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.playbooks.count()).toBeGreaterThanOrEqual(8);
  });

  it('exports what it imports, and re-importing the export changes nothing', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await seedDefaultLibrary(db, mutate);
    const before = await exportLibrary(ANSWERS, db, 'json');
    const outcome = await importLibraryFile(ANSWERS, db, mutate, 'export.json', before);
    expect(outcome.ok).toBe(true);
    expect(await exportLibrary(ANSWERS, db, 'json')).toBe(before);
    expect(await exportLibrary(ANSWERS, db, 'yaml')).toMatch(/^format: calma.answers/);
  });

  it('refuses a file that would rewrite a stored revision, as a whole, pointing at the line', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await seedDefaultLibrary(db, mutate);
    const exported = JSON.parse(await exportLibrary(ANSWERS, db, 'json'));
    const [first] = exported.answers;
    first.revisions[0].texts.es.x = 'Texto cambiado';
    const newcomer = { ...first, id: 'test.newcomer', revisions: [{ ...first.revisions[0], id: 'test.newcomer.r1' }], approvals: [] };
    exported.answers = [first, newcomer];
    const text = JSON.stringify(exported, null, 2);
    const countBefore = await db.answers.count();
    const outcome = await importLibraryFile(ANSWERS, db, mutate, 'changed.json', text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toMatchObject({ file: 'changed.json', path: 'answers[0].revisions[0].id' });
    expect(outcome.issues[0]!.line).toBeGreaterThan(1);
    expect(await db.answers.get('test.newcomer')).toBeUndefined();
    expect(await db.answers.count()).toBe(countBefore);
  });
});
