import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DomainTable, MutationStore } from '../../../shared/mutations/store';
import type { Executor } from '../db/connect';
import { records } from '../db/schema';
import type { ShippedLibrary } from './shippedLibrary';

// Well under PostgreSQL's 65,535 bind parameters per statement (6 per inserted row).
const CHUNK = 1000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The team server's MutationStore: the shared mutators read and write one team's `records` inside
 * the push transaction. Every row a mutation writes gets that mutation's team version, which is
 * what pull pages by. The first writer of a row is kept as its author (for "nobody approves a
 * revision they wrote"); rows of the shipped library have none.
 */
export class SqlStore implements MutationStore {
  /** Whether the mutation wrote anything (a replayed import of identical rows writes nothing). */
  written = false;

  constructor(
    private readonly db: Executor,
    private readonly teamId: string,
    readonly hlc: string,
    /** The person acting (their id on this server). */
    readonly actor: string,
    readonly now: Date,
    private readonly version: number,
    private readonly shipped: ShippedLibrary,
  ) {}

  async getMany<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    if (ids.length === 0) return [];
    const found = new Map<string, T>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .select({ id: records.id, row: records.row })
        .from(records)
        .where(and(eq(records.teamId, this.teamId), eq(records.tbl, table), inArray(records.id, part)));
      for (const r of rows) found.set(r.id, r.row as T);
    }
    return ids.map((id) => found.get(id));
  }

  async put<T extends { id: string }>(table: DomainTable, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    // One statement may not touch a row twice (ON CONFLICT); the last write of an id is the one that counts.
    const byId = new Map<string, T>();
    for (const row of rows) byId.set(row.id, row);
    for (const part of chunks([...byId.values()])) {
      await this.db
        .insert(records)
        .values(
          part.map((row) => ({
            teamId: this.teamId,
            tbl: table,
            id: row.id,
            row: row as unknown as Record<string, unknown>,
            version: this.version,
            authorPersonId: this.shipped.has(table, row) ? null : this.actor,
          })),
        )
        .onConflictDoUpdate({
          target: [records.teamId, records.tbl, records.id],
          set: { row: sql`excluded.row`, version: sql`excluded.version` },
        });
    }
    this.written = true;
  }

  /** Who first wrote each row: a person id, `null` for shipped rows, absent when there is no such row. */
  async authorsOf(table: DomainTable, ids: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .select({ id: records.id, author: records.authorPersonId })
        .from(records)
        .where(and(eq(records.teamId, this.teamId), eq(records.tbl, table), inArray(records.id, part)));
      for (const r of rows) out.set(r.id, r.author);
    }
    return out;
  }
}
