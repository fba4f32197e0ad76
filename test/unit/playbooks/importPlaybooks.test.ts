import { describe, expect, it } from 'vitest';
import type { CalmaDatabase } from '../../../renderer/src/db/database';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { exportLibrary, importLibraryFile } from '../../../renderer/src/features/library/importLibrary';
import { PLAYBOOKS } from '../../../renderer/src/features/library/libraryKinds';
import { freshDb, mutateFor } from '../db/fixtures';

/** Everything a playbook import could touch, to prove a refused one touched nothing. */
async function snapshot(db: CalmaDatabase) {
  return {
    playbooks: await db.playbooks.toArray(),
    revisions: await db.playbookRevisions.toArray(),
    approvals: await db.approvals.toArray(),
    outbox: await db.outbox.count(),
  };
}

async function seeded() {
  const db = freshDb();
  const mutate = mutateFor(db);
  await seedDefaultLibrary(db, mutate);
  return { db, mutate };
}

describe('playbook library files', () => {
  it('exports the shipped playbooks, and re-importing the export changes nothing', async () => {
    const { db, mutate } = await seeded();
    const json = await exportLibrary(PLAYBOOKS, db, 'json');
    expect(JSON.parse(json).playbooks).toHaveLength(9);
    const before = await snapshot(db);
    const outcome = await importLibraryFile(PLAYBOOKS, db, mutate, 'export.json', json);
    expect(outcome).toEqual({ ok: true, records: 9, revisions: 9, approvals: 9 });
    expect(await exportLibrary(PLAYBOOKS, db, 'json')).toBe(json);
    expect((await snapshot(db)).revisions).toEqual(before.revisions);
    expect(await exportLibrary(PLAYBOOKS, db, 'yaml')).toMatch(/^format: calma.playbooks/);
  });

  it('imports a new playbook from a file', async () => {
    const { db, mutate } = await seeded();
    const file = JSON.parse(await exportLibrary(PLAYBOOKS, db, 'json'));
    const [first] = file.playbooks;
    const rev = { ...first.revisions[0], id: 'test.new.r1', steps: first.revisions[0].steps.map((s: { id: string }) => ({ ...s, id: `test.${s.id}` })) };
    file.playbooks = [{ ...first, id: 'test.new', revisions: [rev], approvals: [] }];
    const outcome = await importLibraryFile(PLAYBOOKS, db, mutate, 'new.json', JSON.stringify(file));
    expect(outcome).toMatchObject({ ok: true, records: 1, revisions: 1, approvals: 0 });
    expect(await db.playbooks.get('test.new')).toMatchObject({ scenario: first.scenario });
    expect(await db.playbooks.count()).toBe(10);
  });

  it('refuses, whole, a file whose revision reuses a shipped revision id with different content, and changes nothing', async () => {
    const { db, mutate } = await seeded();
    const file = JSON.parse(await exportLibrary(PLAYBOOKS, db, 'json'));
    const [first, second] = file.playbooks;
    // A brand new playbook (valid on its own) next to a rewritten shipped revision.
    const newcomer = { ...first, id: 'test.newcomer', revisions: [{ ...first.revisions[0], id: 'test.newcomer.r1' }], approvals: [] };
    second.revisions[0].steps[0].text.en = 'Rewritten history';
    file.playbooks = [newcomer, second];
    const text = JSON.stringify(file, null, 2);
    const before = await snapshot(db);

    const outcome = await importLibraryFile(PLAYBOOKS, db, mutate, 'changed.json', text);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0]).toMatchObject({ file: 'changed.json', path: 'playbooks[1].revisions[0].id' });
    expect(outcome.issues[0]!.message).toContain(second.revisions[0].id);
    // The line of that revision's id in the file, so the author can find it.
    const line = text.split('\n').findIndex((l) => l.includes(`"id": "${second.revisions[0].id}"`)) + 1;
    expect(outcome.issues[0]!.line).toBe(line);
    expect(await db.playbooks.get('test.newcomer')).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);
  });

  it('carries the contact tree a revision names through export and import, in YAML and JSON', async () => {
    const { db, mutate } = await seeded();
    const file = JSON.parse(await exportLibrary(PLAYBOOKS, db, 'json'));
    const [first] = file.playbooks;
    const rev = { ...first.revisions[0], id: 'test.tree.r1', contactTreeId: 'tree-head-office', steps: first.revisions[0].steps.map((s: { id: string }) => ({ ...s, id: `test.tree.${s.id}` })) };
    file.playbooks = [{ ...first, id: 'test.tree', revisions: [rev], approvals: [] }];
    expect(await importLibraryFile(PLAYBOOKS, db, mutate, 'tree.json', JSON.stringify(file))).toMatchObject({ ok: true, records: 1 });
    expect(await db.playbookRevisions.get('test.tree.r1')).toMatchObject({ contactTreeId: 'tree-head-office' });

    const yaml = await exportLibrary(PLAYBOOKS, db, 'yaml');
    expect(yaml).toContain('contactTreeId: tree-head-office');
    const elsewhere = await seeded();
    expect(await importLibraryFile(PLAYBOOKS, elsewhere.db, elsewhere.mutate, 'library.yaml', yaml)).toMatchObject({ ok: true, records: 10 });
    expect(await elsewhere.db.playbookRevisions.get('test.tree.r1')).toMatchObject({ contactTreeId: 'tree-head-office' });
    // A file written before the field (no contactTreeId) still imports, with no tree.
    delete rev.contactTreeId;
    file.playbooks = [{ ...first, id: 'test.old', revisions: [{ ...rev, id: 'test.old.r1' }], approvals: [] }];
    expect(await importLibraryFile(PLAYBOOKS, db, mutate, 'old.json', JSON.stringify(file))).toMatchObject({ ok: true });
    expect(await db.playbookRevisions.get('test.old.r1')).toMatchObject({ contactTreeId: null });
  });

  it('refuses a contact tree that is not an id, saying where and why, and changes nothing', async () => {
    const { db, mutate } = await seeded();
    const file = JSON.parse(await exportLibrary(PLAYBOOKS, db, 'json'));
    file.playbooks[0].revisions[0].contactTreeId = 'Head office!';
    file.playbooks[1].revisions[0].contactTreeId = 42;
    const text = JSON.stringify(file, null, 2);
    const before = await snapshot(db);
    const outcome = await importLibraryFile(PLAYBOOKS, db, mutate, 'trees.json', text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((i) => i.path)).toEqual(['playbooks[0].revisions[0].contactTreeId', 'playbooks[1].revisions[0].contactTreeId']);
    expect(outcome.issues[0]!.message).toMatch(/ids use letters, digits/);
    expect(outcome.issues[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"contactTreeId": "Head office!"')) + 1);
    expect(outcome.issues[1]!.message).toMatch(/string/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a file with problems of its own before touching the database, listing each', async () => {
    const { db, mutate } = await seeded();
    const file = JSON.parse(await exportLibrary(PLAYBOOKS, db, 'json'));
    file.playbooks[0].revisions[0].steps = [];
    file.playbooks[1].revisions[0].steps[0].offsetMinutes = -5;
    const before = await snapshot(db);
    const outcome = await importLibraryFile(PLAYBOOKS, db, mutate, 'bad.yaml', JSON.stringify(file, null, 2));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((i) => i.path)).toEqual(['playbooks[0].revisions[0].steps', 'playbooks[1].revisions[0].steps[0].offsetMinutes']);
    expect(outcome.issues.every((i) => i.line !== null)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
  });
});
