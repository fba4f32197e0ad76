import { MutationError } from '../mutations/error';
import type { DomainTable, MutationStore } from '../mutations/store';

/** Stamps every field of a new record with the mutation's HLC, so later edits merge field by field. */
export function stampAll<T extends { clock: Record<string, string> }>(record: T, hlc: string): T {
  const clock: Record<string, string> = {};
  for (const field of Object.keys(record)) if (field !== 'id' && field !== 'clock') clock[field] = hlc;
  return { ...record, clock };
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** A live (not deleted) editable record, or a not-found error naming it. */
export async function requireLive<T extends { deleted: boolean }>(w: MutationStore, table: DomainTable, id: string, label: string): Promise<T> {
  const [row] = await w.getMany<T>(table, [id]);
  if (!row || row.deleted) throw new MutationError('not-found', `${label} ${id} does not exist`);
  return row;
}

/**
 * A history row without its null fields. A field added later is nullable with a default of null
 * (a copy's overLimit, a call's dueAt): a row stored before it existed lacks the key, and the same
 * row parsed again today has it as null. Both say the same thing, so a replay must not be refused.
 */
function withoutNulls(row: object): object {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
}

/**
 * History rows (revisions, approvals, copies, log entries) are immutable: writing one again is
 * accepted only when it is identical, so a replay is harmless and history can never be rewritten.
 */
export async function putImmutable<T extends { id: string }>(w: MutationStore, table: DomainTable, rows: readonly T[], label: string): Promise<void> {
  const existing = await w.getMany<T>(table, rows.map((r) => r.id));
  const fresh: T[] = [];
  const conflicts: { path: string; message: string }[] = [];
  rows.forEach((row, i) => {
    const old = existing[i];
    if (!old) fresh.push(row);
    else if (!sameJson(withoutNulls(old), withoutNulls(row))) conflicts.push({ path: row.id, message: `${label} ${row.id} already exists with different content` });
  });
  if (conflicts.length > 0) throw new MutationError('conflict', `${conflicts.length} ${label}(s) would overwrite history`, conflicts);
  await w.put(table, fresh);
}
