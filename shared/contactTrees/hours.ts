import { tzOffset } from '@date-fns/tz';
import type { Person } from '../domain';

export type HoursState = 'in' | 'out' | 'unknown';

/** Whether the zone is one the runtime knows (an unknown zone gives no offset at all). */
export function isKnownTimeZone(zone: string): boolean {
  return zone.trim() !== '' && !Number.isNaN(tzOffset(zone, new Date(0)));
}

function minutesOf(hhmm: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h <= 23 && m <= 59 ? h * 60 + m : null;
}

/**
 * The weekday (0 = Sunday) and minute of the day at an instant, on the clock of a zone: the
 * instant shifted by the zone's offset at that instant (tzOffset reads the runtime's zone data,
 * daylight saving included), then read as UTC. Not TZDate: it subclasses Date, which breaks
 * under a replaced Date (fake clocks in tests return plain Dates from the constructor).
 */
export function localClock(zone: string, at: Date | number): { day: number; minute: number } | null {
  if (!isKnownTimeZone(zone)) return null;
  const ms = typeof at === 'number' ? at : at.getTime();
  const offset = tzOffset(zone, new Date(ms));
  if (!Number.isFinite(ms) || Number.isNaN(offset)) return null;
  const wall = new Date(ms + offset * 60_000);
  return { day: wall.getUTCDay(), minute: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/**
 * Whether a person is within their working hours at an instant, on their own clock (their time
 * zone, daylight saving included). Days are the days a shift starts on: a night shift 22:00–06:00
 * on Friday covers Saturday 03:00. Equal start and end mean the whole day. "unknown" when the
 * person has no working hours or an unknown time zone: Calma does not guess.
 */
export function workingHoursState(person: Pick<Person, 'timeZone' | 'workingHours'>, at: Date | number): HoursState {
  const hours = person.workingHours;
  if (!hours) return 'unknown';
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const clock = localClock(person.timeZone, at);
  if (start === null || end === null || clock === null) return 'unknown';
  const days = new Set(hours.days);
  const { day, minute } = clock;
  if (start === end) return days.has(day) ? 'in' : 'out';
  if (start < end) return days.has(day) && minute >= start && minute < end ? 'in' : 'out';
  // Overnight: the evening belongs to today's shift, the early morning to yesterday's.
  if (minute >= start) return days.has(day) ? 'in' : 'out';
  if (minute < end) return days.has((day + 6) % 7) ? 'in' : 'out';
  return 'out';
}
