import { z } from 'zod';
import { editableFields, idSchema, isoDateSchema, localizedSchema } from './common';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const playbookStepSchema = z.object({
  id: idSchema,
  /** Markdown, per language. */
  text: localizedSchema,
  /** The role that owns the step; the incident assigns whoever holds it. */
  role: z.string().min(1).max(80),
  /** Deadline as minutes after the incident was declared. */
  offsetMinutes: z.number().int().min(0).max(60 * 24 * 90),
  required: z.boolean().default(true),
  answerIds: z.array(idSchema).default([]),
});
export type PlaybookStep = z.infer<typeof playbookStepSchema>;

export const playbookSchema = z.object({
  ...editableFields,
  title: localizedSchema,
  /** Scenario key shared with answers (e.g. `hijacked-account`). */
  scenario: z.string().min(1).max(60),
  ownerId: idSchema.nullable().default(null),
  lastReviewedAt: isoDateSchema.nullable().default(null),
  createdAt: isoDateSchema,
  createdBy: z.string().min(1),
});
export type Playbook = z.infer<typeof playbookSchema>;

/** Like answer revisions: immutable; the approved one is what new incidents use. */
export const playbookRevisionSchema = z.object({
  id: idSchema,
  playbookId: idSchema,
  number: z.number().int().positive(),
  basedOn: idSchema.nullable().default(null),
  whenToUse: localizedSchema,
  severities: z.array(z.object({ level: severitySchema, meaning: localizedSchema })),
  steps: z.array(playbookStepSchema),
  contactTreeId: idSchema.nullable().default(null),
  createdAt: isoDateSchema,
  createdBy: z.string().min(1),
});
export type PlaybookRevision = z.infer<typeof playbookRevisionSchema>;
