import type { ChecklistItem } from '../domain/incidents';

const MINUTE = 60_000;

/**
 * A step's deadline: the declaration instant plus its offset in elapsed minutes. Offsets are
 * durations, not wall-clock times, so "answer within 24 h" means 24 hours of real time even across
 * a daylight-saving change (the local time shown may then differ by an hour from the declaration's).
 */
export function dueAt(declaredAt: string, offsetMinutes: number): string {
  return new Date(Date.parse(declaredAt) + offsetMinutes * MINUTE).toISOString();
}

export type StepState = 'done' | 'overdue' | 'due-soon' | 'open' | 'no-deadline';

/** Steps due within this window are flagged as due soon. */
export const DUE_SOON_MS = 15 * MINUTE;

export function stepState(item: Pick<ChecklistItem, 'done' | 'dueAt'>, now: number): StepState {
  if (item.done) return 'done';
  if (item.dueAt === null) return 'no-deadline';
  const left = Date.parse(item.dueAt) - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'open';
}

/** Milliseconds until the deadline (negative when late), or null when there is none or it is done. */
export function timeLeft(item: Pick<ChecklistItem, 'done' | 'dueAt'>, now: number): number | null {
  if (item.done || item.dueAt === null) return null;
  return Date.parse(item.dueAt) - now;
}

/** Offset of an instant from the declaration, in whole minutes (the "T+" shown beside times). */
export function offsetMinutes(declaredAt: string, at: string): number {
  return Math.floor((Date.parse(at) - Date.parse(declaredAt)) / MINUTE);
}

/**
 * Steps that became overdue between two instants (exclusive start, inclusive end): what the
 * console notifies about, once per step, as its clock moves on.
 */
export function newlyOverdue<T extends Pick<ChecklistItem, 'id' | 'done' | 'dueAt'>>(items: readonly T[], since: number, now: number): T[] {
  return items.filter((i) => {
    if (i.done || i.dueAt === null) return false;
    const due = Date.parse(i.dueAt);
    return due >= since && due < now;
  });
}
