import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import type { LogEntry } from '../../../shared/domain';
import { buildDeclaration } from '../../../shared/incidents/declare';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { compareEvents } from '../../../shared/incidents/timeline';
import { CalmaDatabase } from '../../../renderer/src/db/database';
import { readLogAfter, refreshLog, watchIncidentLog, type IncidentLogState, type WatchOptions } from '../../../renderer/src/features/incidents/incidentLog';
import { readIncident } from '../../../renderer/src/features/incidents/useIncidents';
import { freshDb, mutateFor } from '../db/fixtures';

const DECLARED = '2026-04-02T09:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(DECLARED) + seconds * 1000).toISOString();
const note = (incidentId: string, id: string, seconds: number): LogEntry => ({ ...newLogEntry({ incidentId, kind: 'note', by: 'ana', text: `note ${id}`, at: at(seconds) }), id });
const ids = (entries: readonly LogEntry[]) => entries.map((e) => e.id);
const inOrder = (entries: readonly LogEntry[]) => [...entries].sort(compareEvents);

/** An incident declared through the mutations (its log starts with the declaration), plus `notes` written straight to the table. */
async function incidentWithNotes(notes: number, { id = 'inc-1', db = freshDb() } = {}) {
  const mutate = mutateFor(db);
  const rows = buildDeclaration({
    incidentId: id, title: 'Cuenta secuestrada', severity: 'high', lead: { personId: null, name: 'Ana' },
    declaredAt: DECLARED, declaredBy: 'ana', playbookId: null, revision: null, people: [], newId: () => `${id}.step`,
  });
  await mutate('incident.declare', { ...rows, entry: { ...rows.entry, at: DECLARED } });
  const written = Array.from({ length: notes }, (_, i) => note(id, `${id}.n${String(i).padStart(5, '0')}`, i + 1));
  await db.logEntries.bulkPut(written);
  return { db, mutate, log: [{ ...rows.entry, at: DECLARED }, ...written] };
}

/** Follows the log, keeping every state it is given; `until` waits for one that passes. Short pauses unless told. */
function follow(db: CalmaDatabase, incidentId: string, options: WatchOptions = {}) {
  const states: IncidentLogState[] = [];
  const errors: unknown[] = [];
  const waiters: { test: (s: IncidentLogState) => boolean; resolve: (s: IncidentLogState) => void }[] = [];
  const watch = watchIncidentLog(db, incidentId, (state) => {
    states.push(state);
    for (const w of [...waiters]) {
      if (!w.test(state)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(state);
    }
  }, { pauseMs: 5, ...options }, (error) => errors.push(error));
  const until = (test: (s: IncidentLogState) => boolean) =>
    new Promise<IncidentLogState>((resolve, reject) => {
      const last = states.at(-1);
      if (last && test(last)) return resolve(last);
      waiters.push({ test, resolve });
      setTimeout(() => reject(new Error(`no such state; last: ${JSON.stringify(states.at(-1) && { n: states.at(-1)!.entries.length, complete: states.at(-1)!.complete })}`)), 4000);
    });
  return { states, errors, stop: watch.stop, readMore: watch.readMore, until };
}

const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms));

describe('reading the log a part at a time', () => {
  test.prop([
    // Few distinct times, so many entries share one (an offline burst, a bulk import).
    fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), second: fc.integer({ min: 0, max: 5 }), other: fc.boolean() }), { maxLength: 60 }),
    fc.integer({ min: 1, max: 7 }),
  ], { numRuns: 40 })('reads every entry of the incident once, in time order then id, whatever the ties and the part size', async (rows, limit) => {
    const db = freshDb();
    const entries = [...new Map(rows.map((r) => [r.id, note(r.other ? 'inc-2' : 'inc-1', r.id, r.second)])).values()];
    await db.logEntries.bulkPut(entries);
    const read: LogEntry[] = [];
    for (let done = false; !done; ) {
      const part = await readLogAfter(db, 'inc-1', read.at(-1) ?? null, limit);
      read.push(...part.entries);
      done = part.done;
    }
    expect(ids(read)).toEqual(ids(inOrder(entries.filter((e) => e.incidentId === 'inc-1'))));
    db.close();
  });

  it('reads nothing for an incident that does not exist', async () => {
    const { db } = await incidentWithNotes(3);
    expect(await readLogAfter(db, 'nope', null, 10)).toEqual({ entries: [], done: true });
  });
});

describe('refreshing a log already read', () => {
  it('returns what it was given when nothing changed, the very same array', async () => {
    const { db, log } = await incidentWithNotes(5);
    const known = inOrder(log);
    const again = await refreshLog(db, 'inc-1', known);
    expect(again).toBe(known);
  });

  it('adds what was written meanwhile in its place (an entry made offline comes before others), keeps the entries it had, drops what was deleted', async () => {
    const { db, log } = await incidentWithNotes(5);
    const known = await refreshLog(db, 'inc-1', []);
    expect(ids(known)).toEqual(ids(inOrder(log)));
    const offline = note('inc-1', 'offline', 2.5);
    const latest = note('inc-1', 'latest', 99);
    await db.logEntries.bulkPut([offline, latest, note('inc-2', 'elsewhere', 3)]);
    await db.logEntries.delete('inc-1.n00003');
    const now = await refreshLog(db, 'inc-1', known);
    expect(ids(now)).toEqual(ids(inOrder([...log.filter((e) => e.id !== 'inc-1.n00003'), offline, latest])));
    // The entries it already had are reused, not read again.
    expect(now.find((e) => e.id === 'inc-1.n00000')).toBe(known.find((e) => e.id === 'inc-1.n00000'));
  });
});

describe('refreshing the part of a log read so far', () => {
  it('keeps to the entries up to the last one read, taking in one written among them and leaving later ones to the next read', async () => {
    const { db, log } = await incidentWithNotes(10);
    const read = inOrder(log).slice(0, 5);
    const last = read.at(-1)!;
    const among = note('inc-1', 'among', 2.5);
    // Same time as the last one read: before it by id, then after it.
    const tieBefore = { ...note('inc-1', 'inc-1.n00002~', 0), at: last.at };
    const tieAfter = { ...note('inc-1', 'inc-1.n00003~', 0), at: last.at };
    await db.logEntries.bulkPut([among, tieBefore, tieAfter, note('inc-1', 'later', 50)]);
    const now = await refreshLog(db, 'inc-1', read, last);
    expect(ids(now)).toEqual(ids(inOrder([...read, among, tieBefore])));
    expect(await refreshLog(db, 'inc-1', now, last)).toBe(now);
  });
});

describe('following an incident\'s log', () => {
  it('gives a short log whole at once', async () => {
    const { db, log } = await incidentWithNotes(4);
    const { states, until, stop } = follow(db, 'inc-1', { headSize: 10 });
    const state = await until((s) => s.complete);
    expect(ids(state.entries)).toEqual(ids(inOrder(log)));
    expect(states).toHaveLength(1);
    stop();
  });

  it('gives a long log its first entries first, then, read in the background, the whole of it in order', async () => {
    const { db, log } = await incidentWithNotes(40);
    const { states, until, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 10 });
    const whole = await until((s) => s.complete);
    expect(ids(whole.entries)).toEqual(ids(inOrder(log)));
    expect(states[0]).toMatchObject({ complete: false });
    expect(ids(states[0]!.entries)).toEqual(ids(inOrder(log).slice(0, 5)));
    // Nobody asked for the parts in between: they are shown with the last.
    expect(states).toHaveLength(2);
    stop();
  });

  it('says an incident that does not exist has an empty log, and nothing more', async () => {
    const { db } = await incidentWithNotes(3);
    const { states, errors, until, stop } = follow(db, 'nope');
    expect(await until((s) => s.complete)).toEqual({ entries: [], complete: true });
    await settle(50);
    expect(states).toHaveLength(1);
    expect(errors).toEqual([]);
    stop();
  });

  it('shows an entry added in this window, in its place in time, short log or long', async () => {
    for (const notes of [2, 30]) {
      const { db, mutate, log } = await incidentWithNotes(notes);
      const { until, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 7 });
      await until((s) => s.complete);
      const offline = newLogEntry({ incidentId: 'inc-1', kind: 'decision', by: 'berta', text: 'Made offline', at: at(1.5) });
      await mutate('log.append', { entry: offline });
      const state = await until((s) => s.complete && s.entries.some((e) => e.id === offline.id));
      expect(ids(state.entries)).toEqual(ids(inOrder([...log, offline])));
      stop();
    }
  });

  it('shows an entry written by another window (another connection to the same database)', async () => {
    const { db, log } = await incidentWithNotes(30);
    const { until, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 7 });
    await until((s) => s.complete);
    const other = new CalmaDatabase(db.name);
    const theirs = note('inc-1', 'theirs', 100);
    await mutateFor(other)('log.append', { entry: theirs });
    const state = await until((s) => s.entries.some((e) => e.id === 'theirs'));
    expect(ids(state.entries)).toEqual(ids(inOrder([...log, theirs])));
    other.close();
    stop();
  });

  it('misses nothing written while the rest of the log is still being read', async () => {
    const { db, mutate, log } = await incidentWithNotes(60);
    const { states, until, stop } = follow(db, 'inc-1', { headSize: 3, chunkSize: 4 });
    await until((s) => s.entries.length === 3);
    await settle(20);
    expect(states.at(-1)!.complete).toBe(false);
    const early = note('inc-1', 'early', 0.5);
    await mutate('log.append', { entry: early });
    const state = await until((s) => s.complete && s.entries.some((e) => e.id === 'early'));
    expect(ids(state.entries)).toEqual(ids(inOrder([...log, early])));
    stop();
  });

  it('drops an entry deleted beyond the first screen (a refused write rolled back by sync)', async () => {
    const { db, log } = await incidentWithNotes(30);
    const { until, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 8 });
    await until((s) => s.complete);
    await db.logEntries.delete('inc-1.n00020');
    const state = await until((s) => s.complete && !s.entries.some((e) => e.id === 'inc-1.n00020'));
    expect(ids(state.entries)).toEqual(ids(inOrder(log.filter((e) => e.id !== 'inc-1.n00020'))));
    stop();
  });

  it('ignores entries of other incidents and, once stopped, says nothing more', async () => {
    const { db } = await incidentWithNotes(10);
    await incidentWithNotes(3, { id: 'inc-2', db });
    const { states, until, stop } = follow(db, 'inc-1', { headSize: 4, chunkSize: 4 });
    const whole = await until((s) => s.complete);
    expect(whole.entries.every((e) => e.incidentId === 'inc-1')).toBe(true);
    stop();
    const seen = states.length;
    await db.logEntries.put(note('inc-1', 'after-stop', 50));
    await settle(100);
    expect(states).toHaveLength(seen);
  });

  it('reads the rest only after a pause, or at once when the view asks for more', async () => {
    const { db, log } = await incidentWithNotes(40);
    const { states, until, readMore, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 10, pauseMs: 60_000 });
    await until((s) => s.entries.length === 5);
    await settle();
    expect(states).toHaveLength(1);
    // Each call reads one more part, no more; every state is the start of the log, in order.
    for (let asked = 1; !states.at(-1)!.complete; asked += 1) {
      expect(asked).toBeLessThan(10);
      readMore();
      await until(() => states.length > asked);
      await settle(20);
      expect(states).toHaveLength(asked + 1);
      expect(ids(states.at(-1)!.entries)).toEqual(ids(inOrder(log).slice(0, states.at(-1)!.entries.length)));
    }
    expect(ids(states.at(-1)!.entries)).toEqual(ids(inOrder(log)));
    stop();
  });

  it('holds the reads nobody asked for while the person is busy, not those the view asks for', async () => {
    const { db, log } = await incidentWithNotes(40);
    let busy = true;
    const { states, until, readMore, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 10, busyNow: () => busy });
    await until((s) => s.entries.length === 5);
    await settle(100);
    expect(states).toHaveLength(1);
    readMore();
    await until((s) => s.entries.length > 5);
    expect(states.at(-1)!.complete).toBe(false);
    busy = false;
    expect(ids((await until((s) => s.complete)).entries)).toEqual(ids(inOrder(log)));
    stop();
  });

  it('shows a change among the entries read at once, even while the rest waits to be read', async () => {
    const { db, mutate, log } = await incidentWithNotes(40);
    const { states, until, readMore, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 10, pauseMs: 60_000 });
    await until((s) => s.entries.length === 5);
    const early = note('inc-1', 'early', 0.5);
    const late = note('inc-1', 'late', 100);
    await mutate('log.append', { entry: early });
    await mutate('log.append', { entry: late });
    const state = await until((s) => s.entries.some((e) => e.id === 'early'));
    expect(state.complete).toBe(false);
    expect(ids(state.entries)).toEqual(ids(inOrder([...log, early]).slice(0, 6)));
    expect(state.entries.some((e) => e.id === 'late')).toBe(false);
    // The one after what is read comes with the rest, in its place.
    while (!states.at(-1)!.complete) {
      const seen = states.length;
      readMore();
      await until(() => states.length > seen);
    }
    expect(ids(states.at(-1)!.entries)).toEqual(ids(inOrder([...log, early, late])));
    stop();
  });

  it('reports a read that fails and never claims the log whole', async () => {
    const { db } = await incidentWithNotes(30);
    const { states, errors, until, stop } = follow(db, 'inc-1', { headSize: 5, chunkSize: 8 });
    await until((s) => s.entries.length === 5);
    db.close();
    await settle(100);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('DatabaseClosedError');
    expect(states.every((s) => !s.complete)).toBe(true);
    stop();
  });
});

describe('reading an incident without its log', () => {
  it('reads the incident, its live steps in order and its copies in time order', async () => {
    const { db } = await incidentWithNotes(3);
    const rows = await readIncident(db, 'inc-1');
    expect(rows?.incident.id).toBe('inc-1');
    expect(rows?.items.map((i) => i.order)).toEqual([...(rows?.items ?? [])].map((i) => i.order).sort((a, b) => a - b));
    expect(rows?.copies).toEqual([]);
    expect(rows).not.toHaveProperty('log');
  });

  it('is null for an incident that does not exist or was deleted', async () => {
    const { db } = await incidentWithNotes(0);
    expect(await readIncident(db, 'nope')).toBeNull();
    await db.incidents.update('inc-1', { deleted: true });
    expect(await readIncident(db, 'inc-1')).toBeNull();
  });
});
