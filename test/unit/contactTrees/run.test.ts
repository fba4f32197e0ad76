import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { callTreeProgress, escalationAttempt, escalationId, runCallTree, type CallTreeRun } from '../../../shared/contactTrees';
import type { CallAttempt } from '../../../shared/domain';
import { callAttemptSchema } from '../../../shared/domain';
import { attempt, MIN, personNode, roleNode, samplePeople, tree } from './fixtures';

const T0 = Date.parse('2026-05-11T08:00:00Z');
const people = samplePeople;
// lead ─┬─ ana (5 min)
//       └─ legal (role, 10 min)
const t = tree([personNode('top', 'lead', null, 0, 10), personNode('n-ana', 'ana', 'top', 0, 5), roleNode('n-legal', 'legal', 'top', 1, 10)]);
const state = (run: CallTreeRun) => Object.fromEntries(run.nodes.map((n) => [n.node.id, `${n.state}${n.current ? `:${n.current.id}` : ''}`]));
const run = (attempts: CallAttempt[], now: number) => runCallTree({ tree: t, people, attempts, activatedAt: T0, now });
/** What the console does when escalations are due: record each, as of `at`. */
const escalate = (r: CallTreeRun, at: number) => r.due.map((d) => escalationAttempt(d, { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T0, by: 'ana', at: new Date(at) }));

describe('running a call tree', () => {
  it('calls the top node first; its children wait', () => {
    const r = run([], T0);
    expect(state(r)).toEqual({ top: 'calling:lead', 'n-ana': 'pending', 'n-legal': 'pending' });
    expect(r.callNow.map((n) => n.node.id)).toEqual(['top']);
    expect(r.nextEscalationAt).toBe(T0 + 10 * MIN);
    expect(r.due).toEqual([]);
  });

  it('reaching a node opens its children, each with its own clock from then', () => {
    const attempts = [attempt('top', 'lead', 'no-answer', T0 + MIN), attempt('top', 'lead', 'reached', T0 + 3 * MIN)];
    const r = run(attempts, T0 + 4 * MIN);
    expect(state(r)).toEqual({ top: 'reached', 'n-ana': 'calling:ana', 'n-legal': 'calling:carla' });
    expect(r.nodes[0]!.reached!.id).toBe(attempts[1]!.id);
    expect(r.nodes[1]!.escalateAt).toBe(T0 + 8 * MIN);
    expect(r.nextEscalationAt).toBe(T0 + 8 * MIN);
  });

  it('an escalation is due when the time is up (not before), and moves on only once it is recorded', () => {
    expect(run([], T0 + 10 * MIN - 1).due).toEqual([]);
    const r = run([], T0 + 10 * MIN);
    expect(r.due).toEqual([{ nodeId: 'top', fromPersonId: 'lead', toPersonId: 'lead2', dueAt: T0 + 10 * MIN }]);
    // Still due a minute later if nobody recorded it (a console that was closed catches up).
    expect(run([], T0 + 11 * MIN).due).toHaveLength(1);
    const recorded = escalate(r, T0 + 10 * MIN);
    const after = run(recorded, T0 + 10 * MIN);
    expect(state(after).top).toBe('escalated:lead2');
    expect(after.due).toEqual([]);
    expect(after.nextEscalationAt).toBe(T0 + 20 * MIN);
  });

  it('the backup\'s turn starts when the escalation was recorded, so a late console does not skip them', () => {
    const recorded = escalate(run([], T0 + 45 * MIN), T0 + 45 * MIN);
    expect(run(recorded, T0 + 50 * MIN).due).toEqual([]);
    expect(run(recorded, T0 + 55 * MIN).due[0]).toMatchObject({ fromPersonId: 'lead2', toPersonId: null });
  });

  it('when everyone of a node was tried it has failed, and its children open anyway', () => {
    let attempts = escalate(run([], T0 + 10 * MIN), T0 + 10 * MIN);
    attempts = [...attempts, ...escalate(run(attempts, T0 + 20 * MIN), T0 + 20 * MIN)];
    const r = run(attempts, T0 + 20 * MIN);
    expect(state(r)).toEqual({ top: 'failed', 'n-ana': 'calling:ana', 'n-legal': 'calling:carla' });
    expect(r.nodes[0]!.settledAt).toBe(T0 + 20 * MIN);
    // Someone calling back later still counts as reached; the children keep the clock they had.
    const late = run([...attempts, attempt('top', 'lead', 'reached', T0 + 30 * MIN)], T0 + 30 * MIN);
    expect(state(late).top).toBe('reached');
    expect(late.nodes[1]!.openedAt).toBe(T0 + 20 * MIN);
  });

  it('"wrong number" and "unavailable" move on at once; "no answer" and "voicemail" keep trying', () => {
    const noAnswer = run([attempt('top', 'lead', 'no-answer', T0 + MIN), attempt('top', 'lead', 'voicemail', T0 + 2 * MIN)], T0 + 3 * MIN);
    expect(state(noAnswer).top).toBe('calling:lead');
    const wrong = run([attempt('top', 'lead', 'wrong-number', T0 + MIN)], T0 + 3 * MIN);
    expect(state(wrong).top).toBe('escalated:lead2');
    expect(wrong.nodes[0]!.escalateAt).toBe(T0 + 11 * MIN);
    const both = run([attempt('top', 'lead', 'wrong-number', T0 + MIN), attempt('top', 'lead2', 'unavailable', T0 + 2 * MIN)], T0 + 3 * MIN);
    expect(state(both).top).toBe('failed');
  });

  it('someone ruled out ahead of their turn is taken off the list; the person being called and their clock stay', () => {
    const r = run([attempt('top', 'lead2', 'unavailable', T0 + MIN), attempt('top', 'lead', 'no-answer', T0 + 2 * MIN)], T0 + 3 * MIN);
    expect(state(r).top).toBe('calling:lead');
    expect(r.nodes[0]!.escalateAt).toBe(T0 + 10 * MIN);
    expect(r.nodes[0]!.next).toBeNull();
    expect(run([attempt('top', 'lead2', 'unavailable', T0 + MIN)], T0 + 10 * MIN).due).toEqual([{ nodeId: 'top', fromPersonId: 'lead', toPersonId: null, dueAt: T0 + 10 * MIN }]);
  });

  it('a repeated escalation record (even under another id) does not skip the backup', () => {
    const twice = [attempt('top', 'lead', 'escalated', T0 + 10 * MIN), attempt('top', 'lead', 'escalated', T0 + 10 * MIN + 500)];
    const r = run(twice, T0 + 11 * MIN);
    expect(state(r).top).toBe('escalated:lead2');
    expect(r.nodes[0]!.escalateAt).toBe(T0 + 20 * MIN);
  });

  it('ignores attempts of another tree and from before the activation (a re-activated tree starts afresh)', () => {
    const r = run([attempt('top', 'lead', 'reached', T0 - 1), attempt('top', 'lead', 'reached', T0 + MIN, { treeId: 'tree-2' })], T0 + 2 * MIN);
    expect(state(r).top).toBe('calling:lead');
  });

  it('a role node calls its holders in turn, then their backups; a role nobody holds fails at once', () => {
    const open = [attempt('top', 'lead', 'reached', T0)];
    const r1 = run(open, T0 + 10 * MIN);
    expect(r1.due.map((d) => [d.nodeId, d.fromPersonId, d.toPersonId])).toEqual([['n-ana', 'ana', 'ben'], ['n-legal', 'carla', 'dani']]);
    const orphan = tree([personNode('top', 'lead'), roleNode('r', 'nobody', 'top'), personNode('kid', 'ana', 'r')]);
    const r2 = runCallTree({ tree: orphan, people, attempts: open, activatedAt: T0, now: T0 + MIN });
    expect(state(r2)).toEqual({ top: 'reached', r: 'failed', kid: 'calling:ana' });
    expect(r2.nodes[1]!.settledAt).toBe(T0);
  });

  it('someone reached before their turn can pass the calls on at once', () => {
    const r = run([attempt('n-ana', 'ana', 'reached', T0 + MIN)], T0 + 2 * MIN);
    expect(state(r)).toEqual({ top: 'calling:lead', 'n-ana': 'reached', 'n-legal': 'pending' });
  });

  it('progress at a glance, overall and by branch', () => {
    const tall = tree([
      personNode('top', 'lead'),
      personNode('a', 'ana', 'top', 0), personNode('a1', 'ben', 'a', 0),
      roleNode('b', 'legal', 'top', 1), roleNode('b1', 'nobody', 'b', 0),
    ]);
    const attempts = [attempt('top', 'lead', 'reached', T0), attempt('a', 'ana', 'reached', T0 + MIN), attempt('b', 'carla', 'reached', T0 + MIN)];
    const p = callTreeProgress(runCallTree({ tree: tall, people, attempts, activatedAt: T0, now: T0 + 2 * MIN }));
    expect(p.overall).toEqual({ total: 5, reached: 3, calling: 1, pending: 0, failed: 1 });
    expect(p.branches.map((b) => [b.head.node.id, b.total, b.reached, b.calling, b.pending, b.failed])).toEqual([
      ['a', 2, 1, 1, 0, 0],
      ['b', 2, 1, 0, 0, 1],
    ]);
  });
});

describe('escalation records', () => {
  it('have an id that is the same for the same incident, activation, node and person moved on from, and differs otherwise', () => {
    const id = escalationId('inc-1', 'tree-1', T0, 'top', 'lead');
    expect(id).toBe(escalationId('inc-1', 'tree-1', T0, 'top', 'lead'));
    expect(new Set([id, escalationId('inc-2', 'tree-1', T0, 'top', 'lead'), escalationId('inc-1', 'tree-2', T0, 'top', 'lead'), escalationId('inc-1', 'tree-1', T0 + 1, 'top', 'lead'), escalationId('inc-1', 'tree-1', T0, 'top2', 'lead'), escalationId('inc-1', 'tree-1', T0, 'top', 'lead2')]).size).toBe(6);
    // A valid call attempt, even for the longest ids Calma allows.
    const long = 'x'.repeat(120);
    const record = escalationAttempt({ nodeId: long, fromPersonId: long, toPersonId: null, dueAt: T0 }, { incidentId: long, treeId: long, activatedAt: T0, by: 'ana', at: new Date(T0) });
    expect(callAttemptSchema.parse(record)).toEqual(record);
  });

  /**
   * Consoles (one or several windows) tick at arbitrary moments, each recording whatever is due, and
   * a record may be seen twice (two windows, a sync replay). Whatever the interleaving, each node
   * escalates from each person at most once, in order, and never before its time.
   */
  test.prop([
    fc.array(fc.record({ advance: fc.integer({ min: 0, max: 12 * MIN }), windows: fc.integer({ min: 1, max: 3 }), reach: fc.option(fc.constantFrom('top', 'n-ana', 'n-legal'), { nil: null }) }), { maxLength: 25 }),
  ])('escalations fire once per node and person, in order, never early', (ticks) => {
    let now = T0;
    const stored = new Map<string, CallAttempt>();
    for (const tick of ticks) {
      now += tick.advance;
      // Every window computes from what it has seen (the same store here) and records with its own "now".
      const seen = [...stored.values()];
      for (let w = 0; w < tick.windows; w += 1) {
        for (const record of escalate(run(seen, now), now + w)) if (!stored.has(record.id)) stored.set(record.id, record);
      }
      if (tick.reach) {
        const r = run([...stored.values()], now).nodes.find((n) => n.node.id === tick.reach)!;
        if (r.current) stored.set(`reach-${now}-${tick.reach}`, attempt(tick.reach, r.current.id, 'reached', now, { id: `reach-${now}-${tick.reach}` }));
      }
    }
    const all = [...stored.values()];
    const final = run(all, now);
    for (const node of final.nodes) {
      const escalations = all.filter((a) => a.nodeId === node.node.id && a.outcome === 'escalated').sort((a, b) => a.at.localeCompare(b.at));
      // One record per person, in sequence order.
      expect(escalations.map((e) => e.personId)).toEqual(node.sequence.slice(0, escalations.length).map((p) => p.id));
      expect(node.movedOn).toEqual(escalations.map((e) => e.personId));
      expect(escalations.length).toBeLessThanOrEqual(node.sequence.length);
      // Never before the person's time was up.
      let turnStart = node.openedAt ?? Infinity;
      for (const e of escalations) {
        expect(Date.parse(e.at)).toBeGreaterThanOrEqual(turnStart + node.node.escalateAfterMinutes * MIN);
        turnStart = Date.parse(e.at);
      }
    }
  });
});
