import { z } from 'zod';
import { editableFields, idSchema, isoDateSchema, langSchema, localizedSchema } from './common';
import { channelSchema, CHANNELS, checkLength, type Channel } from './channels';
import type { Lang } from './common';

/** A blank the person copying must fill, written {{name}} in the texts. */
export const variableSchema = z.object({
  name: z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, 'a variable name is letters, digits and "_"'),
  label: localizedSchema,
  example: z.string().optional(),
});
export type Variable = z.infer<typeof variableSchema>;

/** Per channel, the text of one language; a channel may be missing where the answer has no variant. */
export const channelTextsSchema = z.partialRecord(channelSchema, z.string());
export type ChannelTexts = z.infer<typeof channelTextsSchema>;

export const revisionTextsSchema = z.object({ es: channelTextsSchema, en: channelTextsSchema });
export type RevisionTexts = z.infer<typeof revisionTextsSchema>;

export const answerSchema = z.object({
  ...editableFields,
  title: localizedSchema,
  tags: z.array(z.string().min(1).max(60)).default([]),
  /** Scenario keys (the same keys playbooks use), e.g. `negative-wave`. */
  scenarios: z.array(z.string().min(1).max(60)).default([]),
  variables: z.array(variableSchema).default([]),
  createdAt: isoDateSchema,
  createdBy: z.string().min(1),
});
export type Answer = z.infer<typeof answerSchema>;

/** Revisions are immutable once written: an edit is a new revision, so no text is ever lost. */
export const answerRevisionSchema = z.object({
  id: idSchema,
  answerId: idSchema,
  number: z.number().int().positive(),
  /** The revision this one was edited from; two offline edits of the same base both survive. */
  basedOn: idSchema.nullable().default(null),
  texts: revisionTextsSchema,
  createdAt: isoDateSchema,
  createdBy: z.string().min(1),
});
export type AnswerRevision = z.infer<typeof answerRevisionSchema>;

/**
 * Approvals are append-only history. An approval names the exact revision it approves; a
 * revocation is a new entry of kind `revoke` pointing at the same revision.
 */
export const approvalSchema = z.object({
  id: idSchema,
  subject: z.enum(['answer', 'playbook']),
  subjectId: idSchema,
  revisionId: idSchema,
  kind: z.enum(['approve', 'revoke']).default('approve'),
  by: z.string().min(1),
  at: isoDateSchema,
  expiresAt: isoDateSchema.nullable().default(null),
  note: z.string().default(''),
});
export type Approval = z.infer<typeof approvalSchema>;

/** How far over its channel's limit a copied text was: its length as the channel counts it, and the limit. */
export const copyOverLimitSchema = z
  .object({ length: z.number().int().positive(), limit: z.number().int().positive() })
  .refine((o) => o.length > o.limit, { message: 'an over-limit copy must be longer than its limit', path: ['length'] });
export type CopyOverLimit = z.infer<typeof copyOverLimitSchema>;

/** Every copy of an answer is recorded: who, which revision, language, channel, when. */
export const copyEventSchema = z.object({
  id: idSchema,
  answerId: idSchema,
  revisionId: idSchema,
  lang: langSchema,
  channel: channelSchema,
  by: z.string().min(1),
  at: isoDateSchema,
  /** The status the revision had when copied; anything but `approved` needed an explicit confirmation. */
  statusAtCopy: z.enum(['draft', 'approved', 'expired', 'superseded']),
  confirmedUnapproved: z.boolean(),
  /** The filled text exactly as it reached the clipboard. */
  text: z.string(),
  incidentId: idSchema.nullable().default(null),
  /**
   * Set when the filled text was over its channel's limit (counted as the channel counts it) and
   * copied after an explicit confirmation; null when it fitted or the channel has no limit. The
   * default keeps copies logged before this field, and by devices that do not send it, valid.
   */
  overLimit: copyOverLimitSchema.nullable().default(null),
});
export type CopyEvent = z.infer<typeof copyEventSchema>;

/** Problems that keep a revision from being approved. */
export interface RevisionProblem {
  lang: Lang;
  channel: Channel;
  kind: 'over-limit' | 'undeclared-variable';
  detail: string;
}

export function revisionProblems(texts: RevisionTexts, declared: readonly string[]): RevisionProblem[] {
  const problems: RevisionProblem[] = [];
  const known = new Set(declared);
  for (const lang of ['es', 'en'] as const) {
    for (const channel of CHANNELS) {
      const text = texts[lang][channel];
      if (text === undefined) continue;
      const { length, limit, over } = checkLength(text, channel);
      if (over) problems.push({ lang, channel, kind: 'over-limit', detail: `${length}/${limit}` });
      for (const name of variableNames(text)) {
        if (!known.has(name)) problems.push({ lang, channel, kind: 'undeclared-variable', detail: name });
      }
    }
  }
  return problems;
}

const VARIABLE = /\{\{\s*([\p{L}_][\p{L}\p{N}_]*)\s*\}\}/gu;

/** Names of the {{variables}} a text uses, in order of first use. */
export function variableNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export interface FilledText {
  text: string;
  /** Variables the text uses that have no value (blank or whitespace only). */
  missing: string[];
}

/** Replaces each {{name}} by its value; a blank value stays as {{name}} and is reported missing. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): FilledText {
  const missing: string[] = [];
  const filled = text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing };
}
