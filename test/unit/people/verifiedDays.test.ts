import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readDate } from '../../../shared/people/fields';
import { daysSinceVerified, personWarnings } from '../../../shared/people/warnings';
import { person } from './people';

/** "Days since verified" in calendar days of the user's time zone (QA 4, bug 13). */

const ZONES = ['Europe/Madrid', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
const day = (text: string) => {
  const r = readDate(text);
  if (!r.ok) throw new Error(text);
  return r.value;
};

describe('days since verified', () => {
  it('verified 2026-05-01, today 2026-11-22: 205 days, at any hour of the day', () => {
    for (const at of ['2026-11-22T00:30:00+01:00', '2026-11-22T09:00:00+01:00', '2026-11-22T23:59:00+01:00']) {
      expect(daysSinceVerified(day('2026-05-01'), new Date(at), 'Europe/Madrid')).toBe(205);
    }
    const ana = person({ id: 'a', name: 'Ana', verifiedAt: day('2026-05-01'), backupId: 'b' });
    const byId = new Map([['b', person({ id: 'b', name: 'Bea' })]]);
    expect(personWarnings(ana, byId, new Date('2026-11-22T09:00:00+01:00'), 'Europe/Madrid')).toEqual([{ kind: 'notVerified', days: 205 }]);
  });

  it('counts today in the user’s zone: late on the 21st in New York is still the 21st', () => {
    const now = new Date('2026-11-22T03:00:00Z');
    expect(daysSinceVerified(day('2026-05-01'), now, 'America/New_York')).toBe(204);
    expect(daysSinceVerified(day('2026-05-01'), now, 'Europe/Madrid')).toBe(205);
  });

  it('crosses daylight saving changes without losing or gaining a day', () => {
    // Madrid moves its clocks on 29 March and 25 October 2026; Lord Howe by half an hour.
    expect(daysSinceVerified(day('2026-03-28'), new Date('2026-03-30T00:10:00+02:00'), 'Europe/Madrid')).toBe(2);
    expect(daysSinceVerified(day('2026-10-24'), new Date('2026-10-26T23:50:00+01:00'), 'Europe/Madrid')).toBe(2);
    expect(daysSinceVerified(day('2026-04-04'), new Date('2026-04-06T00:05:00+10:30'), 'Australia/Lord_Howe')).toBe(2);
  });

  test.prop([
    fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 3000 }),
    fc.integer({ min: 0, max: 24 * 60 - 1 }),
    fc.constantFrom(...ZONES),
  ])('is the calendar difference between the day typed and the local day of now, in every zone', (base, days, minute, zone) => {
    const typed = base.toISOString().slice(0, 10);
    // A moment `days` after `typed` in `zone`: the local calendar day is typed + days.
    const [y, m, d] = typed.split('-').map(Number) as [number, number, number];
    const localDay = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    const approx = new Date(`${localDay}T00:00:00Z`).getTime() + minute * 60_000;
    // Shift by the zone's offset at that moment so the local wall clock reads localDay at `minute`.
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(approx));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    const now = new Date(approx - (wall - approx));
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    fc.pre(local === localDay); // the shift can miss by a day only around a DST jump
    expect(daysSinceVerified(day(typed), now, zone)).toBe(days);
  });

  it('takes today as the zone’s day even when now is exactly 12:00:00.000 UTC (the bare-date instant)', () => {
    const noon = new Date('2026-11-22T12:00:00.000Z'); // 02:00 on the 23rd in Kiritimati (UTC+14)
    expect(daysSinceVerified(day('2026-05-01'), noon, 'Pacific/Kiritimati')).toBe(206);
    expect(daysSinceVerified(day('2026-05-01'), noon, 'Pacific/Pago_Pago')).toBe(205); // 01:00 on the 22nd
    expect(daysSinceVerified(day('2026-05-01'), noon, 'UTC')).toBe(205);
  });

  test.prop([
    fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 200 * 24 * 60 }),
    fc.constantFrom(...ZONES),
  ])('flags "not verified" exactly when the days it shows are more than 90 (one count for both)', (verified, minutesLater, zone) => {
    const ana = person({ id: 'a', name: 'Ana', verifiedAt: verified.toISOString(), backupId: 'b' });
    const byId = new Map([['b', person({ id: 'b', name: 'Bea', verifiedAt: verified.toISOString() })]]);
    const now = new Date(verified.getTime() + minutesLater * 60_000);
    const days = daysSinceVerified(ana.verifiedAt!, now, zone);
    const flagged = personWarnings(ana, byId, now, zone).find((w) => w.kind === 'notVerified');
    expect(flagged).toEqual(days > 90 ? { kind: 'notVerified', days } : undefined);
  });

  it('uses the device’s zone when none is given (the process runs with TZ set by the test runner or the machine)', () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const ana = person({ id: 'a', name: 'Ana', verifiedAt: day('2026-05-01') });
    const now = new Date('2026-11-22T12:00:00Z');
    expect(personWarnings(ana, new Map(), now)).toContainEqual({ kind: 'notVerified', days: daysSinceVerified(ana.verifiedAt!, now, zone) });
  });
});

describe('the day of a verification', () => {
  it('is the typed day for a bare date in every zone, and the local day for a full timestamp', async () => {
    const { verifiedDay } = await import('../../../shared/people/fields');
    for (const zone of ZONES) expect(verifiedDay(day('2026-05-01'), zone)).toBe('2026-05-01');
    const late = day('2026-05-01T22:30:00-05:00');
    expect(verifiedDay(late, 'America/New_York')).toBe('2026-05-01');
    expect(verifiedDay(late, 'Europe/Madrid')).toBe('2026-05-02');
  });

  it('reads each zone with its own formatter (one is kept per zone, not shared across zones)', async () => {
    const { verifiedDay } = await import('../../../shared/people/fields');
    const at = '2026-05-01T23:30:00.000Z';
    for (let i = 0; i < 3; i++) {
      expect(verifiedDay(at, 'UTC')).toBe('2026-05-01');
      expect(verifiedDay(at, 'Pacific/Kiritimati')).toBe('2026-05-02');
      expect(verifiedDay(at, 'Pacific/Pago_Pago')).toBe('2026-05-01');
    }
  });
});
