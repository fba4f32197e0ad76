import { sql, type SQL } from 'drizzle-orm';
import type { DomainTable } from '../../../shared/mutations/store';
import type { Executor } from '../db/connect';
import { POKE_CHANNEL } from './poke';

/** A row a group of pushes wrote, as `records` keeps it. */
export interface WrittenRow {
  table: DomainTable;
  row: { id: string } & Record<string, unknown>;
  version: number;
  /** Author if the row is new (null for shipped rows); a row already stored keeps its author. */
  author: string | null;
}

/** One handled mutation, as `mutations` keeps it. */
export interface LoggedMutation {
  deviceId: string;
  seq: number;
  mutationId: string;
  name: string;
  hlc: string;
  personId: string;
  status: 'applied' | 'refused';
  version: number | null;
  refusal: Record<string, unknown> | null;
  receivedAt: Date;
}

export interface GroupWrites {
  teamId: string;
  rows: readonly WrittenRow[];
  log: readonly LoggedMutation[];
  /** Devices whose lastSeq moved. */
  devices: readonly { id: string; lastSeq: number }[];
  /** The team's new version, when the group changed it; its NOTIFY goes with it. */
  version: number | null;
}

/**
 * Everything a group of pushes writes, in one statement (data-modifying WITH queries): rows,
 * mutation log, devices' lastSeq, the team's version and its NOTIFY. Each list travels as one
 * JSON parameter that PostgreSQL unpacks (jsonb_to_recordset), so the statement has five
 * parameters however many rows there are. The group holds its team's lock until it commits, and
 * every round trip made meanwhile is time the team's other pushes wait.
 *
 * A row already stored keeps its author: whoever wrote it first. The parts touch different tables and none reads what another writes, which is what statements in
 * one WITH may do (they share one snapshot). The NOTIFY is delivered at commit, and only if the
 * transaction commits. Column lists follow server/src/db/schema.ts (the migrations' names).
 */
export async function writeGroup(db: Executor, w: GroupWrites): Promise<void> {
  const parts: SQL[] = [];
  if (w.rows.length > 0) {
    const rows = w.rows.map((r) => ({ tbl: r.table, id: r.row.id, row: r.row, version: r.version, author: r.author }));
    parts.push(sql`written as (
      insert into records (team_id, tbl, id, "row", version, author_person_id)
      select ${w.teamId}, r.tbl, r.id, r."row", r.version, r.author
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(tbl text, id text, "row" jsonb, version bigint, author text)
      on conflict (team_id, tbl, id) do update set "row" = excluded."row", version = excluded.version)`);
  }
  if (w.log.length > 0) {
    const log = w.log.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() }));
    parts.push(sql`logged as (
      insert into mutations (team_id, device_id, seq, mutation_id, name, hlc, person_id, status, version, refusal, received_at)
      select ${w.teamId}, m."deviceId", m.seq, m."mutationId", m.name, m.hlc, m."personId", m.status, m.version, m.refusal, m."receivedAt"
        from jsonb_to_recordset(${JSON.stringify(log)}::jsonb)
          as m("deviceId" text, seq bigint, "mutationId" text, name text, hlc text, "personId" text, status text, version bigint, refusal jsonb, "receivedAt" timestamptz))`);
  }
  if (w.devices.length > 0) {
    parts.push(sql`moved as (
      update devices set last_seq = d."lastSeq"
        from jsonb_to_recordset(${JSON.stringify(w.devices)}::jsonb) as d(id text, "lastSeq" bigint)
        where devices.team_id = ${w.teamId} and devices.id = d.id)`);
  }
  if (w.version !== null) parts.push(sql`bumped as (update teams set version = ${w.version}::bigint where id = ${w.teamId})`);
  if (parts.length === 0) return;
  const last = w.version === null ? sql`select 1` : sql`select pg_notify(${POKE_CHANNEL}, ${`${w.teamId} ${w.version}`})`;
  await db.execute(sql`with ${sql.join(parts, sql`, `)} ${last}`);
}
