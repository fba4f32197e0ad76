import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import type { CopyEvent, LogEntry } from '../../../shared/domain';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { compareEvents } from '../../../shared/incidents/timeline';
import { incidentTimeline } from '../../../shared/incidents/timelineEvents';
import { attempt } from '../contactTrees/fixtures';

const at = (second: number) => new Date(Date.UTC(2026, 3, 2, 9) + second * 1000).toISOString();
const entry = (id: string, second: number): LogEntry => ({ ...newLogEntry({ incidentId: 'inc-1', kind: 'note', by: 'ana', text: id, at: at(second) }), id });
const copy = (id: string, second: number): CopyEvent => ({
  id, answerId: 'a1', revisionId: 'a1.r1', lang: 'es', channel: 'x', by: 'ana', at: at(second), statusAtCopy: 'approved', confirmedUnapproved: false, text: 'Texto', incidentId: 'inc-1', overLimit: null,
});
const key = (e: { id: string; at: string }) => `${e.at}|${e.id}`;

describe('the timeline of a log still being read', () => {
  // Few distinct times, so log entries, copies and calls often share one (ties go by id).
  const second = fc.integer({ min: 0, max: 8 });
  const rows = (prefix: string) => fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[0-9a-f]{1,3}$/).map((s) => `${prefix}${s}`), second }), { selector: (r) => r.id, maxLength: 25 });

  test.prop([rows('l'), rows('c'), rows('k'), fc.nat()])('is the start of the whole timeline, up to and with the last entry read', (log, copies, calls, cut) => {
    const entries = log.map((r) => entry(r.id, r.second)).sort(compareEvents);
    const copyEvents = copies.map((r) => copy(r.id, r.second));
    const callAttempts = calls.map((r) => attempt('top', 'lucia', 'reached', at(r.second), { id: r.id }));
    const whole = incidentTimeline(entries, copyEvents, [], callAttempts);
    const read = entries.slice(0, entries.length === 0 ? 0 : cut % (entries.length + 1));
    const partial = incidentTimeline(read, copyEvents, [], callAttempts, { logIsPrefix: true });
    expect(partial.map(key)).toEqual(whole.slice(0, partial.length).map(key));
    // Nothing the entries read settle is held back: it ends exactly at the last of them.
    expect(partial.at(-1)?.id).toBe(read.at(-1)?.id);
    expect(partial.filter((e) => e.kind === 'log')).toHaveLength(read.length);
  });

  it('holds back a copy and a call made after the last entry read, and shows them once the log is whole', () => {
    const log = [entry('declared', 0), entry('note-1', 10), entry('note-2', 30)];
    const copies = [copy('copy-1', 5), copy('copy-2', 20)];
    const calls = [attempt('top', 'lucia', 'no-answer', at(25), { id: 'call-1' })];
    expect(incidentTimeline(log.slice(0, 2), copies, [], calls, { logIsPrefix: true }).map((e) => e.id)).toEqual(['declared', 'copy-1', 'note-1']);
    expect(incidentTimeline(log, copies, [], calls).map((e) => e.id)).toEqual(['declared', 'copy-1', 'note-1', 'copy-2', 'call-1', 'note-2']);
    expect(incidentTimeline([], copies, [], calls, { logIsPrefix: true })).toEqual([]);
  });
});
