import type { Table } from 'dexie';
import type { DomainTable, MutationStore } from '@shared/mutations/store';
import type { CalmaDatabase } from './database';

/**
 * The console's mutation store: the Dexie tables inside the mutation's transaction. It records
 * every row written so that, once the transaction commits, listeners (the search worker, other
 * windows) learn exactly what changed.
 */
export class MutationWriter implements MutationStore {
  readonly touched = new Map<DomainTable, Set<string>>();

  constructor(
    readonly db: CalmaDatabase,
    readonly hlc: string,
    readonly actor: string,
    readonly now: Date,
  ) {}

  private table<T>(name: DomainTable): Table<T, string> {
    return this.db.table(name) as Table<T, string>;
  }

  async put<T extends { id: string }>(name: DomainTable, rows: readonly T[]): Promise<void> {
    if (rows.length === 0) return;
    await this.table<T>(name).bulkPut(rows as T[]);
    this.mark(name, rows);
  }

  async getMany<T>(name: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    return this.table<T>(name).bulkGet(ids as string[]);
  }

  private mark(name: DomainTable, rows: readonly { id: string }[]): void {
    let set = this.touched.get(name);
    if (!set) this.touched.set(name, (set = new Set()));
    for (const row of rows) set.add(row.id);
  }
}
