/**
 * Per-field last-writer-wins. A record carries `clock`, the HLC of the last write of each field; a
 * patch stamped `hlc` changes a field only if `hlc` is newer than that field's stamp. The result is
 * the same whatever order patches arrive in, which is what lets offline machines converge.
 */
export interface ClockedRecord {
  clock: Record<string, string>;
}

export function applyPatch<T extends ClockedRecord>(record: T, patch: Partial<Omit<T, 'clock'>>, hlc: string): T {
  const next: T = { ...record, clock: { ...record.clock } };
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'clock' || field === 'id' || value === undefined) continue;
    const current = record.clock[field];
    if (current !== undefined && current >= hlc) continue;
    (next as Record<string, unknown>)[field] = value;
    next.clock[field] = hlc;
  }
  return next;
}

/** Merges two copies of the same record field by field (used when a whole record arrives). */
export function mergeRecords<T extends ClockedRecord>(a: T, b: T): T {
  const out: T = { ...a, clock: { ...a.clock } };
  for (const [field, stamp] of Object.entries(b.clock)) {
    const mine = a.clock[field];
    if (mine === undefined || stamp > mine) {
      (out as Record<string, unknown>)[field] = (b as Record<string, unknown>)[field];
      out.clock[field] = stamp;
    }
  }
  return out;
}
