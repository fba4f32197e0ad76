import type { DomainTable, MutationStore } from '@shared/mutations/store';
import type { CalmaDatabase } from '../db/database';

const key = (table: DomainTable, id: string) => `${table}\u0000${id}`;

/**
 * A mutation store that reads the local tables but keeps its writes aside: it tells what a
 * mutation reads and would write, and lets the caller decide whether to keep the result. Used to
 * find the rows a refused mutation touched, and to replay pending mutations on top of the server's
 * rows without leaving half a mutation behind when one of them no longer applies.
 */
export class RecordingStore implements MutationStore {
  private readonly writes = new Map<string, { table: DomainTable; row: { id: string } }>();
  private readonly reads = new Map<string, { table: DomainTable; id: string }>();

  constructor(
    private readonly db: CalmaDatabase,
    readonly hlc: string,
    readonly actor: string,
    readonly now: Date,
  ) {}

  async getMany<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]> {
    const stored = (await this.db.table(table).bulkGet(ids as string[])) as (T | undefined)[];
    return ids.map((id, i) => {
      this.reads.set(key(table, id), { table, id });
      const written = this.writes.get(key(table, id));
      return written ? (written.row as T) : stored[i];
    });
  }

  async put<T extends { id: string }>(table: DomainTable, rows: readonly T[]): Promise<void> {
    for (const row of rows) this.writes.set(key(table, row.id), { table, row });
  }

  /** Every row the mutation read or wrote. */
  refs(): { table: DomainTable; id: string }[] {
    const all = new Map(this.reads);
    for (const [k, { table, row }] of this.writes) all.set(k, { table, id: row.id });
    return [...all.values()];
  }

  /** Writes what the mutation wrote; call inside a read-write transaction. */
  async commit(): Promise<Map<DomainTable, Set<string>>> {
    const byTable = new Map<DomainTable, { id: string }[]>();
    for (const { table, row } of this.writes.values()) byTable.set(table, [...(byTable.get(table) ?? []), row]);
    const touched = new Map<DomainTable, Set<string>>();
    for (const [table, rows] of byTable) {
      await this.db.table(table).bulkPut(rows);
      touched.set(table, new Set(rows.map((r) => r.id)));
    }
    return touched;
  }
}
