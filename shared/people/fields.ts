import type { Person } from '../domain';
import { foldText } from '../text/fold';

/**
 * Reading and writing the values of a person's fields as people type them in a spreadsheet or an
 * address book, in Spanish or English. Each reader returns the value or the code of what is wrong
 * with it; the file parsers turn that into an issue with the file's line and column.
 */

export type WorkingHours = NonNullable<Person['workingHours']>;
export type FieldResult<T> = { ok: true; value: T } | { ok: false; code: FieldProblem; values?: Record<string, string | number> };

export type FieldProblem =
  | 'timeZone.invalid'
  | 'timeZone.offset'
  | 'workingHours.invalid'
  | 'workingHours.days'
  | 'workingHours.time'
  | 'workingHours.empty'
  | 'date.invalid'
  | 'date.future'
  | 'boolean.invalid'
  | 'email.invalid';

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = <T>(code: FieldProblem, values?: Record<string, string | number>): FieldResult<T> => ({ ok: false, code, values });

/**
 * Several values in one cell (roles, phones): separated by "|", ";" or ",", or on separate lines.
 * None of these appear in a phone number, and roles are short names, so no quoting is needed.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[|;,\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
/** What separates list items when Calma writes them; `splitList` reads it back. */
export const LIST_SEPARATOR = '; ';

/**
 * A phone reduced to what identifies it: digits and a leading +, so "+34 600-11" equals "+3460011".
 * A leading 00 is the international prefix most of the world dials for +, so "0034 600 11" is
 * "+34 600 11" too: one number written two ways must not pass for two people.
 */
export function phoneKey(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D+/g, '');
  if (digits === '') return '';
  if (trimmed.startsWith('+')) return `+${digits}`;
  return digits.startsWith('00') && digits.length > 2 ? `+${digits.slice(2)}` : digits;
}

export const emailKey = (email: string) => email.trim().toLowerCase();

// A practical check, not RFC 5322: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function readEmail(text: string): FieldResult<string> {
  const email = text.trim();
  return EMAIL.test(email) ? ok(email) : bad('email.invalid', { value: email });
}

/**
 * An IANA time zone name, checked against the platform's own time-zone database (Intl), and
 * returned in its canonical spelling ("europe/madrid" → "Europe/Madrid"). Bare offsets are
 * refused: an offset is not a place, and the working-hours warning must follow daylight saving.
 */
export function readTimeZone(text: string): FieldResult<string> {
  const name = text.trim();
  if (/^(utc|gmt)?\s*[+-]\d/i.test(name)) return bad('timeZone.offset', { value: name });
  if (!/^[A-Za-z]/.test(name)) return bad('timeZone.invalid', { value: name });
  // Building a DateTimeFormat costs about a millisecond: a 10,000-row file names a few zones, many times.
  const known = canonicalZones.get(name);
  if (known) return ok(known);
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Only valid names are kept, so a hostile file cannot grow the cache past the zone database.
    canonicalZones.set(name, canonical);
    return ok(canonical);
  } catch {
    return bad('timeZone.invalid', { value: name });
  }
}
const canonicalZones = new Map<string, string>();

/** Day numbers as JavaScript's Date.getDay() counts them: 0 is Sunday. */
const DAY_KEYS: Record<string, number> = {
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
  dom: 0, lun: 1, mar: 2, mie: 3, jue: 4, vie: 5, sab: 6,
};
const DAY_NAMES = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
} as const;
/** The working week as people write it, Monday first, so "Fri-Mon" wraps over the weekend. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function readDay(word: string): number | undefined {
  // Full names and abbreviations in both languages: the first three letters, accents folded.
  return DAY_KEYS[foldText(word.trim()).slice(0, 3)];
}

function readTime(text: string, isEnd: boolean): string | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes !== 0 || !isEnd))) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Working hours: days, then a time range, in either language: "Mon-Fri 09:00-17:00",
 * "lun-vie 9-17", "Mon,Wed,Fri 08:30-14:00", "sábado 10:00-14:00". A range may wrap ("Fri-Mon")
 * and a shift may cross midnight ("22:00-06:00").
 */
export function readWorkingHours(text: string): FieldResult<WorkingHours> {
  const m = /^\s*(.+?)\s+(\d{1,2}(?:[:.h]\d{2})?)\s*[-–a]\s*(\d{1,2}(?:[:.h]\d{2})?)\s*$/i.exec(text);
  if (!m) return bad('workingHours.invalid', { value: text.trim() });
  const days = new Set<number>();
  for (const part of m[1]!.replace(/\s*[-–]\s*/g, '-').split(/[,/]|\s+y\s+|\s+and\s+|\s+/i).filter((p) => p.trim() !== '')) {
    const range = part.split(/[-–]/);
    if (range.length > 2) return bad('workingHours.days', { value: part });
    const from = readDay(range[0]!);
    const to = range.length === 2 ? readDay(range[1]!) : from;
    if (from === undefined || to === undefined) return bad('workingHours.days', { value: part });
    let i = WEEK_ORDER.indexOf(from);
    for (;;) {
      const day = WEEK_ORDER[i % 7]!;
      days.add(day);
      if (day === to) break;
      i += 1;
    }
  }
  const start = readTime(m[2]!, false);
  const end = readTime(m[3]!, true);
  if (start === null || end === null) return bad('workingHours.time', { value: `${m[2]}-${m[3]}` });
  // Stored times are 00:00-23:59, and equal start and end mean the whole day (see
  // shared/contactTrees/hours.ts): "00:00-24:00" is stored so; "09:00-09:00" is a typo.
  const stored = end === '24:00' ? '00:00' : end;
  if (start === stored && start !== '00:00') return bad('workingHours.empty', { value: `${start}-${end}` });
  return ok({ days: [...days].sort((a, b) => a - b), start, end: stored });
}

/** "Mon-Fri 09:00-17:00": runs of three days or more as a range, Monday first; `readWorkingHours` reads it back. */
export function formatWorkingHours(hours: WorkingHours, lang: 'es' | 'en' = 'en'): string {
  const names = DAY_NAMES[lang];
  const present = WEEK_ORDER.filter((d) => hours.days.includes(d));
  const parts: string[] = [];
  for (let i = 0; i < present.length; ) {
    let j = i;
    while (j + 1 < present.length && WEEK_ORDER.indexOf(present[j + 1]!) === WEEK_ORDER.indexOf(present[j]!) + 1) j += 1;
    if (j - i >= 2) parts.push(`${names[present[i]!]}-${names[present[j]!]}`);
    else for (let k = i; k <= j; k += 1) parts.push(names[present[k]!]!);
    i = j + 1;
  }
  const end = hours.end === hours.start && hours.start === '00:00' ? '24:00' : hours.end;
  return `${parts.join(',')} ${hours.start}-${end}`;
}

/**
 * The date details were last verified: an ISO date ("2025-03-01") or date and time with a zone.
 * A bare date is stored at 12:00 UTC, which is the same calendar day in every inhabited time zone.
 * Day/month orders are refused: 03/04/2025 means a different day in Madrid and in New York.
 */
export function readDate(text: string): FieldResult<string> {
  const value = text.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const at = new Date(`${value}T12:00:00.000Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) return bad('date.invalid', { value });
    return ok(at.toISOString());
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return bad('date.invalid', { value });
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? bad('date.invalid', { value }) : ok(at.toISOString());
}

/**
 * The calendar day details were verified on, as the editor's date field, the CSV export and the
 * "days since verified" count all read it. A bare date (readDate stores it at 12:00 UTC) is the day
 * that was typed, wherever it is read: noon UTC is already tomorrow east of UTC+12. Any other
 * instant (an import's full timestamp) is the day it fell on in `timeZone`.
 */
export function verifiedDay(verifiedAt: string, timeZone = 'UTC'): string {
  if (verifiedAt.endsWith('T12:00:00.000Z')) return verifiedAt.slice(0, 10);
  const at = new Date(verifiedAt);
  if (Number.isNaN(at.getTime())) return verifiedAt.slice(0, 10);
  return calendarDay(at, timeZone);
}

// One formatter per zone: building one costs far more than formatting with it, and the CSV export
// asks for a day per person (10,000 of them) in the same zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`, whatever its hour. */
export function calendarDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

const DAY_MS = 24 * 3600_000;

/** The device's time zone: where "today" is when no zone is given. */
export const deviceZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Calendar days from the day details were verified to today in the user's time zone: verified on
 * 1 May, today 22 November is 205 days, whatever the hour, daylight saving included. Counting
 * 24-hour periods instead says 204 until the hour of the stored instant comes round. Today is the
 * day `now` falls on in the zone, always: noon UTC is a bare date only for a stored verifiedAt.
 */
export function daysSinceVerified(verifiedAt: string, now: Date, timeZone: string): number {
  const days = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
  return days(calendarDay(now, timeZone)) - days(verifiedDay(verifiedAt, timeZone));
}

const TRUE_WORDS = new Set(['yes', 'y', 'si', 's', 'true', '1', 'x', 'left', 'baja']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '']);

/** "Has left": yes/no, sí/no, true/false, 1/0, or an x as in a ticked box. */
export function readBoolean(text: string): FieldResult<boolean> {
  const word = foldText(text.trim());
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad('boolean.invalid', { value: text.trim() });
}

export const formatBoolean = (value: boolean, lang: 'es' | 'en' = 'en') => (value ? (lang === 'es' ? 'sí' : 'yes') : '');
