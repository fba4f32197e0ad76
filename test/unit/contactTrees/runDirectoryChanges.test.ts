import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escalationAttempt, isGiveUp, isSameEscalation, runCallTree, type CallTreeRun } from '../../../shared/contactTrees';
import type { CallAttempt, Person } from '../../../shared/domain';
import { formatHlc } from '../../../shared/hlc';
import { attempt, MIN, person, personNode, roleNode, tree } from './fixtures';

/**
 * The directory changes while a tree runs (someone leaves, is deleted, gains or loses a role, gets
 * another backup): the run must keep moving, say who to call consistently with what was recorded,
 * and never make two different escalations share an id (the second would be refused, and the node
 * would wait forever on a time that has passed).
 */

const T0 = Date.parse('2026-05-11T08:00:00Z');
const context = (at: number, by = 'ana') => ({ incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T0, by, at: new Date(at) });
const escalate = (r: CallTreeRun, at: number, by = 'ana') => r.due.map((d) => escalationAttempt(d, context(at, by)));
const state = (r: CallTreeRun) => Object.fromEntries(r.nodes.map((n) => [n.node.id, `${n.state}${n.current ? `:${n.current.id}` : ''}`]));
const nodeOf = (r: CallTreeRun, id: string) => r.nodes.find((n) => n.node.id === id)!;
const change = (people: Person[], id: string, fields: Partial<Person>) => people.map((p) => (p.id === id ? { ...p, ...fields, clock: { ...p.clock, ...fields.clock } } : p));
/** The clock stamp a mutation made at `at` writes. */
const stampAt = (at: number) => formatHlc({ millis: at, counter: 0, node: 'dev1' });
/** A deletion as the person.delete mutation writes it: the flag, and its clock stamp. */
const deletedAt = (at: number): Partial<Person> => ({ deleted: true, clock: { deleted: stampAt(at) } });

// As QA found it: Ana's backup Bea has left, so Ana's node calls Ana, then Bea's backup Cris.
const directory = [
  person('ana', { name: 'Ana Lead', backupId: 'bea' }),
  person('bea', { name: 'Bea Left', backupId: 'cris', left: true }),
  person('cris', { name: 'Cris Backup' }),
  person('dani', { name: 'Dani', roles: ['legal'] }),
  person('eva', { name: 'Eva', roles: ['legal'] }),
];
// ana (5 min) ── kid: dani (5 min)
// legal (role, 10 min)
const t = tree([personNode('n-ana', 'ana', null, 0, 5), personNode('kid', 'dani', 'n-ana', 0, 5), roleNode('n-legal', 'legal', null, 1, 10)]);
const runWith = (people: Person[], attempts: CallAttempt[], now: number) => runCallTree({ tree: t, people, attempts, activatedAt: T0, now });

describe('the directory changing while a tree runs', () => {
  it('someone leaving after her escalation: the backup keeps the time she was given, then the node gives up and its children open', () => {
    let records = [attempt('n-ana', 'ana', 'no-answer', T0 + MIN)];
    const first = runWith(directory, records, T0 + 5 * MIN);
    expect(first.due.filter((d) => d.nodeId === 'n-ana')).toMatchObject([{ nodeId: 'n-ana', fromPersonId: 'ana', toPersonId: 'cris', dueAt: T0 + 5 * MIN }]);
    const anaEscalation = escalate(first, T0 + 5 * MIN).find((a) => a.nodeId === 'n-ana')!;
    records = [...records, anaEscalation];

    // Ana leaves at T+7: Cris is still the one to call, until T+10 as before; nothing is due meanwhile.
    const left = change(directory, 'ana', { left: true });
    const after = runWith(left, records, T0 + 7 * MIN);
    expect(state(after)['n-ana']).toBe('escalated:cris');
    expect(nodeOf(after, 'n-ana').escalateAt).toBe(T0 + 10 * MIN);
    expect(nodeOf(after, 'n-ana').movedOn).toEqual(['ana']);
    expect(after.due.filter((d) => d.nodeId === 'n-ana')).toEqual([]);

    // At T+10 Cris's time is up: an escalation of its own (another id than Ana's), and nobody is next.
    const atTen = runWith(left, records, T0 + 10 * MIN);
    const crisDue = atTen.due.find((d) => d.nodeId === 'n-ana')!;
    expect(crisDue).toEqual({ nodeId: 'n-ana', fromPersonId: 'cris', toPersonId: null, dueAt: T0 + 10 * MIN });
    const crisEscalation = escalationAttempt(crisDue, context(T0 + 10 * MIN));
    expect(crisEscalation.id).not.toBe(anaEscalation.id);
    expect(isGiveUp(crisEscalation)).toBe(true);
    expect(isGiveUp(anaEscalation)).toBe(false);

    const done = runWith(left, [...records, crisEscalation], T0 + 10 * MIN);
    expect(state(done)).toMatchObject({ 'n-ana': 'failed', kid: 'calling:dani' });
    expect(nodeOf(done, 'n-ana').settledAt).toBe(T0 + 10 * MIN);
    expect(nodeOf(done, 'kid').escalateAt).toBe(T0 + 15 * MIN);
    expect(done.due.filter((d) => d.nodeId === 'n-ana')).toEqual([]);
  });

  it('the backup being called is deleted: with nobody else listed, the node gave up when the last listed person was moved on from', () => {
    const records = [attempt('n-ana', 'ana', 'escalated', T0 + 5 * MIN), attempt('n-ana', 'cris', 'no-answer', T0 + 6 * MIN)];
    const r = runWith(change(directory, 'cris', { deleted: true }), records, T0 + 8 * MIN);
    expect(state(r)).toMatchObject({ 'n-ana': 'failed', kid: 'calling:dani' });
    expect(nodeOf(r, 'n-ana').settledAt).toBe(T0 + 5 * MIN);
    expect(nodeOf(r, 'kid').escalateAt).toBe(T0 + 10 * MIN);
  });

  it('the node\'s person deleted before anyone was moved on from: their backup takes over the turn', () => {
    const records = [attempt('n-ana', 'ana', 'no-answer', T0 + 2 * MIN)];
    const r = runWith(change(directory, 'ana', { deleted: true }), records, T0 + 3 * MIN);
    expect(state(r)['n-ana']).toBe('calling:cris');
    // Bea left long ago: she is in the chain and not called either.
    expect(nodeOf(r, 'n-ana').dropped.map((p) => p.id)).toEqual(['ana', 'bea']);
  });

  it('the node\'s only person deleted, nobody behind them: it gives up as of its latest attempt, saying why', () => {
    const records = [attempt('n-ana', 'ana', 'no-answer', T0 + 2 * MIN)];
    const r = runWith(change(change(directory, 'ana', { deleted: true }), 'cris', { deleted: true }), records, T0 + 3 * MIN);
    expect(nodeOf(r, 'n-ana').failReason).toBe('nobodyLeft');
    expect(nodeOf(r, 'n-ana').dropped.map((p) => p.id)).toEqual(['ana', 'bea', 'cris']);
    expect(state(r)).toMatchObject({ 'n-ana': 'failed', kid: 'calling:dani' });
    expect(nodeOf(r, 'n-ana').settledAt).toBe(T0 + 2 * MIN);
    expect(r.due).toEqual([]);
  });

  it('people deleted long after the last attempt: the node gives up when they were deleted, so the nodes below get their whole time', () => {
    const records = [attempt('n-ana', 'ana', 'no-answer', T0 + MIN)];
    // Ana and Cris deleted at T+30 (the stamps every machine reads); the console looks at T+31.
    const gone = change(change(directory, 'ana', deletedAt(T0 + 30 * MIN)), 'cris', deletedAt(T0 + 30 * MIN));
    const r = runWith(gone, records, T0 + 31 * MIN);
    expect(nodeOf(r, 'n-ana')).toMatchObject({ state: 'failed', failReason: 'nobodyLeft', settledAt: T0 + 30 * MIN });
    // Dani's turn starts at T+30, not at T+1: nothing falls due at once, nothing reads as noticed late.
    expect(state(r).kid).toBe('calling:dani');
    expect(nodeOf(r, 'kid').escalateAt).toBe(T0 + 35 * MIN);
    expect(r.due.filter((d) => d.nodeId === 'kid')).toEqual([]);
  });

  it('a person deleted before the tree was activated: the chain ends at them, their old backup link is not followed', () => {
    // Ana deleted the day before: People shows nobody behind her any more, and neither does the run.
    const before = runWith(change(directory, 'ana', deletedAt(T0 - 24 * 60 * MIN)), [], T0 + MIN);
    expect(nodeOf(before, 'n-ana')).toMatchObject({ state: 'failed', failReason: 'nobodyLeft' });
    expect(nodeOf(before, 'n-ana').dropped.map((p) => p.id)).toEqual(['ana']);
    // Deleted while her node ran: it was counting on her, and her row says who stands in.
    const during = runWith(change(directory, 'ana', deletedAt(T0 + 2 * MIN)), [attempt('n-ana', 'ana', 'no-answer', T0 + MIN)], T0 + 3 * MIN);
    expect(state(during)['n-ana']).toBe('calling:cris');
  });

  it('the only holder of a role deleted while the role node runs: it goes on to their backup, and names them as dropped', () => {
    const people = [person('cris', { name: 'Cris', roles: ['legal'], backupId: 'dani' }), person('dani', { name: 'Dani' })];
    const roleTree = tree([roleNode('n-legal', 'legal', null, 0, 10)]);
    const run = (ps: Person[], now: number) => runCallTree({ tree: roleTree, people: ps, attempts: [attempt('n-legal', 'cris', 'no-answer', T0 + MIN)], activatedAt: T0, now });
    expect(state(run(people, T0 + 2 * MIN))['n-legal']).toBe('calling:cris');

    const deletedMidRun = run(change(people, 'cris', deletedAt(T0 + 3 * MIN)), T0 + 4 * MIN);
    expect(state(deletedMidRun)['n-legal']).toBe('calling:dani');
    expect(nodeOf(deletedMidRun, 'n-legal').dropped.map((p) => p.id)).toEqual(['cris']);
    // Deleted before the tree was activated, Cris never held the role for this run: nobody to call.
    const deletedBefore = run(change(people, 'cris', deletedAt(T0 - MIN)), T0 + 4 * MIN);
    expect(nodeOf(deletedBefore, 'n-legal')).toMatchObject({ state: 'failed', failReason: 'nobodyLeft', dropped: [] });
  });

  it('a role gaining a holder: the person being called stays the one to call, the newcomer comes next', () => {
    const gained = [...directory, person('abel', { name: 'Abel', roles: ['legal'] })];
    // Nobody called yet: the directory decides, and Abel comes first by name.
    expect(state(runWith(gained, [], T0 + MIN))['n-legal']).toBe('calling:abel');
    // Dani is being called (a "no answer" recorded): she stays, with her clock.
    const calling = [attempt('n-legal', 'dani', 'no-answer', T0 + MIN)];
    const r = runWith(gained, calling, T0 + 2 * MIN);
    expect(state(r)['n-legal']).toBe('calling:dani');
    expect(nodeOf(r, 'n-legal').next?.id).toBe('abel');
    expect(nodeOf(r, 'n-legal').escalateAt).toBe(T0 + 10 * MIN);
    // Her time runs out: Abel next, then Eva.
    const moved = runWith(gained, [...calling, ...escalate(runWith(gained, calling, T0 + 10 * MIN), T0 + 10 * MIN)], T0 + 10 * MIN);
    expect(nodeOf(moved, 'n-legal').queue.map((p) => p.id)).toEqual(['abel', 'eva']);
  });

  it('a role losing the holder being called: the next holder takes over the rest of the turn', () => {
    const calling = [attempt('n-legal', 'dani', 'no-answer', T0 + MIN)];
    const r = runWith(change(directory, 'dani', { roles: [] }), calling, T0 + 2 * MIN);
    expect(state(r)['n-legal']).toBe('calling:eva');
    expect(nodeOf(r, 'n-legal').escalateAt).toBe(T0 + 10 * MIN);
    expect(nodeOf(r, 'n-legal').next).toBeNull();
  });

  it('two consoles deriving from the same records make the same escalation records (one row), and a different escalation never shares an id', () => {
    const records = [attempt('n-ana', 'ana', 'escalated', T0 + 5 * MIN)];
    const left = change(directory, 'ana', { left: true });
    const mine = escalate(runWith(left, records, T0 + 10 * MIN), T0 + 10 * MIN, 'ana');
    const theirs = escalate(runWith(left, records, T0 + 10 * MIN + 700), T0 + 10 * MIN + 700, 'berta');
    expect(theirs.map((a) => a.id)).toEqual(mine.map((a) => a.id));
    mine.forEach((a, i) => expect(isSameEscalation(a, theirs[i]!)).toBe(true));
    // The same console before Ana left would have moved on from Ana at T+5: another id, another escalation.
    const before = escalate(runWith(directory, [], T0 + 5 * MIN), T0 + 5 * MIN).find((a) => a.nodeId === 'n-ana')!;
    const cris = mine.find((a) => a.nodeId === 'n-ana')!;
    expect(before.id).not.toBe(cris.id);
    expect(isSameEscalation(before, { ...cris, id: before.id })).toBe(false);
  });
});

// Six people, three nodes of each kind of target, and every change the People screen can make.
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const bigTree = tree([
  personNode('a', 'p0', null, 0, 5),
  roleNode('b', 'r', 'a', 0, 7),
  personNode('c', 'p1', null, 1, 3),
  personNode('d', 'p2', 'c', 0, 4),
  roleNode('e', 's', 'c', 1, 6),
]);
const personArb = fc.record({ backup: fc.option(fc.nat({ max: 5 }), { nil: null }), r: fc.boolean(), s: fc.boolean(), left: fc.boolean() });
const changeArb = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constantFrom('leave', 'rejoin', 'delete', 'take-r', 'drop-r', 'take-s', 'drop-s'), who: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('backup'), who: fc.nat({ max: 5 }), to: fc.option(fc.nat({ max: 5 }), { nil: null }) }),
);
const tickArb = fc.record({
  advance: fc.integer({ min: 0, max: 9 * MIN }),
  change: changeArb,
  manual: fc.option(fc.record({ node: fc.constantFrom('a', 'b', 'c', 'd', 'e'), outcome: fc.constantFrom<CallAttempt['outcome']>('no-answer', 'voicemail', 'wrong-number', 'unavailable', 'reached') }), { nil: null }),
});

/** A change made in People at `at`, stamped as the mutations stamp it (the run reads when someone was deleted or left). */
function applyChange(people: Person[], c: { kind: string; who: number; to?: number | null } | null, at: number): Person[] {
  if (c === null) return people;
  const id = IDS[c.who]!;
  const p = people.find((x) => x.id === id)!;
  const stamp = stampAt(at);
  switch (c.kind) {
    case 'leave':
      return change(people, id, { left: true, clock: { left: stamp } });
    case 'rejoin':
      return change(people, id, { left: false, clock: { left: stamp } });
    case 'delete':
      return change(people, id, { deleted: true, clock: { deleted: stamp } });
    case 'backup':
      return change(people, id, { backupId: c.to === null || c.to === undefined ? null : IDS[c.to]! });
    default: {
      const [verb, role] = c.kind.split('-') as ['take' | 'drop', string];
      return change(people, id, { roles: verb === 'take' ? [...new Set([...p.roles, role])] : p.roles.filter((r) => r !== role) });
    }
  }
}

describe('a tree running while the directory changes at random', () => {
  /**
   * Between ticks, anything may change in People; at each tick someone may record a call, and the
   * console records whatever escalation is due (again and again if the next one is due at once),
   * into a store that refuses to overwrite a history row with other content, as call.record does.
   * Whatever happens, no node is ever left waiting on a time that has passed: each is waiting,
   * being called with a deadline ahead, reached, or given up on. A write is refused only when the
   * same escalation was already stored; each escalation has its own id, the same on two consoles.
   */
  test.prop([fc.array(personArb, { minLength: 6, maxLength: 6 }), fc.array(tickArb, { minLength: 1, maxLength: 30 })], { numRuns: 200 })(
    'never stuck on an elapsed deadline, and escalation ids are one per escalation',
    (rows, ticks) => {
      let people = rows.map((r, i) =>
        person(IDS[i]!, { name: `Person ${i}`, backupId: r.backup === null ? null : IDS[r.backup]!, left: r.left, roles: [...(r.r ? ['r'] : []), ...(r.s ? ['s'] : [])] }),
      );
      const stored = new Map<string, CallAttempt>();
      let now = T0;
      let manual = 0;
      const run = (at: number) => runCallTree({ tree: bigTree, people, attempts: [...stored.values()], activatedAt: T0, now: at });
      for (const tick of ticks) {
        now += tick.advance;
        people = applyChange(people, tick.change, now);
        if (tick.manual) {
          const n = nodeOf(run(now), tick.manual.node);
          if (n.current) {
            manual += 1;
            const id = `manual-${String(manual).padStart(4, '0')}`;
            stored.set(id, attempt(n.node.id, n.current.id, tick.manual.outcome, now, { id }));
          }
        }
        for (let round = 0; round < 40; round += 1) {
          const r = run(now);
          if (r.due.length === 0) break;
          // Recorded in the order the times ran out, then in calling order.
          const order = r.nodes.map((n) => n.node.id);
          for (let i = 1; i < r.due.length; i += 1) {
            const [a, b] = [r.due[i - 1]!, r.due[i]!];
            expect(a.dueAt < b.dueAt || (a.dueAt === b.dueAt && order.indexOf(a.nodeId) < order.indexOf(b.nodeId))).toBe(true);
          }
          const mine = escalate(r, now, 'ana');
          // Another console, a moment later, with the same records: the same escalations, with the
          // same ids, plus only those whose time ran out in that very moment.
          const later = run(now + 1);
          expect(later.due.filter((d) => d.dueAt <= now)).toEqual(r.due);
          expect(later.due.filter((d) => d.dueAt > now).every((d) => d.dueAt === now + 1)).toBe(true);
          expect(escalate({ ...later, due: later.due.filter((d) => d.dueAt <= now) }, now + 1, 'berta').map((a) => a.id)).toEqual(mine.map((a) => a.id));
          let wrote = false;
          for (const record of mine) {
            const old = stored.get(record.id);
            if (!old) {
              stored.set(record.id, record);
              wrote = true;
            } else {
              // Refused: it must be this very escalation, already recorded.
              expect(old.nodeId).toBe(record.nodeId);
              expect(old.personId).toBe(record.personId);
            }
          }
          if (!wrote) break;
        }
        const r = run(now);
        expect(r.due).toEqual([]);
        for (const n of r.nodes) {
          if (n.state === 'calling' || n.state === 'escalated') {
            expect(n.current).not.toBeNull();
            expect(n.escalateAt!).toBeGreaterThan(now);
          } else {
            expect(n.current).toBeNull();
          }
          // Never dropped silently (people deleted at any time): a node that gave up says why, and
          // everyone it moved on from is still named, so the panel can show it as not reached.
          if (n.state === 'failed') expect(n.failReason).not.toBeNull();
          else expect(n.failReason).toBeNull();
          for (const p of n.dropped) expect(p.deleted || p.left).toBe(true);
          for (const move of n.earlier) {
            expect(move.person?.name).toBe(people.find((p) => p.id === move.personId)!.name);
            // "Nobody else was left to call" is never said of a move that went on to someone.
            if (move.movedTo !== null) expect(move.gaveUp).toBe(false);
            if (move.endedBy.outcome === 'escalated' && !isGiveUp(move.endedBy)) expect(move.gaveUp).toBe(false);
          }
        }
      }
      // One escalation record per node and person moved on from.
      const escalations = [...stored.values()].filter((a) => a.outcome === 'escalated');
      expect(new Set(escalations.map((a) => `${a.nodeId}/${a.personId}`)).size).toBe(escalations.length);
    },
  );
});
