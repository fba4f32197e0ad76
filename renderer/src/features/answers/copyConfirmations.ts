import type { CopyOverLimit, LengthCheck, RevisionStatus } from '@shared/domain';

/**
 * The ticks a copy can need before it goes, in the order the dialog shows them and asks for them.
 * Each is a separate, explicit decision: passing off text that is not approved, and passing off
 * text the channel may cut or refuse (which could not have been approved at that length).
 */
export const CONFIRMATIONS = ['unapproved', 'overLimit'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** Which ticks copying this text needs: anything but approved asks for one, a length over a set limit for the other. */
export function copyNeeds(status: RevisionStatus, check: LengthCheck): Confirmation[] {
  const needs = { unapproved: status !== 'approved', overLimit: overLimitOf(check) !== null };
  return CONFIRMATIONS.filter((c) => needs[c]);
}

/**
 * The first needed tick not given yet: the one Enter asks for and puts the focus on, so ticking
 * and pressing Enter again walks through them in order. Null when the copy may go.
 */
export function missingConfirmation(needs: readonly Confirmation[], ticked: Readonly<Partial<Record<Confirmation, boolean>>>): Confirmation | null {
  return needs.find((c) => ticked[c] !== true) ?? null;
}

/**
 * What the copy log records about the length: the count and the limit when over, else null.
 * Derived from the check itself rather than its `over` flag, so a record can never claim a limit
 * the channel does not have or a length within it.
 */
export function overLimitOf(check: LengthCheck): CopyOverLimit | null {
  return check.limit !== null && check.length > check.limit ? { length: check.length, limit: check.limit } : null;
}
