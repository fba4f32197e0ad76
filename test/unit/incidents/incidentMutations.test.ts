import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { buildDeclaration, holderOf } from '../../../shared/incidents/declare';
import { summarizeIncident, checklistOverTime } from '../../../shared/incidents/summary';
import { seedDefaultLibrary } from '../../../renderer/src/features/library/defaultLibrary';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { MutationError } from '../../../shared/mutations/error';
import { freshDb, mutateFor } from '../db/fixtures';

let n = 0;
const newId = () => `id-${(n += 1)}`;
const person = (id: string, name: string, roles: string[], left = false): Person => ({
  id, clock: {}, deleted: false, name, roles, phones: [], email: '', timeZone: 'Europe/Madrid', workingHours: null, backupId: null, notes: '', verifiedAt: null, left,
});

async function declared() {
  const db = freshDb();
  const mutate = mutateFor(db);
  await seedDefaultLibrary(db, mutate);
  const revision = (await db.playbookRevisions.where('playbookId').equals('calma.playbook.hijacked-account').toArray())[0]!;
  const rows = buildDeclaration({
    incidentId: 'inc-1', title: 'Cuenta de X secuestrada', severity: 'high', lead: { personId: null, name: 'Ana' },
    declaredAt: '2026-03-29T00:30:00.000Z', declaredBy: 'ana', playbookId: 'calma.playbook.hijacked-account', revision,
    people: [person('p1', 'Berta', ['it-security']), person('p0', 'Aitor', ['it-security'], true)], newId,
  });
  await mutate('incident.declare', rows);
  return { db, mutate, rows, revision };
}

describe('declaring an incident', () => {
  it('builds the checklist from the playbook revision, deadlines from the declaration, owners by role', async () => {
    const { db, rows, revision } = await declared();
    const items = await db.checklistItems.where('incidentId').equals('inc-1').sortBy('order');
    expect(items).toHaveLength(revision.steps.length);
    items.forEach((item, i) => {
      const step = revision.steps[i]!;
      expect(Date.parse(item.dueAt!) - Date.parse('2026-03-29T00:30:00.000Z')).toBe(step.offsetMinutes * 60_000);
      expect(item.stepId).toBe(step.id);
    });
    const security = items.find((i) => i.role === 'it-security')!;
    expect(security.ownerName).toBe('Berta');
    expect(rows.incident.playbookRevisionId).toBe(revision.id);
    expect((await db.logEntries.toArray()).map((e) => e.kind)).toEqual(['declared']);
  });

  it('never gives a step to someone who left', () => {
    expect(holderOf('legal', [person('a', 'Ana', ['legal'], true)])).toBeNull();
    expect(holderOf('legal', [person('b', 'Zoe', ['legal']), person('a', 'Ana', ['legal'])])?.name).toBe('Ana');
    // A directory written before roles were mapped: "Asesoría jurídica" is the step's "legal".
    expect(holderOf('legal', [person('c', 'Carmen', ['Asesoría jurídica'])])?.name).toBe('Carmen');
    expect(holderOf('legal', [person('c', 'Carmen', ['Asesoría fiscal'])])).toBeNull();
  });
});

describe('running an incident', () => {
  it('ticks and unticks a step, recording who and when in the step and the log', async () => {
    const { db, mutate } = await declared();
    const [item] = await db.checklistItems.where('incidentId').equals('inc-1').sortBy('order');
    await mutate('checklist.setDone', { id: item!.id, done: true, entry: newLogEntry({ incidentId: 'inc-1', kind: 'step', by: 'berta', itemId: item!.id, action: 'done' }) });
    expect(await db.checklistItems.get(item!.id)).toMatchObject({ done: true, doneBy: 'berta' });
    await mutate('checklist.setDone', { id: item!.id, done: false, entry: newLogEntry({ incidentId: 'inc-1', kind: 'step', by: 'ana', itemId: item!.id, action: 'undone' }) });
    expect(await db.checklistItems.get(item!.id)).toMatchObject({ done: false, doneBy: null, doneAt: null });
    expect((await db.logEntries.toArray()).filter((e) => e.kind === 'step').map((e) => [e.by, e.action])).toEqual([['berta', 'done'], ['ana', 'undone']]);
  });

  it('refuses a status change the machine does not allow, and writes nothing', async () => {
    const { db, mutate } = await declared();
    const before = await db.outbox.count();
    await expect(
      mutate('incident.setStatus', { id: 'inc-1', status: 'monitoring', entry: newLogEntry({ incidentId: 'inc-1', kind: 'status', by: 'ana', status: 'monitoring' }) }),
    ).rejects.toThrow(/cannot go from declared to monitoring/);
    expect(await db.outbox.count()).toBe(before);
    await mutate('incident.setStatus', { id: 'inc-1', status: 'active', entry: newLogEntry({ incidentId: 'inc-1', kind: 'status', by: 'ana', status: 'active' }) });
    expect((await db.incidents.get('inc-1'))?.status).toBe('active');
  });

  it('keeps the log append-only: corrections point at the entry, which stays', async () => {
    const { db, mutate } = await declared();
    const note = newLogEntry({ incidentId: 'inc-1', kind: 'decision', by: 'ana', text: 'Pausar publicaciones' });
    await mutate('log.append', { entry: note });
    await expect(mutate('log.append', { entry: { ...note, text: 'otra cosa' } })).rejects.toBeInstanceOf(MutationError);
    await mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'correction', by: 'ana', text: 'Pausar todo salvo atención al cliente', correctsId: note.id }) });
    await expect(mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'correction', by: 'ana', text: 'x', correctsId: 'nope' }) })).rejects.toThrow(/same incident/);
    await expect(mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'status', by: 'ana' }) })).rejects.toThrow(/come with the change/);
    expect((await db.logEntries.get(note.id))?.text).toBe('Pausar publicaciones');
  });

  it('records a copy and its public statement together, or neither', async () => {
    const { db, mutate } = await declared();
    const copy = { id: 'copy-1', answerId: 'calma.answer.hijacked-account-alert', revisionId: 'calma.answer.hijacked-account-alert.r1', lang: 'es' as const, channel: 'x' as const, by: 'ana', at: '2026-03-29T00:40:00.000Z', statusAtCopy: 'approved' as const, confirmedUnapproved: false, text: 'Texto', incidentId: 'inc-1' };
    await expect(
      mutate('copy.record', { copy, statement: newLogEntry({ incidentId: 'other', kind: 'statement', by: 'ana', text: 'Texto' }) }),
    ).rejects.toBeInstanceOf(MutationError);
    expect(await db.copyEvents.count()).toBe(0);
    await mutate('copy.record', { copy, statement: newLogEntry({ incidentId: 'inc-1', kind: 'statement', by: 'ana', text: 'Texto', at: copy.at, channel: 'x' }) });
    expect(await db.copyEvents.count()).toBe(1);
    expect((await db.logEntries.toArray()).filter((e) => e.kind === 'statement')).toHaveLength(1);
  });
});

describe('the executive summary', () => {
  it('says whether the first public answer came within two hours, and what is overdue', async () => {
    const { db, mutate } = await declared();
    const at = (min: number) => new Date(Date.parse('2026-03-29T00:30:00.000Z') + min * 60_000).toISOString();
    await mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'statement', by: 'ana', text: 'Primera', at: at(150) }) });
    await mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'statement', by: 'ana', text: 'Segunda', at: at(200) }) });
    const incident = (await db.incidents.get('inc-1'))!;
    const items = await db.checklistItems.toArray();
    const log = await db.logEntries.toArray();
    const summary = summarizeIncident(incident, items, log, Date.parse(at(240)));
    expect(summary.firstStatement?.withinTarget).toBe(false);
    expect(summary.lastStatement?.text).toBe('Segunda');
    expect(summary.overdue.length).toBe(items.filter((i) => Date.parse(i.dueAt!) < Date.parse(at(240))).length);
    expect(summary.elapsedMs).toBe(240 * 60_000);
    const early = summarizeIncident(incident, items, [], Date.parse(at(60)));
    expect(early.firstAnswerMissed).toBe(false);
    expect(summarizeIncident(incident, items, [], Date.parse(at(121))).firstAnswerMissed).toBe(true);
  });

  it('plots done, open and overdue steps adding up to the checklist at every instant', async () => {
    const { db } = await declared();
    const items = await db.checklistItems.toArray();
    const points = checklistOverTime(items, Date.parse('2026-03-29T00:30:00.000Z'), Date.parse('2026-03-30T00:30:00.000Z'));
    expect(points.length).toBeGreaterThan(10);
    for (const p of points) expect(p.done + p.open + p.overdue).toBe(items.length);
    expect(points.at(-1)!.overdue).toBeGreaterThan(points[0]!.overdue);
  });
});
