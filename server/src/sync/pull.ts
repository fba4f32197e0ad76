import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { DOMAIN_TABLES, type DomainTable } from '../../../shared/mutations/store';
import { PULL_PAGE_DEFAULT, type ChangedRow, type PullResponse, type Refusal } from '../../../shared/sync/protocol';
import type { Caller } from '../auth/authenticate';
import type { Db } from '../db/connect';
import { devices, mutations, records, teams } from '../db/schema';
import { ApiError } from '../errors';

/** How many of a device's refusals a pull repeats (newest), so a lost push response still reaches it. */
export const PULL_REFUSALS_MAX = 500;

interface Position {
  version: number;
  tbl: string;
  id: string;
}

const START: Position = { version: 0, tbl: '', id: '' };

/**
 * The cursor is the (version, table, id) of the last row sent, so a version that wrote a thousand
 * rows (one import) pages like any other. Opaque to clients: base64url of a small JSON array.
 */
export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.version, p.tbl, p.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null): Position {
  if (cursor === null) return START;
  const bad = () => new ApiError(400, 'bad-cursor', 'this pull cursor was not made by this server; start again from null', [{ path: 'cursor', message: 'not a cursor of this server' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    !Number.isSafeInteger(value[0]) ||
    value[0] < 0 ||
    !(DOMAIN_TABLES as readonly unknown[]).includes(value[1]) ||
    typeof value[2] !== 'string'
  ) {
    throw bad();
  }
  return { version: value[0] as number, tbl: value[1] as string, id: value[2] as string };
}

/**
 * One page of everything in the team after `cursor`, tombstones included (a deleted record is a
 * row with `deleted: true`). Read in one snapshot, so the page, the team version, the device's
 * lastSeq and its refusals agree with each other.
 */
export async function pull(db: Db, caller: Caller, request: { deviceId: string; cursor: string | null; limit?: number }): Promise<PullResponse> {
  if (request.deviceId !== caller.deviceId) {
    throw new ApiError(403, 'device-mismatch', `this token belongs to device ${caller.deviceId}, not ${request.deviceId}`);
  }
  const after = decodeCursor(request.cursor);
  const limit = request.limit ?? PULL_PAGE_DEFAULT;
  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ tbl: records.tbl, id: records.id, version: records.version, row: records.row })
        .from(records)
        .where(and(eq(records.teamId, caller.teamId), sql`(${records.version}, ${records.tbl}, ${records.id}) > (${after.version}::bigint, ${after.tbl}::text, ${after.id}::text)`))
        .orderBy(asc(records.version), asc(records.tbl), asc(records.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const [team] = await tx.select({ version: teams.version }).from(teams).where(eq(teams.id, caller.teamId));
      const [device] = await tx.select({ lastSeq: devices.lastSeq }).from(devices).where(and(eq(devices.teamId, caller.teamId), eq(devices.id, caller.deviceId)));
      const refusals = await tx
        .select({ refusal: mutations.refusal })
        .from(mutations)
        .where(and(eq(mutations.teamId, caller.teamId), eq(mutations.deviceId, caller.deviceId), eq(mutations.status, 'refused')))
        .orderBy(desc(mutations.seq))
        .limit(PULL_REFUSALS_MAX);
      return {
        changes: page.map((r): ChangedRow => ({ table: r.tbl as DomainTable, id: r.id, version: r.version, row: r.row })),
        cursor: last ? encodeCursor({ version: last.version, tbl: last.tbl, id: last.id }) : request.cursor,
        more: rows.length > limit,
        teamVersion: team?.version ?? 0,
        lastSeq: device?.lastSeq ?? 0,
        refusals: refusals.map((r) => r.refusal as Refusal).reverse(),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Current rows by key (the device reverts a refused mutation to them). Missing rows are absent. */
export async function rowsByKey(db: Db, caller: Caller, refs: readonly { table: DomainTable; id: string }[]): Promise<ChangedRow[]> {
  const byTable = new Map<DomainTable, string[]>();
  for (const ref of refs) byTable.set(ref.table, [...(byTable.get(ref.table) ?? []), ref.id]);
  const out: ChangedRow[] = [];
  for (const [table, ids] of byTable) {
    const rows = await db
      .select({ id: records.id, version: records.version, row: records.row })
      .from(records)
      .where(and(eq(records.teamId, caller.teamId), eq(records.tbl, table), inArray(records.id, ids)));
    for (const r of rows) out.push({ table, id: r.id, version: r.version, row: r.row });
  }
  return out;
}
