import type { Table } from 'dexie';
import type { CalmaDatabase, TableName } from './database';

/**
 * What a mutator gets inside the mutation's transaction: the tables, the HLC stamp of this
 * mutation, who is acting and when. It records every row it writes so that, once the transaction
 * commits, listeners (the search worker, other windows) learn exactly what changed.
 */
export class MutationWriter {
  readonly touched = new Map<TableName, Set<string>>();

  constructor(
    readonly db: CalmaDatabase,
    readonly hlc: string,
    readonly actor: string,
    readonly now: Date,
  ) {}

  table<T>(name: TableName): Table<T, string> {
    return this.db.table(name) as Table<T, string>;
  }

  async put<T extends { id: string }>(name: TableName, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    await this.table<T>(name).bulkPut(rows as T[]);
    this.mark(name, rows);
  }

  async getMany<T>(name: TableName, ids: readonly string[]): Promise<(T | undefined)[]> {
    return this.table<T>(name).bulkGet(ids as string[]);
  }

  private mark(name: TableName, rows: readonly { id: string }[]): void {
    let set = this.touched.get(name);
    if (!set) this.touched.set(name, (set = new Set()));
    for (const row of rows) set.add(row.id);
  }
}
