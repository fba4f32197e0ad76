import { z } from 'zod';
import { editableFields, idSchema, isoDateSchema } from './common';
import { channelSchema } from './channels';
import { severitySchema } from './playbooks';

/** The organisation's own accounts on each channel (who holds them, so access can be reviewed). */
export const channelAccountSchema = z.object({
  ...editableFields,
  channel: channelSchema,
  handle: z.string().min(1).max(200),
  ownerId: idSchema.nullable().default(null),
  notes: z.string().default(''),
});
export type ChannelAccount = z.infer<typeof channelAccountSchema>;

export const INCIDENT_STATUSES = ['declared', 'active', 'monitoring', 'resolved'] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const incidentSchema = z.object({
  ...editableFields,
  title: z.string().min(1).max(300),
  playbookId: idSchema.nullable().default(null),
  /** The playbook revision the incident started with; later edits of the playbook do not change it. */
  playbookRevisionId: idSchema.nullable().default(null),
  severity: severitySchema,
  status: incidentStatusSchema,
  leadId: z.string().min(1),
  declaredAt: isoDateSchema,
  declaredBy: z.string().min(1),
  nextUpdateAt: isoDateSchema.nullable().default(null),
  contactTreeId: idSchema.nullable().default(null),
});
export type Incident = z.infer<typeof incidentSchema>;

export const checklistItemSchema = z.object({
  ...editableFields,
  incidentId: idSchema,
  order: z.number(),
  text: z.string(),
  role: z.string().default(''),
  ownerId: z.string().nullable().default(null),
  dueAt: isoDateSchema.nullable(),
  required: z.boolean().default(true),
  done: z.boolean().default(false),
  doneBy: z.string().nullable().default(null),
  doneAt: isoDateSchema.nullable().default(null),
  answerIds: z.array(idSchema).default([]),
  source: z.enum(['playbook', 'adhoc']),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** Append-only incident log; a correction is a new entry that points at the one it corrects. */
export const logEntrySchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  kind: z.enum(['note', 'decision', 'statement', 'status', 'correction']),
  text: z.string(),
  by: z.string().min(1),
  at: isoDateSchema,
  correctsId: idSchema.nullable().default(null),
  answerId: idSchema.nullable().default(null),
  revisionId: idSchema.nullable().default(null),
  channel: channelSchema.nullable().default(null),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
