import type { z } from 'zod';
import {
  answerRevisionSchema,
  answerSchema,
  approvalSchema,
  callAttemptSchema,
  channelAccountSchema,
  checklistItemSchema,
  contactTreeSchema,
  copyEventSchema,
  incidentSchema,
  logEntrySchema,
  personSchema,
  playbookRevisionSchema,
  playbookSchema,
} from '../domain';
import { mergeRecords } from '../merge/lww';
import type { DomainTable } from '../mutations/store';

/**
 * How each table merges a row that arrives from the team server (DESIGN.md, "Merge rules"):
 * editable records merge field by field by HLC, so a local edit not yet pushed stays on top; history
 * and revisions are immutable, so the server's copy is the copy.
 */
export const TABLE_RULES = {
  answers: { schema: answerSchema, editable: true },
  answerRevisions: { schema: answerRevisionSchema, editable: false },
  approvals: { schema: approvalSchema, editable: false },
  copyEvents: { schema: copyEventSchema, editable: false },
  playbooks: { schema: playbookSchema, editable: true },
  playbookRevisions: { schema: playbookRevisionSchema, editable: false },
  people: { schema: personSchema, editable: true },
  contactTrees: { schema: contactTreeSchema, editable: true },
  channelAccounts: { schema: channelAccountSchema, editable: true },
  incidents: { schema: incidentSchema, editable: true },
  checklistItems: { schema: checklistItemSchema, editable: true },
  logEntries: { schema: logEntrySchema, editable: false },
  callAttempts: { schema: callAttemptSchema, editable: false },
} as const satisfies Record<DomainTable, { schema: z.ZodType; editable: boolean }>;

type Row = { id: string } & Record<string, unknown>;

/** The row to keep when `remote` arrives and `local` (if any) is what this machine holds. */
export function mergeIncoming(table: DomainTable, local: Row | undefined, remote: Row): Row {
  if (!local || !TABLE_RULES[table].editable) return remote;
  return mergeRecords(local as Row & { clock: Record<string, string> }, remote as Row & { clock: Record<string, string> });
}
