import { describe, expect, it } from 'vitest';
import { escalationAttempt, runCallTree, treeActivatedAt } from '../../../shared/contactTrees';
import { contactTreeSchema, personSchema } from '../../../shared/domain';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { incidentTimeline } from '../../../shared/incidents/timelineEvents';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { MutationError } from '../../../shared/mutations/error';
import { mailtoUrl, telUrl } from '../../../renderer/src/features/callTree/callLinks';
import { formatCountdown } from '../../../renderer/src/features/callTree/countdown';
import { freshDb, mutateFor } from '../db/fixtures';
import { attempt } from './fixtures';

const DECLARED = '2026-05-11T08:00:00.000Z';

/** An incident running a two-person tree, written through the mutations like the console does. */
async function running() {
  const db = freshDb();
  let now = new Date(DECLARED);
  const mutate = mutateFor(db, () => now);
  await mutate('person.create', { person: personSchema.parse({ id: 'lucia', name: 'Lucía', backupId: 'luis', phones: ['+34 600 111 222'] }) });
  await mutate('person.create', { person: personSchema.parse({ id: 'luis', name: 'Luis' }) });
  await mutate('contactTree.create', { tree: contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [{ id: 'top', parentId: null, order: 0, target: { kind: 'person', personId: 'lucia' }, escalateAfterMinutes: 10 }] }) });
  const rows = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana',
    playbookId: null, revision: null, people: [], newId: () => `id-${Math.random().toString(36).slice(2)}`,
  });
  await mutate('incident.declare', { ...rows, incident: { ...rows.incident, contactTreeId: 'tree-1', contactTreeActivatedAt: DECLARED } });
  const state = async () => {
    const incident = (await db.incidents.get('inc-1'))!;
    return runCallTree({ tree: (await db.contactTrees.get('tree-1'))!, people: await db.people.toArray(), attempts: await db.callAttempts.toArray(), activatedAt: treeActivatedAt(incident)!, now: now.getTime() });
  };
  return { db, mutate, state, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('recording escalations', () => {
  it('writes one row however many windows record the same escalation, and moves to the backup once', async () => {
    const { db, mutate, state, setNow } = await running();
    setNow('2026-05-11T08:10:00.000Z');
    const [due] = (await state()).due;
    expect(due).toMatchObject({ nodeId: 'top', fromPersonId: 'lucia', toPersonId: 'luis' });
    const context = { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: Date.parse(DECLARED), by: 'ana' };
    const first = escalationAttempt(due!, { ...context, at: new Date('2026-05-11T08:10:00.000Z') });
    await mutate('call.record', { attempt: first });
    // The same record again (a replay) is harmless; another window's, a second later, is refused whole.
    await mutate('call.record', { attempt: first });
    const second = escalationAttempt(due!, { ...context, by: 'berta', at: new Date('2026-05-11T08:10:01.000Z') });
    await expect(mutate('call.record', { attempt: second })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.callAttempts.count()).toBe(1);
    const after = await state();
    expect(after.nodes[0]!.state).toBe('escalated');
    expect(after.nodes[0]!.current!.id).toBe('luis');
    expect(after.due).toEqual([]);
  });

  it('refuses an attempt for an incident that does not exist, writing nothing', async () => {
    const { db, mutate } = await running();
    const error = await mutate('call.record', { attempt: attempt('top', 'lucia', 'reached', DECLARED, { incidentId: 'nope' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect((error as MutationError).code).toBe('not-found');
    expect(await db.callAttempts.count()).toBe(0);
  });

  it('puts the calls in the incident\'s timeline, in time order with the log', async () => {
    const { db, mutate } = await running();
    await mutate('call.record', { attempt: attempt('top', 'lucia', 'no-answer', '2026-05-11T08:02:00.000Z') });
    await mutate('log.append', { entry: newLogEntry({ incidentId: 'inc-1', kind: 'note', by: 'ana', text: 'Trying Lucía', at: '2026-05-11T08:03:00.000Z' }) });
    await mutate('call.record', { attempt: attempt('top', 'lucia', 'reached', '2026-05-11T08:04:00.000Z') });
    const events = incidentTimeline(await db.logEntries.toArray(), [], [], await db.callAttempts.where('[incidentId+at]').between(['inc-1', ''], ['inc-1', '\uffff']).toArray());
    expect(events.map((e) => (e.kind === 'call' ? `call:${e.call.outcome}` : e.kind === 'log' ? `log:${e.entry.kind}` : e.kind))).toEqual(['log:declared', 'call:no-answer', 'log:note', 'call:reached']);
  });
});

describe('links to call and write', () => {
  it('makes tel: links from numbers as people write them, through the allow-list', () => {
    expect(telUrl('+34 600 11 22 33')).toBe('tel:+34600112233');
    expect(telUrl('(555) 010-0199 ext. 12')).toBe('tel:5550100199;ext=12');
    expect(telUrl('600.112.233')).toBe('tel:600112233');
  });

  it('refuses what is not a number rather than linking it', () => {
    expect(telUrl('call reception')).toBeNull();
    expect(telUrl('+1')).toBeNull();
    expect(telUrl('javascript:alert(1)')).toBeNull();
    expect(telUrl('600 11 22 33?body=x')).toBeNull();
  });

  it('makes a mailto: link for one plain address only', () => {
    expect(mailtoUrl(' ana@example.org ')).toBe('mailto:ana@example.org');
    expect(mailtoUrl('ana@example.org?cc=boss@example.org')).toBeNull();
    expect(mailtoUrl('ana@example.org,eve@example.org')).toBeNull();
    expect(mailtoUrl('not an address')).toBeNull();
    expect(mailtoUrl('')).toBeNull();
  });
});

describe('the escalation countdown', () => {
  it('reads like a phone timer under an hour, in hours and days beyond', () => {
    expect(formatCountdown(4 * 60_000 + 5_000)).toBe('4:05');
    expect(formatCountdown(8_200)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-3_000)).toBe('0:00');
    expect(formatCountdown(3_600_000 + 5 * 60_000)).toBe('1 h 05 min');
    expect(formatCountdown(50 * 3_600_000)).toBe('2 d 2 h');
  });
});
