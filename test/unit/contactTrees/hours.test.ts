import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, localClock, workingHoursState } from '../../../shared/contactTrees';

const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const madrid = { timeZone: 'Europe/Madrid', workingHours: OFFICE };
const newYork = { timeZone: 'America/New_York', workingHours: OFFICE };

describe('working hours, on the person\'s own clock', () => {
  it('follows Madrid across the spring change (29 March 2026: 02:00 CET becomes 03:00 CEST)', () => {
    // Friday before: UTC+1. 08:30Z is 09:30 in Madrid, 07:30Z is 08:30.
    expect(workingHoursState(madrid, new Date('2026-03-27T08:30:00Z'))).toBe('in');
    expect(workingHoursState(madrid, new Date('2026-03-27T07:30:00Z'))).toBe('out');
    expect(workingHoursState(madrid, new Date('2026-03-27T15:59:00Z'))).toBe('in');
    expect(workingHoursState(madrid, new Date('2026-03-27T16:00:00Z'))).toBe('out');
    // Monday after: UTC+2. The same UTC times now read an hour later in Madrid.
    expect(workingHoursState(madrid, new Date('2026-03-30T07:30:00Z'))).toBe('in');
    expect(workingHoursState(madrid, new Date('2026-03-30T06:59:00Z'))).toBe('out');
    expect(workingHoursState(madrid, new Date('2026-03-30T15:00:00Z'))).toBe('out');
    expect(workingHoursState(madrid, new Date('2026-03-30T14:59:00Z'))).toBe('in');
    // The Sunday of the change is not a working day at any hour.
    expect(workingHoursState(madrid, new Date('2026-03-29T10:00:00Z'))).toBe('out');
  });

  it('follows New York across the autumn change (1 November 2026: 02:00 EDT becomes 01:00 EST)', () => {
    // Friday 30 October, UTC-4: 13:00Z is 09:00.
    expect(workingHoursState(newYork, new Date('2026-10-30T13:00:00Z'))).toBe('in');
    expect(workingHoursState(newYork, new Date('2026-10-30T12:59:00Z'))).toBe('out');
    // Monday 2 November, UTC-5: 13:00Z is 08:00, 14:00Z is 09:00.
    expect(workingHoursState(newYork, new Date('2026-11-02T13:00:00Z'))).toBe('out');
    expect(workingHoursState(newYork, new Date('2026-11-02T14:00:00Z'))).toBe('in');
  });

  it('counts a night shift on the day it starts', () => {
    const night = { timeZone: 'Europe/Madrid', workingHours: { days: [5], start: '22:00', end: '06:00' } };
    expect(workingHoursState(night, new Date('2026-05-08T20:30:00Z'))).toBe('in'); // Friday 22:30 CEST
    expect(workingHoursState(night, new Date('2026-05-09T01:00:00Z'))).toBe('in'); // Saturday 03:00, Friday's shift
    expect(workingHoursState(night, new Date('2026-05-09T04:00:00Z'))).toBe('out'); // Saturday 06:00, over
    expect(workingHoursState(night, new Date('2026-05-09T20:30:00Z'))).toBe('out'); // Saturday 22:30, no shift
    expect(workingHoursState(night, new Date('2026-05-08T01:00:00Z'))).toBe('out'); // Friday 03:00 is Thursday's shift
  });

  it('takes equal start and end as the whole day', () => {
    const allDay = { timeZone: 'UTC', workingHours: { days: [0, 6], start: '00:00', end: '00:00' } };
    expect(workingHoursState(allDay, new Date('2026-05-09T23:59:00Z'))).toBe('in');
    expect(workingHoursState(allDay, new Date('2026-05-11T12:00:00Z'))).toBe('out');
  });

  it('says "unknown" rather than guessing: no hours, an unknown zone, an impossible time', () => {
    expect(workingHoursState({ timeZone: 'Europe/Madrid', workingHours: null }, new Date())).toBe('unknown');
    expect(workingHoursState({ timeZone: 'Mars/Olympus', workingHours: OFFICE }, new Date())).toBe('unknown');
    expect(workingHoursState({ timeZone: 'UTC', workingHours: { days: [1], start: '25:00', end: '17:00' } }, new Date())).toBe('unknown');
    expect(isKnownTimeZone('Europe/Madrid')).toBe(true);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(localClock('Mars/Olympus', 0)).toBeNull();
  });

  const ZONES = ['Europe/Madrid', 'America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
  const DAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') })])(
    'reads the same local weekday and time as the platform\'s own Intl, in zones with odd offsets and DST',
    (zone, at) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
          .formatToParts(at)
          .map((p) => [p.type, p.value]),
      );
      expect(localClock(zone, at)).toEqual({ day: DAYS[parts.weekday!], minute: Number(parts.hour) * 60 + Number(parts.minute) });
    },
  );
});
