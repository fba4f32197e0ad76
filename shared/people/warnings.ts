import { isVerified } from '../contactTrees/warnings';
import type { Person } from '../domain';
import { daysSinceVerified, deviceZone } from './fields';

// The count lives with verifiedDay, where the contact trees' isVerified can use it too.
export { daysSinceVerified } from './fields';

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
  if (!isVerified(person, now, timeZone)) {
    warnings.push({ kind: 'notVerified', days: person.verifiedAt ? daysSinceVerified(person.verifiedAt, now, timeZone) : null });
  }
  return warnings;
}
