import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { callTreeProgress, escalationAttempt, lateReaches, runCallTree, type CallTreeRun } from '../../../shared/contactTrees';
import type { CallAttempt } from '../../../shared/domain';
import { attempt, MIN, personNode, roleNode, samplePeople, tree } from './fixtures';

/**
 * A call answered late: the node moved on to the backup, then the person it moved on from calls
 * back (Ana answers at 5:30, after the move to Ben at 5:00). The node is reached; nothing recorded
 * about the backup goes away.
 */

const T0 = Date.parse('2026-05-11T08:00:00Z');
const SEC = 1000;
const people = samplePeople;
// lead ─┬─ ana (5 min) ── under it: kid (lead2)
//       └─ legal (role, 10 min)
const t = tree([personNode('top', 'lead', null, 0, 10), personNode('n-ana', 'ana', 'top', 0, 5), personNode('kid', 'lead2', 'n-ana', 0, 10), roleNode('n-legal', 'legal', 'top', 1, 10)]);
const run = (attempts: readonly CallAttempt[], now: number, directory = people) => runCallTree({ tree: t, people: directory, attempts, activatedAt: T0, now });
const nodeOf = (r: CallTreeRun, id: string) => r.nodes.find((n) => n.node.id === id)!;
const escalate = (r: CallTreeRun, at: number) => r.due.map((d) => escalationAttempt(d, { incidentId: 'inc-1', treeId: 'tree-1', activatedAt: T0, by: 'Luis', at: new Date(at) }));

// The top node reached at once, so Ana's node opens at T0; her five minutes run out at T0 + 5 min.
const opened = [attempt('top', 'lead', 'reached', T0)];
const movedToBen = () => [...opened, ...escalate(run(opened, T0 + 5 * MIN), T0 + 5 * MIN)];

describe('a call answered after the move to the backup', () => {
  it('the node lists who it moved on from, how, and to whom', () => {
    const attempts = movedToBen();
    const ana = nodeOf(run(attempts, T0 + 5 * MIN), 'n-ana');
    expect(ana.state).toBe('escalated');
    expect(ana.current?.id).toBe('ben');
    expect(ana.earlier).toEqual([{ personId: 'ana', person: people[2], endedBy: attempts[1], endedTurn: true, movedTo: people[3], gaveUp: false, last: attempts[1] }]);
    expect(ana.lateReach).toBeNull();
  });

  it('reaching her at 5:30 reaches the node: the backup is no longer to call, his attempt stays, the nodes under it open then', () => {
    const benNoAnswer = attempt('n-ana', 'ben', 'no-answer', T0 + 5 * MIN + 10 * SEC);
    const anaLate = attempt('n-ana', 'ana', 'reached', T0 + 5 * MIN + 30 * SEC);
    const attempts = [...movedToBen(), benNoAnswer, anaLate];
    const r = run(attempts, T0 + 6 * MIN);
    const ana = nodeOf(r, 'n-ana');
    expect(ana.state).toBe('reached');
    expect(ana.reached).toBe(anaLate);
    expect(ana.lateReach).toMatchObject({ personId: 'ana', endedTurn: true, movedTo: { id: 'ben' }, last: anaLate });
    expect(ana.lateReach?.endedBy.outcome).toBe('escalated');
    expect(ana.attempts).toContain(benNoAnswer);
    expect(ana.current).toBeNull();
    expect(ana.escalateAt).toBeNull();
    expect(r.callNow.map((n) => n.node.id)).toEqual(['kid', 'n-legal']);
    expect(nodeOf(r, 'kid').openedAt).toBe(T0 + 5 * MIN + 30 * SEC);
    // Ben's five minutes would have run out at 10:00: nothing is due for a reached node, then or ever.
    expect(run(attempts, T0 + 60 * MIN).due.map((d) => d.nodeId)).not.toContain('n-ana');
    expect(callTreeProgress(r).overall).toMatchObject({ reached: 2, total: 4 });
    expect([...lateReaches(r)]).toEqual([[anaLate.id, ana.lateReach]]);
  });

  it('a wrong number or "unavailable" that moved on counts as a move too', () => {
    const wrong = attempt('n-ana', 'ana', 'wrong-number', T0 + MIN);
    const back = attempt('n-ana', 'ana', 'reached', T0 + 2 * MIN);
    const ana = nodeOf(run([...opened, wrong, back], T0 + 3 * MIN), 'n-ana');
    expect(ana.state).toBe('reached');
    expect(ana.lateReach).toMatchObject({ personId: 'ana', endedBy: wrong, endedTurn: true, movedTo: { id: 'ben' } });
  });

  it('the backup ruled out ahead of his turn and reached anyway: a late reach that ended no turn', () => {
    const ruledOut = attempt('n-ana', 'ben', 'unavailable', T0 + MIN);
    const before = nodeOf(run([...opened, ruledOut], T0 + 2 * MIN), 'n-ana');
    expect(before.current?.id).toBe('ana');
    expect(before.earlier).toEqual([expect.objectContaining({ personId: 'ben', endedTurn: false, movedTo: null })]);
    const ben = nodeOf(run([...opened, ruledOut, attempt('n-ana', 'ben', 'reached', T0 + 3 * MIN)], T0 + 4 * MIN), 'n-ana');
    expect(ben.state).toBe('reached');
    expect(ben.lateReach).toMatchObject({ personId: 'ben', endedTurn: false, movedTo: null });
  });

  it('a node given up on is reached when someone calls back; the nodes under it keep the clock they had', () => {
    let attempts = movedToBen();
    attempts = [...attempts, ...escalate(run(attempts, T0 + 10 * MIN), T0 + 10 * MIN)];
    const failed = nodeOf(run(attempts, T0 + 10 * MIN), 'n-ana');
    expect(failed.state).toBe('failed');
    expect(failed.earlier.map((e) => [e.personId, e.movedTo?.id ?? null])).toEqual([['ana', 'ben'], ['ben', null]]);
    const r = run([...attempts, attempt('n-ana', 'ana', 'reached', T0 + 12 * MIN)], T0 + 13 * MIN);
    expect(nodeOf(r, 'n-ana')).toMatchObject({ state: 'reached', settledAt: T0 + 10 * MIN, lateReach: { personId: 'ana' } });
    expect(nodeOf(r, 'kid').openedAt).toBe(T0 + 10 * MIN);
  });

  it('someone reached in their own turn is not a late reach', () => {
    const ana = nodeOf(run([...opened, attempt('n-ana', 'ana', 'no-answer', T0 + MIN), attempt('n-ana', 'ana', 'reached', T0 + 2 * MIN)], T0 + 3 * MIN), 'n-ana');
    expect(ana.state).toBe('reached');
    expect(ana.lateReach).toBeNull();
    expect(ana.earlier).toEqual([]);
  });

  it('their last word is what was recorded after the move; who left or was deleted is still named by their stored row', () => {
    const voicemail = attempt('n-ana', 'ana', 'voicemail', T0 + 6 * MIN);
    const attempts = [...movedToBen(), voicemail];
    expect(nodeOf(run(attempts, T0 + 7 * MIN), 'n-ana').earlier[0]?.last).toBe(voicemail);
    const left = people.map((p) => (p.id === 'ana' ? { ...p, left: true } : p));
    expect(nodeOf(run(attempts, T0 + 7 * MIN, left), 'n-ana').earlier[0]?.person).toMatchObject({ id: 'ana', left: true });
    const deleted = people.map((p) => (p.id === 'ana' ? { ...p, deleted: true } : p));
    const gone = nodeOf(run(attempts, T0 + 7 * MIN, deleted), 'n-ana');
    expect(gone.earlier[0]).toMatchObject({ personId: 'ana', person: { name: people[2]!.name, deleted: true } });
    // Reached after the move, whatever became of her in the directory.
    const reached = run([...attempts, attempt('n-ana', 'ana', 'reached', T0 + 8 * MIN)], T0 + 9 * MIN, deleted);
    expect(nodeOf(reached, 'n-ana')).toMatchObject({ state: 'reached', lateReach: { personId: 'ana', person: { deleted: true } } });
  });
});

/** Everyone each node may call, in order: the people the property draws from. */
const CHAIN: Record<string, readonly string[]> = { top: ['lead', 'lead2'], 'n-ana': ['ana', 'ben'], kid: ['lead2', 'lead'], 'n-legal': ['carla', 'dani'] };
const NODES = Object.keys(CHAIN);
const MANUAL = ['reached', 'voicemail', 'no-answer', 'wrong-number', 'unavailable'] as const;

/** A deterministic shuffle (Fisher–Yates driven by a small LCG), so a failing case replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const step = fc.record({
  advance: fc.integer({ min: 0, max: 7 * MIN }),
  /** A console tick records whatever is due; otherwise someone records a call. */
  tick: fc.boolean(),
  node: fc.constantFrom(...NODES),
  who: fc.integer({ min: 0, max: 1 }),
  outcome: fc.constantFrom(...MANUAL),
  /** Records the run must ignore: from before the activation, or of another tree. */
  stray: fc.constantFrom(null, null, null, 'before', 'other-tree'),
});

describe('late reaches, for any interleaving of calls, consoles and time', () => {
  test.prop([fc.array(step, { maxLength: 40 }), fc.nat()])(
    'a node is reached iff someone on its chain was reached after the activation; nothing escalates a reached node; storage order does not matter',
    (steps, seed) => {
      let now = T0;
      const stored = new Map<string, CallAttempt>();
      for (const s of steps) {
        now += s.advance;
        if (s.tick) {
          const r = run([...stored.values()], now);
          const reachedNow = new Set(r.nodes.filter((n) => n.state === 'reached').map((n) => n.node.id));
          for (const d of r.due) expect(reachedNow.has(d.nodeId)).toBe(false);
          for (const record of escalate(r, now)) if (!stored.has(record.id)) stored.set(record.id, record);
        } else {
          const personId = CHAIN[s.node]![s.who]!;
          const a =
            s.stray === 'before'
              ? attempt(s.node, personId, s.outcome, T0 - MIN - s.advance)
              : attempt(s.node, personId, s.outcome, now, s.stray === 'other-tree' ? { treeId: 'tree-2' } : {});
          stored.set(a.id, a);
        }
      }
      const all = [...stored.values()];
      const final = run(all, now);
      for (const n of final.nodes) {
        const chain = CHAIN[n.node.id]!;
        const reachedOnChain = all.some((a) => a.nodeId === n.node.id && a.treeId === 'tree-1' && Date.parse(a.at) >= T0 && a.outcome === 'reached' && chain.includes(a.personId!));
        expect(n.state === 'reached', `${n.node.id} reached`).toBe(reachedOnChain);
        // No escalation was ever recorded after someone at the node had been reached.
        const firstReach = Math.min(...all.filter((a) => a.nodeId === n.node.id && a.treeId === 'tree-1' && Date.parse(a.at) >= T0 && a.outcome === 'reached').map((a) => Date.parse(a.at)));
        for (const e of all.filter((a) => a.nodeId === n.node.id && a.outcome === 'escalated')) expect(Date.parse(e.at)).toBeLessThanOrEqual(firstReach);
        // A late reach is the reach of someone the node had moved on from, before the reach.
        if (n.lateReach) {
          expect(n.state).toBe('reached');
          expect(n.lateReach.personId).toBe(n.reached!.personId);
          expect(n.earlier).toContain(n.lateReach);
          expect(Date.parse(n.lateReach.endedBy.at)).toBeLessThanOrEqual(Date.parse(n.reached!.at));
        } else if (n.reached) {
          expect(n.earlier.map((e) => e.personId)).not.toContain(n.reached.personId);
        }
        expect(n.earlier.map((e) => e.personId)).toEqual(n.movedOn);
      }
      expect(final.due.filter((d) => nodeOf(final, d.nodeId).state === 'reached')).toEqual([]);
      expect(run(shuffled(all, seed), now)).toEqual(final);
    },
  );
});
