import { z } from 'zod';
import {
  answerRevisionSchema,
  answerSchema,
  approvalSchema,
  copyEventSchema,
  idSchema,
  localizedSchema,
  logEntrySchema,
  variableSchema,
} from '../domain';

/**
 * Arguments of every mutation that touches the answer library. The renderer validates them before
 * writing, and the sync server validates the same shapes when they arrive, so both agree on what a
 * valid change is.
 */
export const answerMutations = {
  'answer.create': z.object({ answer: answerSchema, revision: answerRevisionSchema }),
  /** Edits of the answer's own fields (not its text: text changes are new revisions). */
  'answer.update': z.object({
    id: idSchema,
    fields: z
      .object({
        title: localizedSchema,
        tags: z.array(z.string().min(1).max(60)),
        scenarios: z.array(z.string().min(1).max(60)),
        variables: z.array(variableSchema),
      })
      .partial(),
  }),
  'answer.revise': z.object({ revision: answerRevisionSchema }),
  'answer.approve': z.object({ approval: approvalSchema }),
  'answer.delete': z.object({ id: idSchema }),
  /**
   * A copy, and optionally the public statement it became in an incident's log (same transaction,
   * so the log never names a copy that was not recorded).
   */
  'copy.record': z.object({ copy: copyEventSchema, statement: logEntrySchema.nullable().default(null) }),
  /**
   * A batch of library rows (import, or the shipped library on first start). Rows already present
   * and identical are skipped; an immutable row (revision, approval) that differs is an error.
   */
  'library.import': z.object({
    source: z.string().max(300),
    answers: z.array(answerSchema),
    revisions: z.array(answerRevisionSchema),
    approvals: z.array(approvalSchema),
  }),
} as const;
