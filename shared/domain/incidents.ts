import { z } from 'zod';
import { editableFields, idSchema, isoDateSchema, localizedSchema } from './common';
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
  /** Who leads: a person of the directory when known, and always a name to show. */
  lead: z.object({ personId: idSchema.nullable(), name: z.string().min(1).max(200) }),
  declaredAt: isoDateSchema,
  declaredBy: z.string().min(1),
  nextUpdateAt: isoDateSchema.nullable().default(null),
  /**
   * The call tree of the incident: preselected from the playbook at the declaration, or chosen in
   * the call panel. Choosing is not starting: see contactTreeActivatedAt.
   */
  contactTreeId: idSchema.nullable().default(null),
  /**
   * When the call tree was activated (or last restarted from the top); null while it is only
   * chosen. Always written together with contactTreeId, in one patch, so that the per-field merge
   * keeps the pair from the same write (see shared/contactTrees/activation.ts).
   */
  contactTreeActivatedAt: isoDateSchema.nullable().default(null),
});
export type Incident = z.infer<typeof incidentSchema>;

export const checklistItemSchema = z.object({
  ...editableFields,
  incidentId: idSchema,
  order: z.number(),
  /** Both languages for steps from a playbook; an ad-hoc step has the same text in both. */
  text: localizedSchema,
  role: z.string().default(''),
  /** The owner: a person of the directory when one holds the role, and the name to show. */
  ownerId: idSchema.nullable().default(null),
  ownerName: z.string().max(200).default(''),
  /** The playbook step this item came from (null for ad-hoc steps). */
  stepId: idSchema.nullable().default(null),
  dueAt: isoDateSchema.nullable(),
  required: z.boolean().default(true),
  done: z.boolean().default(false),
  doneBy: z.string().nullable().default(null),
  doneAt: isoDateSchema.nullable().default(null),
  /** The log entry whose tick or untick the item shows now (see shared/incidents/disputes.ts). */
  doneEntryId: idSchema.nullable().default(null),
  answerIds: z.array(idSchema).default([]),
  source: z.enum(['playbook', 'adhoc']),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const LOG_KINDS = ['declared', 'note', 'decision', 'statement', 'status', 'step', 'correction'] as const;
export const STEP_ACTIONS = ['done', 'undone', 'added', 'reassigned'] as const;

/**
 * Append-only incident log: what people wrote (notes, decisions, public statements) and what they
 * did (declared, changed the status, ticked, unticked, added or reassigned a step). A correction is
 * a new entry that points at the one it corrects; nothing is ever edited or removed.
 */
export const logEntrySchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  kind: z.enum(LOG_KINDS),
  text: z.string().max(20_000).default(''),
  by: z.string().min(1),
  at: isoDateSchema,
  correctsId: idSchema.nullable().default(null),
  /** For statements: the answer revision that was copied, to which channel. */
  answerId: idSchema.nullable().default(null),
  revisionId: idSchema.nullable().default(null),
  channel: channelSchema.nullable().default(null),
  /** For step entries: which step, and what happened to it. */
  itemId: idSchema.nullable().default(null),
  action: z.enum(STEP_ACTIONS).nullable().default(null),
  /**
   * For ticks and unticks: the entry whose state the author saw when acting (the step's
   * `doneEntryId` then). See shared/incidents/disputes.ts.
   */
  basis: idSchema.nullable().optional(),
  /** For ticks and unticks: concurrent changes the author was shown beside `basis` (they settle them). */
  settles: z.array(idSchema).max(200).optional(),
  /** For status entries: the status moved to. */
  status: incidentStatusSchema.nullable().default(null),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
