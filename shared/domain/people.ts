import { z } from 'zod';
import { editableFields, idSchema, isoDateSchema } from './common';

export const personSchema = z.object({
  ...editableFields,
  name: z.string().min(1).max(200),
  roles: z.array(z.string().min(1).max(80)).default([]),
  phones: z.array(z.string().min(3).max(40)).default([]),
  email: z.string().max(254).default(''),
  /** IANA zone, e.g. Europe/Madrid. */
  timeZone: z.string().default('UTC'),
  workingHours: z
    .object({
      days: z.array(z.number().int().min(0).max(6)),
      start: z.string().regex(/^\d{2}:\d{2}$/),
      end: z.string().regex(/^\d{2}:\d{2}$/),
    })
    .nullable()
    .default(null),
  backupId: idSchema.nullable().default(null),
  notes: z.string().default(''),
  verifiedAt: isoDateSchema.nullable().default(null),
  /** People who left are kept for the record and never called. */
  left: z.boolean().default(false),
});
export type Person = z.infer<typeof personSchema>;

export const contactTreeNodeSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  order: z.number(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), personId: idSchema }),
    z.object({ kind: z.literal('role'), role: z.string().min(1) }),
  ]),
  /** After this many minutes without reaching the node, the caller moves on to the backup. */
  escalateAfterMinutes: z.number().int().min(1).max(24 * 60).default(10),
});

export const contactTreeSchema = z.object({
  ...editableFields,
  name: z.string().min(1).max(200),
  nodes: z.array(contactTreeNodeSchema).default([]),
});
export type ContactTree = z.infer<typeof contactTreeSchema>;

/** Append-only: one row per attempt to reach someone during an incident. */
export const callAttemptSchema = z.object({
  id: idSchema,
  incidentId: idSchema,
  treeId: idSchema,
  nodeId: idSchema,
  personId: idSchema.nullable(),
  outcome: z.enum(['reached', 'voicemail', 'no-answer', 'wrong-number', 'unavailable', 'escalated']),
  by: z.string().min(1),
  at: isoDateSchema,
  note: z.string().default(''),
  /**
   * Escalations only: when the person's time ran out. `at` is when a console noticed and recorded
   * it, later when it was asleep or in the background; the backup's turn starts at `at`, so the
   * lead gets a real chance to call them. Null for other attempts and for rows written before the
   * field existed (an older server or console keeps parsing them).
   */
  dueAt: isoDateSchema.nullable().default(null),
});
export type CallAttempt = z.infer<typeof callAttemptSchema>;
