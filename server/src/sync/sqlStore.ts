import { and, eq, inArray } from 'drizzle-orm';
import type { DomainTable, MutationStore } from '../../../shared/mutations/store';
import type { Executor } from '../db/connect';
import { records } from '../db/schema';
import type { WrittenRow } from './groupWrites';
import type { ShippedLibrary } from './shippedLibrary';

// Ids per read, well under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1000;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type Row = WrittenRow['row'];
type Written = Omit<WrittenRow, 'table'>;

type Stored = { row: Row; author: string | null };

/**
 * Thrown by a read, while a batch is learning what a group of pushes reads (see `runLearning`),
 * for rows not loaded yet: the mutation stops there, and its run will be thrown away.
 */
export class RowsNotLoaded extends Error {
  constructor() {
    super('rows not loaded yet');
    this.name = 'RowsNotLoaded';
  }
}
// One instance, thrown again and again: it is thrown often, and a stack trace would be wasted work.
const NOT_LOADED = new RowsNotLoaded();

/**
 * The rows a group of pushes reads and writes. It runs inside the push transaction, after the team
 * row was locked, so the team's stored rows cannot change until it ends (only pushes write them,
 * and they all take that lock first): what it read once it keeps. Writes stay in memory until the
 * transaction ends and are then written in one statement (writeGroup). Mutators read through it,
 * so each mutation sees those before it in the same group. (Round trips, not SQL, are what a push
 * spends its time on, all of it while holding its team's lock.)
 */
export class WriteBatch {
  private readonly rows = new Map<DomainTable, Map<string, Written>>();
  /** Rows as stored, by table and id; `null`: no such row. */
  private readonly stored = new Map<DomainTable, Map<string, Stored | null>>();
  /** While learning: the rows asked for and not loaded. Otherwise null, and reads load what they miss. */
  private misses: Map<DomainTable, Set<string>> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly teamId: string,
  ) {}

  /**
   * Runs `work` (every mutation of a group, in order, over this batch) so that the rows it reads are
   * loaded in a statement or two for the whole group rather than one statement per read. Each
   * learning run stops every mutation at its first read of rows not loaded yet; those rows, for all
   * the mutations, are then loaded in one statement and `work` runs again, from a clean batch. A run
   * that asked for anything new is thrown away whatever it did; the first that asked for nothing
   * new is the result: every read it made was answered from the stored rows, as the database would
   * have answered it (mutators are pure functions of what they read). After `rounds` learning runs (a mutation whose reads
   * depend on each other more deeply than that), the last run loads what it misses as it goes.
   * `work` must start from scratch on each call and keep nothing from the runs thrown away.
   */
  async runLearning<T>(work: () => Promise<T>, rounds: number): Promise<T> {
    for (let round = 0; round < rounds; round += 1) {
      const misses = new Map<DomainTable, Set<string>>();
      this.misses = misses;
      let result: T;
      try {
        result = await work();
      } finally {
        this.misses = null;
      }
      if (misses.size === 0) return result;
      this.rows.clear();
      await this.load(misses);
    }
    return work();
  }

  async read<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    const mine = this.rows.get(table);
    await this.need(table, ids.filter((id) => !mine?.has(id)));
    const stored = this.stored.get(table);
    // Copies, as a database hands out: a mutator changing what it read must not change what was written.
    return ids.map((id) => {
      const row = mine?.get(id)?.row ?? stored?.get(id)?.row;
      return row === undefined ? undefined : (structuredClone(row) as T);
    });
  }

  /** Who first wrote each row: a person id, `null` for shipped rows, absent when there is no such row. */
  async authors(table: DomainTable, ids: readonly string[]): Promise<Map<string, string | null>> {
    await this.need(table, ids);
    const out = new Map<string, string | null>();
    for (const id of ids) {
      const stored = this.stored.get(table)?.get(id);
      const pending = this.rows.get(table)?.get(id);
      if (stored) out.set(id, stored.author);
      else if (pending) out.set(id, pending.author);
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

  /** What the group wrote, to be written to `records` before commit (see writeGroup). */
  written(): WrittenRow[] {
    return [...this.rows].flatMap(([table, rows]) => [...rows.values()].map((w) => ({ table, ...w })));
  }

  /** Makes sure the stored rows `ids` of `table` are known (or, while learning, notes them and stops the mutation). */
  private async need(table: DomainTable, ids: readonly string[]): Promise<void> {
    const known = this.stored.get(table);
    const missing = ids.filter((id) => !known?.has(id));
    if (missing.length === 0) return;
    const wanted = new Map([[table, new Set(missing)]]);
    if (!this.misses) return this.load(wanted);
    for (const id of missing) {
      let set = this.misses.get(table);
      if (!set) this.misses.set(table, (set = new Set()));
      set.add(id);
    }
    throw NOT_LOADED;
  }

  /** Loads rows of several tables together, remembering those that do not exist as well. */
  private async load(wanted: ReadonlyMap<DomainTable, ReadonlySet<string>>): Promise<void> {
    const keys = [...wanted].flatMap(([table, ids]) => [...ids].map((id) => ({ table, id })));
    for (const part of chunks(keys)) {
      const tables = [...new Set(part.map((k) => k.table))];
      const ids = [...new Set(part.map((k) => k.id))];
      // Tables and ids each in a list: the primary key's index serves it, and the odd row of
      // another table with a wanted id is simply not taken.
      const found = await this.db
        .select({ tbl: records.tbl, id: records.id, row: records.row, author: records.authorPersonId })
        .from(records)
        .where(and(eq(records.teamId, this.teamId), inArray(records.tbl, tables), inArray(records.id, ids)));
      for (const r of found) {
        if (wanted.get(r.tbl as DomainTable)?.has(r.id)) this.storedOf(r.tbl as DomainTable).set(r.id, { row: r.row as Row, author: r.author });
      }
    }
    for (const { table, id } of keys) {
      const stored = this.storedOf(table);
      if (!stored.has(id)) stored.set(id, null);
    }
  }

  private storedOf(table: DomainTable): Map<string, Stored | null> {
    let map = this.stored.get(table);
    if (!map) this.stored.set(table, (map = new Map()));
    return map;
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
