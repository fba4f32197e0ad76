import Dexie, { type Table } from 'dexie';
import type {
  Answer,
  AnswerRevision,
  Approval,
  CallAttempt,
  ChannelAccount,
  ChecklistItem,
  ContactTree,
  CopyEvent,
  Incident,
  LogEntry,
  Person,
  Playbook,
  PlaybookRevision,
} from '@shared/domain';
import type { OutboxEntry } from '@shared/mutations';
import type { DomainTable } from '@shared/mutations/store';

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'calma';

/**
 * The store layout of the whole domain. Version 1 already holds every table the design names, so
 * features add code, not migrations. Index choices follow the queries the features make.
 */
export const SCHEMA_V1 = {
  answers: 'id, *tags, *scenarios',
  answerRevisions: 'id, answerId, [answerId+number]',
  approvals: 'id, [subject+subjectId], revisionId',
  copyEvents: 'id, answerId, at, incidentId',
  playbooks: 'id, scenario',
  playbookRevisions: 'id, playbookId, [playbookId+number]',
  people: 'id, *roles, email',
  contactTrees: 'id',
  channelAccounts: 'id, channel',
  incidents: 'id, status, declaredAt',
  checklistItems: 'id, incidentId, [incidentId+order]',
  logEntries: 'id, incidentId, [incidentId+at]',
  callAttempts: 'id, incidentId, [incidentId+at]',
  outbox: 'seq',
  meta: 'key',
} as const satisfies Record<DomainTable | 'outbox' | 'meta', string>;

export type TableName = keyof typeof SCHEMA_V1;

export class CalmaDatabase extends Dexie {
  answers!: Table<Answer, string>;
  answerRevisions!: Table<AnswerRevision, string>;
  approvals!: Table<Approval, string>;
  copyEvents!: Table<CopyEvent, string>;
  playbooks!: Table<Playbook, string>;
  playbookRevisions!: Table<PlaybookRevision, string>;
  people!: Table<Person, string>;
  contactTrees!: Table<ContactTree, string>;
  channelAccounts!: Table<ChannelAccount, string>;
  incidents!: Table<Incident, string>;
  checklistItems!: Table<ChecklistItem, string>;
  logEntries!: Table<LogEntry, string>;
  callAttempts!: Table<CallAttempt, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}
