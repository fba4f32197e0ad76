import { fc, test } from '@fast-check/vitest';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../shared/domain/incidents';
import { dueAt, newlyOverdue, offsetMinutes, stepState, timeLeft } from '../../../shared/incidents/deadlines';
import { canTransition, isOpen, nextStatuses } from '../../../shared/incidents/statusMachine';
import { compareEvents, mergeTimeline, type TimelineEvent } from '../../../shared/incidents/timeline';

describe('incident status machine', () => {
  it('goes declared → active → monitoring → resolved, and reopens to active', () => {
    expect(canTransition('declared', 'active')).toBe(true);
    expect(canTransition('active', 'monitoring')).toBe(true);
    expect(canTransition('monitoring', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'active')).toBe(true);
  });

  it('refuses skipping back or staying put', () => {
    expect(canTransition('active', 'declared')).toBe(false);
    expect(canTransition('resolved', 'monitoring')).toBe(false);
    for (const s of INCIDENT_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(isOpen('resolved')).toBe(false);
    expect(isOpen('monitoring')).toBe(true);
  });

  test.prop([fc.constantFrom(...INCIDENT_STATUSES), fc.constantFrom(...INCIDENT_STATUSES.filter((s) => s !== 'declared'))])('from any status, every status after declaration is reachable', (from, to) => {
    const seen = new Set([from]);
    let frontier = [from];
    while (frontier.length > 0) {
      frontier = frontier.flatMap((s) => nextStatuses(s)).filter((s) => !seen.has(s));
      for (const s of frontier) seen.add(s);
    }
    expect(seen.has(to)).toBe(true);
  });
});

describe('deadlines', () => {
  it('counts offsets as elapsed time from the declaration', () => {
    expect(dueAt('2026-05-10T10:00:00.000Z', 15)).toBe('2026-05-10T10:15:00.000Z');
    expect(dueAt('2026-05-10T10:00:00.000Z', 1440)).toBe('2026-05-11T10:00:00.000Z');
    expect(offsetMinutes('2026-05-10T10:00:00.000Z', '2026-05-10T12:00:59.000Z')).toBe(120);
  });

  it('keeps "within 2 hours" two real hours across the spring daylight-saving change (Madrid)', () => {
    // 2026-03-29: Madrid moves from 02:00 CET to 03:00 CEST (01:00 UTC).
    const declared = new TZDate(2026, 2, 29, 1, 30, 0, 'Europe/Madrid');
    const due = dueAt(declared.toISOString(), 120);
    expect(Date.parse(due) - declared.getTime()).toBe(2 * 3600_000);
    expect(format(new TZDate(due, 'Europe/Madrid'), 'HH:mm')).toBe('04:30');
  });

  it('and across the autumn change, when a local hour repeats (New York)', () => {
    // 2026-11-01: New York goes back from 02:00 EDT to 01:00 EST.
    const declared = new TZDate(2026, 10, 1, 0, 30, 0, 'America/New_York');
    const due = dueAt(declared.toISOString(), 120);
    expect(format(new TZDate(due, 'America/New_York'), 'HH:mm')).toBe('01:30');
    expect(offsetMinutes(declared.toISOString(), due)).toBe(120);
  });

  it('flags steps by state, at the exact boundaries', () => {
    const due = '2026-05-10T10:00:00.000Z';
    const at = (iso: string) => Date.parse(iso);
    expect(stepState({ done: false, dueAt: due }, at('2026-05-10T09:44:59.999Z'))).toBe('open');
    expect(stepState({ done: false, dueAt: due }, at('2026-05-10T09:45:00.000Z'))).toBe('due-soon');
    expect(stepState({ done: false, dueAt: due }, at('2026-05-10T10:00:00.000Z'))).toBe('due-soon');
    expect(stepState({ done: false, dueAt: due }, at('2026-05-10T10:00:00.001Z'))).toBe('overdue');
    expect(stepState({ done: true, dueAt: due }, at('2026-05-11T00:00:00.000Z'))).toBe('done');
    expect(stepState({ done: false, dueAt: null }, 0)).toBe('no-deadline');
    expect(timeLeft({ done: false, dueAt: due }, at('2026-05-10T10:05:00.000Z'))).toBe(-300_000);
  });

  test.prop([
    fc.array(fc.record({ id: fc.uuid(), done: fc.boolean(), dueAt: fc.option(fc.integer({ min: 0, max: 10_000 })) }), { maxLength: 40 }),
    fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 20 }),
  ])('as the clock moves on, each overdue step is reported exactly once', (raw, ticks) => {
    const items = raw.map((r) => ({ ...r, dueAt: r.dueAt === null ? null : new Date(r.dueAt).toISOString() }));
    const reported: string[] = [];
    let since = 0;
    for (const tick of ticks) {
      const now = since + tick;
      reported.push(...newlyOverdue(items, since, now).map((i) => i.id));
      since = now;
    }
    const expected = items.filter((i) => !i.done && i.dueAt !== null && Date.parse(i.dueAt) < since).map((i) => i.id);
    expect([...reported].sort()).toEqual([...expected].sort());
  });
});

describe('timeline merge', () => {
  const event = fc.record({ id: fc.stringMatching(/^[0-9a-f]{1,4}$/), at: fc.integer({ min: 0, max: 100 }).map((n) => new Date(n * 1000).toISOString()), kind: fc.constantFrom('note', 'step', 'copy') });

  test.prop([fc.array(fc.array(event, { maxLength: 30 }), { maxLength: 6 })])('equals sorting everything by time then id, whatever the sources', (sources) => {
    const merged = mergeTimeline(sources.map((s) => [...s].sort(compareEvents)));
    const expected = sources.flat().sort(compareEvents);
    expect(merged.map((e) => [e.at, e.id])).toEqual(expected.map((e) => [e.at, e.id]));
  });

  it('sorts a source that was not in order', () => {
    const a: TimelineEvent[] = [{ id: 'b', at: '2026-01-01T00:00:02Z', kind: 'x' }, { id: 'a', at: '2026-01-01T00:00:01Z', kind: 'x' }];
    expect(mergeTimeline([a, []]).map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('offsets and durations as shown', () => {
  it('reads like a whiteboard', async () => {
    const { formatOffset, formatDuration } = await import('../../../shared/incidents/offsets');
    expect(formatOffset(0)).toBe('T+0 min');
    expect(formatOffset(15)).toBe('T+15 min');
    expect(formatOffset(120)).toBe('T+2 h');
    expect(formatOffset(125)).toBe('T+2 h 5 min');
    expect(formatOffset(1440 + 245)).toBe('T+1 d 4 h');
    expect(formatOffset(-30)).toBe('T−30 min');
    expect(formatDuration(59_000)).toBe('59 s');
    expect(formatDuration(-12 * 60_000)).toBe('12 min');
    expect(formatDuration(185 * 60_000)).toBe('3 h 05 min');
    expect(formatDuration((2 * 1440 + 250) * 60_000)).toBe('2 d 4 h');
  });
});
