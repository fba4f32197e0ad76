import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { directoryOf, escalationAttempt, isGiveUp, LATE_NOTICE_MS, lateReaches, noticedLate, runCallTree, treeActivatedAt } from '../../../shared/contactTrees';
import { contactTreeSchema, personSchema, type Lang } from '../../../shared/domain';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { incidentTimeline } from '../../../shared/incidents/timelineEvents';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { MutationError } from '../../../shared/mutations/error';
import { mailtoUrl, telUrl } from '../../../renderer/src/features/callTree/callLinks';
import { CallNames, callEventText, escalationTargets, isTimerEvent, lastAttemptText, lateReachTargets, movedOnText } from '../../../renderer/src/features/callTree/callEvents';
import { formatCountdown } from '../../../renderer/src/features/callTree/countdown';
import { MESSAGES, type Translate } from '../../../renderer/src/i18n/I18nProvider';
import type { MessageId } from '../../../renderer/src/i18n/messages/en';
import { freshDb, mutateFor } from '../db/fixtures';
import { attempt, person } from './fixtures';

const DECLARED = '2026-05-11T08:00:00.000Z';

/**
 * An incident running a one-node tree over `people` (the node calls the first of them, after
 * `minutes`), written through the mutations like the console does.
 */
async function runningTree(people: Record<string, unknown>[], minutes: number) {
  const db = freshDb();
  let now = new Date(DECLARED);
  const mutate = mutateFor(db, () => now);
  for (const p of people) await mutate('person.create', { person: personSchema.parse(p) });
  const top = { id: 'top', parentId: null, order: 0, target: { kind: 'person', personId: people[0]!.id as string }, escalateAfterMinutes: minutes };
  await mutate('contactTree.create', { tree: contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [top] }) });
  const rows = buildDeclaration({
    incidentId: 'inc-1', title: 'Outage', severity: 'high', lead: { personId: null, name: 'Ana' }, declaredAt: DECLARED, declaredBy: 'ana',
    playbookId: null, revision: null, people: [], newId: () => `id-${Math.random().toString(36).slice(2)}`,
  });
  await mutate('incident.declare', { ...rows, incident: { ...rows.incident, contactTreeId: 'tree-1', contactTreeActivatedAt: DECLARED } });
  const state = async () => {
    const incident = (await db.incidents.get('inc-1'))!;
    return runCallTree({ tree: (await db.contactTrees.get('tree-1'))!, people: await db.people.toArray(), attempts: await db.callAttempts.toArray(), activatedAt: treeActivatedAt(incident)!, now: now.getTime() });
  };
  /** What the console does at a tick: record whatever is due, as of then. */
  const tick = async (iso: string) => {
    now = new Date(iso);
    const records = (await state()).due.map((due) => escalationAttempt(due, { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: Date.parse(DECLARED), by: 'ana', at: now }));
    for (const record of records) await mutate('call.record', { attempt: record });
    return records;
  };
  return { db, mutate, state, tick, setNow: (iso: string) => (now = new Date(iso)) };
}

/** Lucía (10 min), then her backup Luis. */
const running = () => runningTree([{ id: 'lucia', name: 'Lucía', backupId: 'luis', phones: ['+34 600 111 222'] }, { id: 'luis', name: 'Luis' }], 10);

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

  it('accepts a replay of a call stored before dueAt existed, and still refuses a different one', async () => {
    const { db, mutate } = await running();
    const record = attempt('top', 'lucia', 'no-answer', '2026-05-11T08:02:00.000Z');
    // As an older Calma stored it: no dueAt key at all.
    const { dueAt: _absent, ...stored } = record;
    await db.callAttempts.put(stored as typeof record);
    // Its outbox replayed after the upgrade: parsed again, it now says dueAt: null.
    await mutate('call.record', { attempt: record });
    expect(await db.callAttempts.count()).toBe(1);
    await expect(mutate('call.record', { attempt: { ...record, outcome: 'reached' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(mutate('call.record', { attempt: { ...record, dueAt: '2026-05-11T08:01:00.000Z' } })).rejects.toMatchObject({ code: 'conflict' });
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

/**
 * As QA ran it: Ana (5 min), whose backup Bea has left, so Cris comes next. Ana's time runs out and
 * the console moves to Cris; then someone marks Ana as having left, in People.
 */
const leftMidRun = () =>
  runningTree([{ id: 'ana', name: 'Ana Lead', backupId: 'bea' }, { id: 'bea', name: 'Bea Left', backupId: 'cris', left: true }, { id: 'cris', name: 'Cris Backup' }], 5);

describe('recording escalations while the directory changes', () => {
  it('someone marked as left after her escalation: her backup\'s time still runs out, is recorded, and the node gives up', async () => {
    const { db, mutate, state, tick } = await leftMidRun();
    await mutate('call.record', { attempt: attempt('top', 'ana', 'no-answer', '2026-05-11T08:01:00.000Z') });
    expect((await tick('2026-05-11T08:05:02.000Z')).map((r) => r.personId)).toEqual(['ana']);
    await mutate('person.update', { id: 'ana', fields: { left: true } });
    // Nothing is due before T+10, and Cris is the one to call.
    expect(await tick('2026-05-11T08:07:00.000Z')).toEqual([]);
    expect((await state()).callNow.map((n) => n.current!.id)).toEqual(['cris']);
    // At T+10 the escalation from Cris is written (not refused as a copy of Ana's) and says the node gave up.
    const [gaveUp] = await tick('2026-05-11T08:10:02.000Z');
    expect(gaveUp).toMatchObject({ personId: 'cris', outcome: 'escalated' });
    expect(isGiveUp(gaveUp!)).toBe(true);
    expect(await db.callAttempts.count()).toBe(3);
    const after = await state();
    expect(after.nodes[0]!.state).toBe('failed');
    expect(after.due).toEqual([]);
  });
});

function i18n(locale: Lang) {
  const intl = createIntl({ locale, messages: MESSAGES[locale], timeZone: 'UTC' });
  const t: Translate = (id: MessageId, values) => intl.formatMessage({ id }, values);
  return t;
}

describe('calls in words', () => {
  const due = { nodeId: 'n-ana', fromPersonId: 'cris', dueAt: Date.parse(DECLARED) };
  const context = { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: Date.parse(DECLARED), by: 'ana', at: new Date(DECLARED) };
  const names = new CallNames([['cris', 'Cris Backup']]);

  it('the timeline tells an escalation that gave up from one that moved on, in both languages, as a sentence with no author', () => {
    const movedOn = escalationAttempt({ ...due, toPersonId: 'dani' }, context);
    const gaveUp = escalationAttempt({ ...due, nodeId: 'n-other', toPersonId: null }, context);
    expect(isTimerEvent(movedOn)).toBe(true);
    expect(isTimerEvent(attempt('n-ana', 'cris', 'no-answer', DECLARED))).toBe(false);
    // Without the run (an earlier activation, a tree deleted since): the record's own words.
    expect(callEventText(movedOn, names, i18n('en'))).toBe('Call tree: Cris Backup did not answer in time; moved on to the next person');
    expect(callEventText(gaveUp, names, i18n('en'))).toBe('Call tree: Cris Backup did not answer in time; nobody else was left to call');
    expect(callEventText(gaveUp, names, i18n('es'))).toBe('Cadena de llamadas: Cris Backup no contestó a tiempo; no quedaba nadie más a quien llamar');
    expect(callEventText(movedOn, names, i18n('es'))).toBe('Cadena de llamadas: Cris Backup no contestó a tiempo; se pasó a la siguiente persona');
    // With the run: the node's time and whom it moved on to.
    const known = new CallNames([['cris', 'Cris Backup']], new Map(), new Map([[movedOn.id, { minutes: 2, to: 'Dani Vega' }], [gaveUp.id, { minutes: 2, to: '' }]]));
    expect(callEventText(movedOn, known, i18n('en'))).toBe('Call tree: Cris Backup did not answer in 2:00; moved on to Dani Vega');
    expect(callEventText(movedOn, known, i18n('es'))).toBe('Cadena de llamadas: Cris Backup no contestó en 2:00; se pasó a Dani Vega');
    expect(callEventText(gaveUp, known, i18n('en'))).toBe('Call tree: Cris Backup did not answer in 2:00; nobody else was left to call');
    // Only Calma's own escalations give up: a call whose note happens to say so is still that call.
    expect(callEventText(attempt('n-ana', 'cris', 'no-answer', DECLARED, { note: gaveUp.note }), names, i18n('en'))).toBe('called Cris Backup: no answer');
  });

  it('names the person of the last attempt even after they left; only a deleted person is no longer in the directory', () => {
    const t = i18n('en');
    const people = [person('ana', { name: 'Ana Lead', left: true }), person('gone', { name: 'Gone', deleted: true })];
    const byId = directoryOf(people).byId;
    const time = () => '10:05';
    expect(lastAttemptText(attempt('n-ana', 'ana', 'escalated', DECLARED, { by: 'Luis' }), byId, t, time)).toBe('Last: Ana Lead, Moved on to the backup at 10:05 (Luis)');
    expect(lastAttemptText(escalationAttempt({ ...due, fromPersonId: 'ana', toPersonId: null }, context), byId, t, time)).toBe('Last: Ana Lead, Gave up: nobody else to call at 10:05 (ana)');
    expect(lastAttemptText(attempt('n-ana', 'gone', 'no-answer', DECLARED, { by: 'Luis' }), byId, t, time)).toBe('Last: Someone no longer in the directory, No answer at 10:05 (Luis)');
  });
});

describe('a call answered late, in words', () => {
  const T0 = Date.parse(DECLARED);
  const people = [person('ana', { name: 'Ana Ortega', backupId: 'bea' }), person('bea', { name: 'Bea Ruiz', backupId: 'cris' }), person('cris', { name: 'Cris Vidal' })];
  const tree = contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [{ id: 'n-ana', parentId: null, order: 0, target: { kind: 'person', personId: 'ana' }, escalateAfterMinutes: 5 }] });
  const run = (attempts: Parameters<typeof runCallTree>[0]['attempts']) => runCallTree({ tree, people, attempts, activatedAt: T0, now: T0 + 10 * 60_000 });
  const context = { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T0, by: 'Luis', at: new Date(T0 + 5 * 60_000) };
  const moved = escalationAttempt({ nodeId: 'n-ana', fromPersonId: 'ana', toPersonId: 'bea', dueAt: T0 + 5 * 60_000 }, context);
  const late = attempt('n-ana', 'ana', 'reached', T0 + 5.5 * 60_000);

  it('the card says how the node moved on from each earlier person, in both languages', () => {
    const [ana] = run([moved]).nodes[0]!.earlier;
    expect(movedOnText(ana!, 'Ana Ortega', 5, i18n('en'))).toBe('Ana Ortega: no answer in 5:00, moved on to Bea Ruiz');
    expect(movedOnText(ana!, 'Ana Ortega', 5, i18n('es'))).toBe('Ana Ortega: sin respuesta en 5:00, se pasó a Bea Ruiz');
    const wrong = run([attempt('n-ana', 'ana', 'wrong-number', T0 + 60_000)]).nodes[0]!.earlier[0]!;
    expect(movedOnText(wrong, 'Ana Ortega', 5, i18n('en'))).toBe('Ana Ortega: Wrong number, moved on to Bea Ruiz');
    const ahead = run([attempt('n-ana', 'cris', 'unavailable', T0 + 60_000)]).nodes[0]!.earlier[0]!;
    expect(movedOnText(ahead, 'Cris Vidal', 5, i18n('en'))).toBe('Cris Vidal: Unavailable, taken off the list');
    expect(movedOnText(ahead, 'Cris Vidal', 5, i18n('es'))).toBe('Cris Vidal: No disponible, se quitó de la lista');
    // The console that recorded the escalation saw nobody left, and its record says so.
    const gaveUp = escalationAttempt({ nodeId: 'n-ana', fromPersonId: 'ana', toPersonId: null, dueAt: T0 + 5 * 60_000 }, context);
    const lastOne = run([attempt('n-ana', 'bea', 'unavailable', T0 + 60_000), attempt('n-ana', 'cris', 'unavailable', T0 + 60_000), gaveUp]).nodes[0]!.earlier.at(-1)!;
    expect(movedOnText(lastOne, 'Ana Ortega', 5, i18n('en'))).toBe('Ana Ortega: no answer in 5:00; nobody else was left to call');
  });

  it('the timeline says a reach came after the move, and to whom; a reach in the person\'s own turn reads as before', () => {
    const r = run([moved, late]);
    const names = new CallNames([['ana', 'Ana Ortega']], lateReachTargets(r));
    expect(callEventText(late, names, i18n('en'))).toBe('called Ana Ortega: reached, after the move to Bea Ruiz');
    expect(callEventText(late, names, i18n('es'))).toBe('llamó a Ana Ortega: localizado, después de pasar a Bea Ruiz');
    expect(callEventText(late, new CallNames([['ana', 'Ana Ortega']], new Map([[late.id, '']])), i18n('en'))).toBe('called Ana Ortega: reached, after the calls had moved on from them');
    // Names with no late reach (or the reach not being late) leave the line as it was.
    expect(callEventText(late, new CallNames([['ana', 'Ana Ortega']]), i18n('en'))).toBe('called Ana Ortega: reached');
    const onTime = attempt('n-ana', 'ana', 'reached', T0 + 60_000);
    expect(lateReaches(run([onTime]))).toEqual(new Map());
    expect(callEventText(onTime, names, i18n('en'))).toBe('called Ana Ortega: reached');
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

  it('never shows more than the turn: a clock read up to a second before a 5-minute turn began shows 5:00, not 5:01', () => {
    expect(formatCountdown(5 * 60_000 + 400, 5 * 60_000)).toBe('5:00');
    expect(formatCountdown(5 * 60_000 + 999, 5 * 60_000)).toBe('5:00');
    expect(formatCountdown(4 * 60_000 + 59_400, 5 * 60_000)).toBe('5:00');
    expect(formatCountdown(4 * 60_000 + 58_400, 5 * 60_000)).toBe('4:59');
    expect(formatCountdown(-1, 5 * 60_000)).toBe('0:00');
  });
});

describe('an escalation noticed late (the console was asleep)', () => {
  const T = Date.parse('2026-05-11T22:06:58.000Z');
  const context = { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T, by: 'ana' };
  const due = { nodeId: 'n-eva', fromPersonId: 'eva', toPersonId: 'luis', dueAt: T + 2 * 60_000 };

  it('keeps when the time ran out beside when it was recorded, and the timeline says both', () => {
    const late = escalationAttempt(due, { ...context, at: new Date(T + 10 * 60_000 + 1_000) });
    expect(late.dueAt).toBe('2026-05-11T22:08:58.000Z');
    expect(late.at).toBe('2026-05-11T22:16:59.000Z');
    expect(noticedLate(late)).toBe(T + 2 * 60_000);
    const names = new CallNames([['eva', 'Eva Gil']], new Map(), new Map([[late.id, { minutes: 2, to: 'Luis Prieto' }]]));
    const time = (at: string | number) => new Date(at).toISOString().slice(11, 16);
    expect(callEventText(late, names, i18n('en'), time)).toBe('Call tree: Eva Gil did not answer in 2:00; moved on to Luis Prieto (time ran out at 22:08; noticed at 22:16, when the console was running again)');
    expect(callEventText(late, names, i18n('es'), time)).toBe('Cadena de llamadas: Eva Gil no contestó en 2:00; se pasó a Luis Prieto (el tiempo se acabó a las 22:08; se notó a las 22:16, cuando la consola volvió a funcionar)');
  });

  it('an escalation recorded within the tick, an old row with no dueAt, and other outcomes are not late', () => {
    expect(noticedLate(escalationAttempt(due, { ...context, at: new Date(due.dueAt + 1_000) }))).toBeNull();
    expect(noticedLate(escalationAttempt(due, { ...context, at: new Date(due.dueAt + LATE_NOTICE_MS - 1) }))).toBeNull();
    expect(noticedLate({ ...escalationAttempt(due, { ...context, at: new Date(due.dueAt + 20 * 60_000) }), dueAt: null })).toBeNull();
    expect(noticedLate({ outcome: 'no-answer', at: new Date(due.dueAt + 20 * 60_000).toISOString(), dueAt: new Date(due.dueAt).toISOString() })).toBeNull();
  });

  it('the run names, for each escalation, the node time and whom it moved on to', () => {
    const people = [person('eva', { name: 'Eva Gil', backupId: 'luis' }), person('luis', { name: 'Luis Prieto' })];
    const tree = { id: 'tree-1', nodes: [{ id: 'n-eva', parentId: null, order: 0, target: { kind: 'person' as const, personId: 'eva' }, escalateAfterMinutes: 2 }] };
    const first = runCallTree({ tree, people, attempts: [], activatedAt: T, now: T + 10 * 60_000 });
    expect(first.due).toMatchObject([{ nodeId: 'n-eva', dueAt: T + 2 * 60_000 }]);
    const record = escalationAttempt(first.due[0]!, { ...context, at: new Date(T + 10 * 60_000) });
    const after = runCallTree({ tree, people, attempts: [record], activatedAt: T, now: T + 10 * 60_000 });
    // The backup gets a whole turn from when the console noticed, not from when the time ran out.
    expect(after.nodes[0]).toMatchObject({ state: 'escalated', current: { id: 'luis' }, escalateAt: T + 12 * 60_000 });
    expect(after.due).toEqual([]);
    expect(escalationTargets(after)).toEqual(new Map([[record.id, { minutes: 2, to: 'Luis Prieto' }]]));
  });
});

describe('people deleted while their node runs, in words', () => {
  const T0 = Date.parse(DECLARED);
  const people = [person('ana', { name: 'Ana A', backupId: 'bea' }), person('bea', { name: 'Bea B', backupId: 'cris' }), person('cris', { name: 'Cris C' })];
  const tree = contactTreeSchema.parse({ id: 'tree-1', name: 'Main', nodes: [{ id: 'n-ana', parentId: null, order: 0, target: { kind: 'person', personId: 'ana' }, escalateAfterMinutes: 2 }] });
  const context = { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T0, by: 'Luis', at: new Date(T0 + 2 * 60_000) };
  const moved = escalationAttempt({ nodeId: 'n-ana', fromPersonId: 'ana', toPersonId: 'bea', dueAt: T0 + 2 * 60_000 }, context);
  const deleted = (ids: string[]) => people.map((p) => (ids.includes(p.id) ? { ...p, deleted: true } : p));

  it('a move to someone deleted since still says it moved on, never that nobody was left', () => {
    const r = runCallTree({ tree, people: deleted(['ana', 'bea', 'cris']), attempts: [moved], activatedAt: T0, now: T0 + 3 * 60_000 });
    const node = r.nodes[0]!;
    expect(node).toMatchObject({ state: 'failed', failReason: 'nobodyLeft' });
    expect(node.dropped.map((p) => p.name)).toEqual(['Ana A', 'Bea B', 'Cris C']);
    const [ana] = node.earlier;
    expect(ana).toMatchObject({ person: { name: 'Ana A' }, movedTo: null, gaveUp: false });
    expect(movedOnText(ana!, 'Ana A', 2, i18n('en'))).toBe('Ana A: no answer in 2:00, moved on to the next person');
    expect(movedOnText(ana!, 'Ana A', 2, i18n('es'))).toBe('Ana A: sin respuesta en 2:00, se pasó a la siguiente persona');
  });

  it('deleting Ana while her backup chain is being called keeps calling down the chain', () => {
    const r = runCallTree({ tree, people: deleted(['ana']), attempts: [moved], activatedAt: T0, now: T0 + 3 * 60_000 });
    expect(r.nodes[0]).toMatchObject({ state: 'escalated', current: { id: 'bea' }, next: { id: 'cris' } });
    // The history names Ana by her stored row, as the timeline does.
    expect(lastAttemptText(moved, directoryOf(deleted(['ana'])).everyone, i18n('en'), () => '10:02')).toBe('Last: Ana A, Moved on to the backup at 10:02 (Luis)');
  });
});
