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

type Row = { id: string } & Record<string, unknown>;
interface Written {
  row: Row;
  version: number;
  /** Author if the row is new (null for shipped rows); a row already stored keeps its author. */
  author: string | null;
}

/**
 * The rows a push writes, kept in memory until the push's transaction ends and then written in a
 * few multi-row statements. Mutators read through it, so each mutation sees those before it in the
 * same push. (Round trips, not SQL, are what a push spends its time on: one SELECT per mutation
 * instead of a savepoint, a SELECT, an INSERT and a release.)
 */
export class WriteBatch {
  private readonly rows = new Map<DomainTable, Map<string, Written>>();

  constructor(
    private readonly db: Executor,
    private readonly teamId: string,
  ) {}

  async read<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    const mine = this.rows.get(table);
    const missing = [...new Set(ids.filter((id) => !mine?.has(id)))];
    const stored = new Map<string, T>();
    for (const part of chunks(missing)) {
      const found = await this.db
        .select({ id: records.id, row: records.row })
        .from(records)
        .where(and(eq(records.teamId, this.teamId), eq(records.tbl, table), inArray(records.id, part)));
      for (const r of found) stored.set(r.id, r.row as T);
    }
    // Copies, as a database hands out: a mutator changing what it read must not change what was written.
    return ids.map((id) => (mine?.has(id) ? (structuredClone(mine.get(id)!.row) as T) : stored.get(id)));
  }

  /** Who first wrote each row: a person id, `null` for shipped rows, absent when there is no such row. */
  async authors(table: DomainTable, ids: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const part of chunks([...new Set(ids)])) {
      const found = await this.db
        .select({ id: records.id, author: records.authorPersonId })
        .from(records)
        .where(and(eq(records.teamId, this.teamId), eq(records.tbl, table), inArray(records.id, part)));
      for (const r of found) out.set(r.id, r.author);
    }
    for (const id of ids) {
      const pending = this.rows.get(table)?.get(id);
      if (!out.has(id) && pending) out.set(id, pending.author);
    }
    return out;
  }

  /** Takes the writes of one mutation that succeeded. */
  accept(writes: ReadonlyMap<DomainTable, ReadonlyMap<string, Written>>): void {
    for (const [table, rows] of writes) {
      let mine = this.rows.get(table);
      if (!mine) this.rows.set(table, (mine = new Map()));
      for (const [id, written] of rows) mine.set(id, { ...written, author: mine.has(id) ? mine.get(id)!.author : written.author });
    }
  }

  async flush(): Promise<void> {
    for (const [table, rows] of this.rows) {
      for (const part of chunks([...rows.values()])) {
        await this.db
          .insert(records)
          .values(part.map((w) => ({ teamId: this.teamId, tbl: table, id: w.row.id, row: w.row, version: w.version, authorPersonId: w.author })))
          .onConflictDoUpdate({
            target: [records.teamId, records.tbl, records.id],
            // The author stays whoever wrote the row first.
            set: { row: sql`excluded.row`, version: sql`excluded.version` },
          });
      }
    }
    this.rows.clear();
  }
}

/**
 * The team server's MutationStore: what one pushed mutation reads and writes, over the push's
 * WriteBatch. Its writes stay here until the mutator returns; a mutation refused half-way is simply
 * dropped, with nothing to undo. Every row it writes gets the mutation's team version, which is
 * what pull pages by.
 */
export class SqlStore implements MutationStore {
  private readonly writes = new Map<DomainTable, Map<string, Written>>();

  constructor(
    private readonly batch: WriteBatch,
    readonly hlc: string,
    /** The person acting (their id on this server). */
    readonly actor: string,
    readonly now: Date,
    private readonly version: number,
    private readonly shipped: ShippedLibrary,
  ) {}

  /** Whether the mutation wrote anything (a replayed import of identical rows writes nothing). */
  get written(): boolean {
    return this.writes.size > 0;
  }

  async getMany<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    const mine = this.writes.get(table);
    const fromBatch = await this.batch.read<T>(table, ids.filter((id) => !mine?.has(id)));
    let next = 0;
    return ids.map((id) => (mine?.has(id) ? (structuredClone(mine.get(id)!.row) as T) : fromBatch[next++]));
  }

  async put<T extends { id: string }>(table: DomainTable, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    let mine = this.writes.get(table);
    if (!mine) this.writes.set(table, (mine = new Map()));
    for (const row of rows) {
      // A copy: the mutator may go on using its object, and the batch must keep what was written.
      const copy = structuredClone(row) as unknown as Row;
      mine.set(row.id, { row: copy, version: this.version, author: this.shipped.has(table, row) ? null : this.actor });
    }
  }

  async authorsOf(table: DomainTable, ids: readonly string[]): Promise<Map<string, string | null>> {
    return this.batch.authors(table, ids);
  }

  /** Hands the mutation's writes to the push, once the mutator succeeded. */
  commit(): void {
    this.batch.accept(this.writes);
  }
}
