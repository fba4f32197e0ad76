import { z } from 'zod';
import { approvalSchema, idSchema, isoDateSchema, localizedSchema, playbookRevisionSchema, playbookSchema } from '../domain';

/** Playbooks are revised like answers: edits are new revisions, approvals name one of them. */
export const playbookMutations = {
  'playbook.create': z.object({ playbook: playbookSchema, revision: playbookRevisionSchema }),
  'playbook.update': z.object({
    id: idSchema,
    fields: z
      .object({
        title: localizedSchema,
        scenario: z.string().min(1).max(60),
        ownerId: idSchema.nullable(),
        lastReviewedAt: isoDateSchema.nullable(),
      })
      .partial(),
  }),
  'playbook.revise': z.object({ revision: playbookRevisionSchema }),
  'playbook.approve': z.object({ approval: approvalSchema }),
  'playbook.delete': z.object({ id: idSchema }),
  /** A batch of playbook rows (import, or the shipped library on first start). */
  'playbookLibrary.import': z.object({
    source: z.string().max(300),
    playbooks: z.array(playbookSchema),
    revisions: z.array(playbookRevisionSchema),
    approvals: z.array(approvalSchema),
  }),
} as const;
