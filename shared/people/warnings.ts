import { isVerified } from '../contactTrees/warnings';
import type { Person } from '../domain';
import { verifiedDay } from './fields';

const DAY_MS = 24 * 3600_000;


/**
 * Calendar days from the day details were verified to today in the user's time zone: verified on
 * 1 May, today 22 November is 205 days, whatever the hour, daylight saving included. Counting
 * 24-hour periods instead says 204 until the hour of the stored instant comes round.
 */
export function daysSinceVerified(verifiedAt: string, now: Date, timeZone: string): number {
  const days = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
  return days(verifiedDay(now.toISOString(), timeZone)) - days(verifiedDay(verifiedAt, timeZone));
}

const deviceZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

export type PersonWarning =
  /** Has left the organisation: kept for the record, never called, and should hold no access. */
  | { kind: 'left' }
  /** No backup, or a backup who has left or was deleted: nobody takes over when they cannot be reached. */
  | { kind: 'noBackup'; reason: 'none' | 'left' | 'missing' }
  /** Never verified (days null), or not within the last 90 days (the contact trees' rule). */
  | { kind: 'notVerified'; days: number | null };

/**
 * What a governance owner must fix about a person, as the seed documents ask: everyone has a
 * backup, contacts are verified, and nobody who left still counts. People who left get only that
 * warning: their backup and verification no longer matter. Days are counted in `timeZone`, the
 * device's unless given.
 */
export function personWarnings(person: Person, byId: ReadonlyMap<string, Person>, now: Date, timeZone: string = deviceZone()): PersonWarning[] {
  if (person.left) return [{ kind: 'left' }];
  const warnings: PersonWarning[] = [];
  const backup = person.backupId ? byId.get(person.backupId) : undefined;
  if (!person.backupId) warnings.push({ kind: 'noBackup', reason: 'none' });
  else if (!backup || backup.deleted) warnings.push({ kind: 'noBackup', reason: 'missing' });
  else if (backup.left) warnings.push({ kind: 'noBackup', reason: 'left' });
  if (!isVerified(person, now)) {
    warnings.push({ kind: 'notVerified', days: person.verifiedAt ? daysSinceVerified(person.verifiedAt, now, timeZone) : null });
  }
  return warnings;
}
