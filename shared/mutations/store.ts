/**
 * The tables a mutation may write, the same names on every device and on the team server. The
 * outbox and local meta are not among them: they belong to one machine.
 */
export const DOMAIN_TABLES = [
  'answers',
  'answerRevisions',
  'approvals',
  'copyEvents',
  'playbooks',
  'playbookRevisions',
  'people',
  'contactTrees',
  'channelAccounts',
  'incidents',
  'checklistItems',
  'logEntries',
  'callAttempts',
] as const;
export type DomainTable = (typeof DOMAIN_TABLES)[number];

/**
 * What a mutator sees of the store it writes to: the rows, the HLC stamp of the mutation, who acts
 * and when. The console implements it over Dexie and the team server over SQL, so one set of
 * mutators (shared/mutators) decides what a mutation does everywhere.
 */
export interface MutationStore {
  readonly hlc: string;
  readonly actor: string;
  readonly now: Date;
  getMany<T>(table: DomainTable, ids: readonly string[]): Promise<(T | undefined)[]>;
  put<T extends { id: string }>(table: DomainTable, rows: readonly T[]): Promise<void>;
}
