import { and, eq, inArray, sql } from 'drizzle-orm';
import { DOMAIN_TABLES, type DomainTable } from '../../../shared/mutations/store';
import { PULL_PAGE_DEFAULT, type ChangedRow } from '../../../shared/sync/protocol';
import type { Caller } from '../auth/authenticate';
import type { Db } from '../db/connect';
import { records } from '../db/schema';
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

/** What the pull statement returns: JSON as text, numbers as text (int8 reads differently in pg and PGlite). */
interface PulledPage {
  changes: string;
  more: boolean;
  last_version: string | null;
  last_tbl: string | null;
  last_id: string | null;
  team_version: string;
  last_seq: string;
  refusals: string;
}

/**
 * One page of everything in the team after `cursor`, tombstones included (a deleted record is a
 * row with `deleted: true`), as the JSON text of a PullResponse.
 *
 * Read in one statement, so in one snapshot: the page, the team version, the device's lastSeq and
 * its refusals agree with each other, in one round trip. And PostgreSQL writes the rows' JSON,
 * which passes through here untouched: every device pulls every change, so on a busy team pulls
 * are most of the server's work, and parsing those rows only to write them out again was most of
 * that.
 */
export async function pullJson(db: Db, caller: Caller, request: { deviceId: string; cursor: string | null; limit?: number }): Promise<string> {
  if (request.deviceId !== caller.deviceId) {
    throw new ApiError(403, 'device-mismatch', `this token belongs to device ${caller.deviceId}, not ${request.deviceId}`);
  }
  const after = decodeCursor(request.cursor);
  const limit = request.limit ?? PULL_PAGE_DEFAULT;
  const team = caller.teamId;
  // One row more than the page tells whether more are waiting. The same order everywhere (the
  // columns' collation), as the cursor's row comparison uses.
  const result = await db.execute(sql`
    with ahead as (
      select tbl, id, version, "row" from records
       where team_id = ${team} and (version, tbl, id) > (${after.version}::bigint, ${after.tbl}::text, ${after.id}::text)
       order by version, tbl, id
       limit ${limit + 1}
    ), page as (
      select * from ahead order by version, tbl, id limit ${limit}
    ), last as (
      select version, tbl, id from page order by version desc, tbl desc, id desc limit 1
    ), refused as (
      select refusal, seq from mutations
       where team_id = ${team} and device_id = ${caller.deviceId} and status = 'refused'
       order by seq desc
       limit ${PULL_REFUSALS_MAX}
    )
    select
      coalesce((select json_agg(json_build_object('table', tbl, 'id', id, 'version', version, 'row', "row") order by version, tbl, id) from page), '[]')::text as changes,
      (select count(*) from ahead) > ${limit} as more,
      (select version from last)::text as last_version,
      (select tbl from last) as last_tbl,
      (select id from last) as last_id,
      coalesce((select version from teams where id = ${team}), 0)::text as team_version,
      coalesce((select last_seq from devices where team_id = ${team} and id = ${caller.deviceId}), 0)::text as last_seq,
      coalesce((select json_agg(refusal order by seq) from refused), '[]')::text as refusals`);
  const r = (result as unknown as { rows: PulledPage[] }).rows[0]!;
  const cursor = r.last_version === null ? request.cursor : encodeCursor({ version: Number(r.last_version), tbl: r.last_tbl!, id: r.last_id! });
  // Keys in PullResponse's order; the two JSON parts come from PostgreSQL as they are.
  return `{"changes":${r.changes},"cursor":${JSON.stringify(cursor)},"more":${r.more ? 'true' : 'false'},"teamVersion":${Number(r.team_version)},"lastSeq":${Number(r.last_seq)},"refusals":${r.refusals}}`;
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
