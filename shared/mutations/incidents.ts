import { z } from 'zod';
import { treeChoiceProblem } from '../contactTrees/activation';
import { checklistItemSchema, idSchema, incidentSchema, incidentStatusSchema, isoDateSchema, localizedSchema, logEntrySchema, severitySchema } from '../domain';

/**
 * Incident mutations. History (the log) is only ever appended to; incident fields and checklist
 * item state are editable records merged field by field.
 */
export const incidentMutations = {
  /** The incident, its checklist from the playbook, and the "declared" log entry, together. */
  'incident.declare': z.object({ incident: incidentSchema, items: z.array(checklistItemSchema), entry: logEntrySchema }),
  'incident.update': z.object({
    id: idSchema,
    fields: z
      .object({
        title: z.string().min(1).max(300),
        severity: severitySchema,
        lead: incidentSchema.shape.lead,
        nextUpdateAt: isoDateSchema.nullable(),
        contactTreeId: idSchema.nullable(),
        contactTreeActivatedAt: isoDateSchema.nullable(),
      })
      .partial()
      .superRefine((fields, ctx) => {
        const problem = treeChoiceProblem(fields);
        if (problem) ctx.addIssue({ code: 'custom', path: ['contactTreeActivatedAt'], message: problem });
      }),
  }),
  /** A status change; the server and the console both check it against the status machine. */
  'incident.setStatus': z.object({ id: idSchema, status: incidentStatusSchema, entry: logEntrySchema }),
  /** Tick or untick a step, recording who and when in the step and in the log. */
  'checklist.setDone': z.object({ id: idSchema, done: z.boolean(), entry: logEntrySchema }),
  'checklist.add': z.object({ item: checklistItemSchema, entry: logEntrySchema }),
  'checklist.reassign': z.object({
    id: idSchema,
    ownerId: idSchema.nullable(),
    ownerName: z.string().max(200),
    entry: logEntrySchema,
  }),
  'checklist.edit': z.object({ id: idSchema, fields: z.object({ text: localizedSchema, dueAt: isoDateSchema.nullable(), order: z.number() }).partial() }),
  'log.append': z.object({ entry: logEntrySchema }),
} as const;
