import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../../renderer/src/features/summary/timeTicks';

const MINUTE = 60_000;
/** A tick as the chart labels it (en-GB, 24 h, the test's time zone). */
function label(at: number, withSeconds: boolean, withDate: boolean): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  }).format(at);
}

describe('timeTicks', () => {
  it('puts ticks on round local minutes, at most six', () => {
    const min = new Date(2026, 10, 22, 6, 34, 12).getTime();
    const { ticks, withSeconds, withDate } = timeTicks(min, min + 50 * MINUTE);
    expect(ticks.map((t) => label(t, withSeconds, withDate))).toEqual(['06:40', '06:50', '07:00', '07:10', '07:20']);
  });

  it('labels the first minute of an incident with seconds: start and now, not "06:34" ten times', () => {
    const min = new Date(2026, 10, 22, 6, 34, 12).getTime();
    const { ticks, withSeconds } = timeTicks(min, min + 70_000);
    expect(withSeconds).toBe(true);
    expect(ticks.map((t) => label(t, true, false))).toEqual(['06:34:12', '06:35:22']);
  });

  it('names the day when the span crosses midnight', () => {
    const min = new Date(2026, 10, 22, 22, 0).getTime();
    const { withDate, ticks } = timeTicks(min, min + 5 * 60 * MINUTE);
    expect(withDate).toBe(true);
    expect(ticks.map((t) => label(t, false, true))).toEqual(['22 Nov, 22:00', '22 Nov, 23:00', '23 Nov, 00:00', '23 Nov, 01:00', '23 Nov, 02:00', '23 Nov, 03:00']);
  });

  it('a single instant gets a single tick', () => {
    expect(timeTicks(5 * MINUTE, 5 * MINUTE).ticks).toEqual([5 * MINUTE]);
  });

  it('property: ticks rise inside the span, at most six, and no two read the same', () => {
    const start = new Date(2026, 0, 1).getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 * MINUTE }), fc.integer({ min: 0, max: 30 * 24 * 60 * MINUTE }), (offset, span) => {
        const min = start + offset;
        const { ticks, withSeconds, withDate } = timeTicks(min, min + span);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(6);
        for (const [n, t] of ticks.entries()) {
          expect(t).toBeGreaterThanOrEqual(min);
          expect(t).toBeLessThanOrEqual(min + span);
          if (n > 0) expect(t).toBeGreaterThan(ticks[n - 1]!);
        }
        const labels = ticks.map((t) => label(t, withSeconds, withDate));
        expect(new Set(labels).size).toBe(labels.length);
      }),
    );
  });
});
