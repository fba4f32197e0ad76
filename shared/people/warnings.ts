import { isVerified } from '../contactTrees/warnings';
import type { Person } from '../domain';

const DAY_MS = 24 * 3600_000;

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
 * warning: their backup and verification no longer matter.
 */
export function personWarnings(person: Person, byId: ReadonlyMap<string, Person>, now: Date): PersonWarning[] {
  if (person.left) return [{ kind: 'left' }];
  const warnings: PersonWarning[] = [];
  const backup = person.backupId ? byId.get(person.backupId) : undefined;
  if (!person.backupId) warnings.push({ kind: 'noBackup', reason: 'none' });
  else if (!backup || backup.deleted) warnings.push({ kind: 'noBackup', reason: 'missing' });
  else if (backup.left) warnings.push({ kind: 'noBackup', reason: 'left' });
  if (!isVerified(person, now)) {
    warnings.push({ kind: 'notVerified', days: person.verifiedAt ? Math.floor((now.getTime() - Date.parse(person.verifiedAt)) / DAY_MS) : null });
  }
  return warnings;
}
