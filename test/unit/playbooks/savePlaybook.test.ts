import { describe, expect, it } from 'vitest';
import type { CalmaDatabase } from '../../../renderer/src/db/database';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { draftFrom, emptyStep } from '../../../renderer/src/features/playbooks/draft';
import { moveBy } from '../../../renderer/src/features/playbooks/reorder';
import { approvePlaybook, savePlaybook } from '../../../renderer/src/features/playbooks/savePlaybook';
import { playbookViews, readPlaybookRows, type PlaybookView } from '../../../renderer/src/features/playbooks/usePlaybooks';
import { freshDb, mutateFor } from '../db/fixtures';

const NOW = new Date('2026-03-01T10:00:00Z');
const WAVE = 'calma.playbook.negative-wave';

async function viewOf(db: CalmaDatabase, id: string): Promise<PlaybookView> {
  return playbookViews(await readPlaybookRows(db), NOW).find((v) => v.playbook.id === id)!;
}

async function seeded() {
  const db = freshDb();
  const mutate = mutateFor(db, () => NOW);
  await seedDefaultLibrary(db, mutate);
  return { db, mutate };
}

const draftOf = (view: PlaybookView) =>
  draftFrom({ title: view.playbook.title, scenario: view.playbook.scenario, revision: view.state.newerDraft ?? view.state.shown }, () => 'unused');

describe('saving a playbook from the editor', () => {
  it('writes a reordered playbook as revision 2 and leaves approved revision 1 in force and untouched', async () => {
    const { db, mutate } = await seeded();
    const before = await viewOf(db, WAVE);
    const original = structuredClone(before.state.shown);
    const draft = draftOf(before);
    const outcome = await savePlaybook(mutate, { view: before, draft: { ...draft, steps: moveBy(draft.steps, 2, -1).items }, userName: 'luis', now: NOW });
    expect(outcome).toEqual({ ok: true, kind: 'revised', id: WAVE });

    const after = await viewOf(db, WAVE);
    expect(after.state.status).toBe('approved');
    expect(after.state.shown).toEqual(original);
    expect(await db.playbookRevisions.get(original.id)).toEqual(original);
    const r2 = after.state.newerDraft!;
    expect(r2).toMatchObject({ number: 2, basedOn: original.id, createdBy: 'luis' });
    expect(r2.steps.map((s) => s.id)).toEqual(moveBy(original.steps.map((s) => s.id), 2, -1).items);
  });

  it('writes nothing new when nothing changed, and only the field when only the title changed', async () => {
    const { db, mutate } = await seeded();
    const view = await viewOf(db, WAVE);
    const outbox = await db.outbox.count();
    expect(await savePlaybook(mutate, { view, draft: draftOf(view), userName: 'luis' })).toMatchObject({ ok: true, kind: 'unchanged' });
    expect(await db.outbox.count()).toBe(outbox);
    const draft = draftOf(view);
    expect(await savePlaybook(mutate, { view, draft: { ...draft, title: { ...draft.title, en: 'A wave' } }, userName: 'luis' })).toMatchObject({ kind: 'fields' });
    expect((await db.playbooks.get(WAVE))!.title.en).toBe('A wave');
    expect(await db.playbookRevisions.where('playbookId').equals(WAVE).count()).toBe(1);
  });

  it('creates a new playbook as a draft, revision 1, and refuses an invalid one without writing', async () => {
    const { db, mutate } = await seeded();
    const outbox = await db.outbox.count();
    const blank = draftFrom(null, () => 'step-1');
    expect(await savePlaybook(mutate, { view: null, draft: blank, userName: 'ana' })).toMatchObject({ ok: false });
    expect(await db.outbox.count()).toBe(outbox);

    const ids = ['pb-1', 'pb-1.r1'];
    const draft = {
      ...blank,
      title: { es: '  Prueba  ', en: '' },
      scenario: 'our-scenario',
      steps: [{ ...emptyStep('step-1'), text: { es: 'Hacer algo', en: '' }, offset: '30', role: 'our-role' }],
    };
    const outcome = await savePlaybook(mutate, { view: null, draft, userName: 'ana', newId: () => ids.shift()! });
    expect(outcome).toEqual({ ok: true, kind: 'created', id: 'pb-1' });
    const view = await viewOf(db, 'pb-1');
    expect(view.playbook.title).toEqual({ es: 'Prueba', en: '' });
    expect(view.state).toMatchObject({ status: 'draft', shown: { id: 'pb-1.r1', number: 1, steps: [{ offsetMinutes: 30, role: 'our-role' }], contactTreeId: null } });
  });

  it('names the contact tree in a new revision (a change to approve), and keeps it when other content changes', async () => {
    const { db, mutate } = await seeded();
    const view = await viewOf(db, WAVE);
    expect(view.state.shown.contactTreeId).toBeNull();
    expect(await savePlaybook(mutate, { view, draft: { ...draftOf(view), contactTreeId: 'tree-1' }, userName: 'luis' })).toMatchObject({ kind: 'revised' });
    const named = await viewOf(db, WAVE);
    expect(named.state).toMatchObject({ status: 'approved', shown: { number: 1, contactTreeId: null }, newerDraft: { number: 2, contactTreeId: 'tree-1' } });
    const draft = draftOf(named);
    await savePlaybook(mutate, { view: named, draft: { ...draft, whenToUse: { ...draft.whenToUse, en: 'Changed.' } }, userName: 'luis' });
    expect((await viewOf(db, WAVE)).state.newerDraft).toMatchObject({ number: 3, contactTreeId: 'tree-1' });
    // Removing it is a change too.
    const r3 = await viewOf(db, WAVE);
    await savePlaybook(mutate, { view: r3, draft: { ...draftOf(r3), contactTreeId: null }, userName: 'luis' });
    expect((await viewOf(db, WAVE)).state.newerDraft).toMatchObject({ number: 4, contactTreeId: null });
  });

  it('approves the newest revision, recording the review date', async () => {
    const { db, mutate } = await seeded();
    const view = await viewOf(db, WAVE);
    const draft = draftOf(view);
    await savePlaybook(mutate, { view, draft: { ...draft, whenToUse: { ...draft.whenToUse, en: 'Changed.' } }, userName: 'luis' });
    const later = new Date('2026-03-02T09:00:00Z');
    expect(await approvePlaybook(mutate, await viewOf(db, WAVE), 'marta', later)).toBe(2);
    const after = await viewOf(db, WAVE);
    expect(after.state).toMatchObject({ status: 'approved', newerDraft: null, shown: { number: 2 }, approval: { by: 'marta' } });
    expect(after.playbook.lastReviewedAt).toBe(later.toISOString());
  });
});
