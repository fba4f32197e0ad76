import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ChecklistItem, LogEntry } from '../../../shared/domain';
import { HlcClock } from '../../../shared/hlc';
import { findDisputes, stepConcurrency } from '../../../shared/incidents/disputes';
import { applyPatch, mergeRecords } from '../../../shared/merge/lww';

const ITEM_ID = 'step-1';

function freshItem(): ChecklistItem {
  return {
    id: ITEM_ID, clock: { done: '000000000000000-0000-seed', doneEntryId: '000000000000000-0000-seed' }, deleted: false,
    incidentId: 'inc', order: 0, text: { es: 'Paso', en: 'Step' }, role: '', ownerId: null, ownerName: '', stepId: null,
    dueAt: null, required: true, done: false, doneBy: null, doneAt: null, doneEntryId: null, answerIds: [], source: 'adhoc',
  };
}

/** One machine: its copy of the step and of the log, and its clock. */
class Replica {
  item = freshItem();
  log = new Map<string, LogEntry>();
  private n = 0;
  constructor(
    readonly name: string,
    readonly clock: HlcClock,
  ) {}

  /** What the console does when a person ticks or unticks (Checklist.tsx). */
  toggle(done: boolean): void {
    const concurrency = stepConcurrency([this.item], [...this.log.values()]).get(ITEM_ID);
    const entry: LogEntry = {
      id: `${this.name}-${++this.n}`, incidentId: 'inc', kind: 'step', text: '', by: this.name, at: new Date(0).toISOString(),
      correctsId: null, answerId: null, revisionId: null, channel: null, itemId: ITEM_ID, action: done ? 'done' : 'undone', status: null,
      basis: this.item.doneEntryId, settles: concurrency?.concurrent.map((e) => e.id),
    };
    this.log.set(entry.id, entry);
    this.item = applyPatch(this.item, { done, doneEntryId: entry.id }, this.clock.tick());
  }

  /** A sync: both sides end with the union of the log and the field-by-field merge of the step. */
  syncWith(other: Replica): void {
    const merged = mergeRecords(this.item, other.item);
    for (const stamp of Object.values(merged.clock)) if (!stamp.endsWith('seed')) { this.clock.receive(stamp); other.clock.receive(stamp); }
    for (const e of other.log.values()) this.log.set(e.id, e);
    for (const e of this.log.values()) other.log.set(e.id, e);
    this.item = merged;
    other.item = { ...merged, clock: { ...merged.clock } };
  }

  disputed(): boolean {
    return findDisputes([this.item], [...this.log.values()]).has(ITEM_ID);
  }
}

function replicas(count: number): Replica[] {
  let t = 1_700_000_000_000;
  return Array.from({ length: count }, (_, i) => new Replica(`r${i}`, new HlcClock(`r${i}`, () => (t += 7))));
}

const action = (n: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('toggle' as const), who: fc.nat(n - 1) }),
    fc.record({ kind: fc.constant('sync' as const), a: fc.nat(n - 1), b: fc.nat(n - 1) }),
  );

describe('disputed steps', () => {
  it('a tick and an untick made offline from the same state are a dispute, on both machines', () => {
    const [a, b, c] = replicas(3);
    a!.toggle(true);
    a!.syncWith(b!);
    a!.toggle(false); // offline
    b!.toggle(true); // offline, b still sees it ticked: no change, but a fresh decision on the same basis
    b!.toggle(false);
    b!.toggle(true);
    a!.syncWith(b!);
    expect(a!.disputed()).toBe(true);
    expect(b!.disputed()).toBe(true);
    b!.syncWith(c!);
    expect(c!.disputed()).toBe(true);
    // Someone who saw both confirms what is shown: settled, everywhere.
    c!.toggle(c!.item.done);
    c!.syncWith(a!);
    c!.syncWith(b!);
    expect([a!.disputed(), b!.disputed(), c!.disputed()]).toEqual([false, false, false]);
  });

  it('two people ticking the same step offline is no dispute: they agree', () => {
    const [a, b] = replicas(2);
    a!.toggle(true);
    b!.toggle(true);
    a!.syncWith(b!);
    expect(a!.disputed()).toBe(false);
    expect(a!.item.done).toBe(true);
  });

  it('a change made after seeing the other is no dispute', () => {
    const [a, b] = replicas(2);
    a!.toggle(true);
    a!.syncWith(b!);
    b!.toggle(false);
    b!.syncWith(a!);
    expect(a!.disputed()).toBe(false);
    expect(a!.item.done).toBe(false);
  });

  test.prop([fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.array(action(n), { maxLength: 40 })))])(
    'once everyone has synced, every machine shows the same state and the same dispute',
    ([n, actions]) => {
      const all = replicas(n);
      for (const act of actions) {
        if (act.kind === 'toggle') all[act.who]!.toggle(!all[act.who]!.item.done);
        else if (act.a !== act.b) all[act.a]!.syncWith(all[act.b]!);
      }
      for (let round = 0; round < 2; round++) for (let i = 1; i < n; i++) all[0]!.syncWith(all[i]!);
      const states = all.map((r) => JSON.stringify([r.item.done, r.item.doneEntryId, r.disputed()]));
      expect(new Set(states).size).toBe(1);
      // Whatever the history, one more change made having seen everything settles it.
      all[0]!.toggle(all[0]!.item.done);
      for (let i = 1; i < n; i++) all[0]!.syncWith(all[i]!);
      expect(all.some((r) => r.disputed())).toBe(false);
    },
  );

  test.prop([fc.array(fc.boolean(), { minLength: 1, maxLength: 30 })])('a history where everyone always synced first is never disputed', (flips) => {
    const all = replicas(3);
    flips.forEach((_, i) => {
      const r = all[i % 3]!;
      r.toggle(!r.item.done);
      for (const other of all) if (other !== r) r.syncWith(other);
      expect(r.disputed()).toBe(false);
    });
  });
});
