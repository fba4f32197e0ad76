import { z } from 'zod';
import {
  checkLength,
  idSchema,
  isoDateSchema,
  revisionProblems,
  revisionTextsSchema,
  variableSchema,
  type Answer,
  type AnswerRevision,
  type Approval,
} from '../domain';
import { groupBy } from '../util/groupBy';
import { fileApprovalSchema, fileTitleSchema, parseLibraryFile, type FileChecker } from './checks';
import type { ParseResult } from './fileErrors';
import { toPortableYaml } from './portableYaml';

export const ANSWERS_FORMAT = 'calma.answers';
export const ANSWERS_FORMAT_VERSION = 1;

/**
 * The exchange format of the answer library (YAML or JSON). Objects are strict: an unknown field is
 * almost always a typo, and silently dropping it would lose what the author meant. The same shapes
 * built loose (unknown fields stripped) let the file's other checks still run on an entry whose
 * only fault is an unknown field, so one import lists every problem.
 */
function answerSchemas(strict: boolean) {
  const object = strict ? z.strictObject : z.object;
  const revision = object({
    id: idSchema,
    number: z.number().int().positive(),
    basedOn: idSchema.nullable().default(null),
    createdAt: isoDateSchema,
    createdBy: z.string().min(1),
    texts: revisionTextsSchema,
  });
  return object({
    id: idSchema,
    title: fileTitleSchema,
    tags: z.array(z.string().min(1).max(60)).default([]),
    scenarios: z.array(z.string().min(1).max(60)).default([]),
    variables: z.array(variableSchema).default([]),
    createdAt: isoDateSchema,
    createdBy: z.string().min(1),
    revisions: z.array(revision).min(1, 'an answer needs at least one revision'),
    approvals: z.array(fileApprovalSchema(object)).default([]),
  });
}

const fileAnswerSchema = answerSchemas(true);
export type FileAnswer = z.infer<typeof fileAnswerSchema>;

export const answersFileSchema = z.strictObject({
  format: z.literal(ANSWERS_FORMAT),
  version: z.literal(ANSWERS_FORMAT_VERSION),
  answers: z.array(fileAnswerSchema),
});
export type AnswersFile = z.infer<typeof answersFileSchema>;

/** The rows a valid file turns into, ready for the mutation path. */
export interface LibraryRows {
  answers: Answer[];
  revisions: AnswerRevision[];
  approvals: Approval[];
}

/**
 * Parses and validates an answer library. Beyond the schema it checks what a schema cannot see:
 * unique ids across the file, approvals naming a revision of their own answer, and approved texts
 * within their channel's limit using only declared variables.
 */
export function parseAnswersFile(file: string, text: string): ParseResult<LibraryRows> {
  return parseLibraryFile(file, text, {
    root: 'answers',
    format: ANSWERS_FORMAT,
    version: ANSWERS_FORMAT_VERSION,
    entry: { strict: fileAnswerSchema, loose: answerSchemas(false) },
    crossCheck,
    toRows: (answers) => toRows({ format: ANSWERS_FORMAT, version: ANSWERS_FORMAT_VERSION, answers }),
  });
}

function crossCheck(check: FileChecker, a: FileAnswer, i: number): void {
  check.unique('answer', a.id, ['answers', i, 'id']);
  const declared = a.variables.map((v) => v.name);
  check.history(['answers', i], a.revisions, a.approvals, (rev, j) => {
    for (const p of revisionProblems(rev.texts, declared)) {
      const { lang, channel } = p;
      // The problem's own detail is worded for the editor; the file reports the two numbers.
      const { length, limit } = checkLength(rev.texts[lang][channel] ?? '', channel);
      check.at(['answers', i, 'revisions', j, 'texts', lang, channel], p.kind === 'over-limit'
        ? { code: 'overLimit', lang, channel, length, limit: limit ?? 0 }
        : { code: 'undeclaredBlank', lang, channel, name: p.detail });
    }
  });
}

function toRows(file: AnswersFile): LibraryRows {
  const rows: LibraryRows = { answers: [], revisions: [], approvals: [] };
  for (const { revisions, approvals, ...answer } of file.answers) {
    rows.answers.push({ ...answer, clock: {}, deleted: false });
    for (const r of revisions) rows.revisions.push({ ...r, answerId: answer.id });
    for (const ap of approvals) rows.approvals.push({ ...ap, subject: 'answer', subjectId: answer.id });
  }
  return rows;
}

/** The inverse of parseAnswersFile: what export writes, and what import reads back unchanged. */
export function toAnswersFile(rows: LibraryRows): AnswersFile {
  const revisionsBy = groupBy(rows.revisions, (r) => r.answerId);
  const approvalsBy = groupBy(rows.approvals, (a) => a.subjectId);
  return {
    format: ANSWERS_FORMAT,
    version: ANSWERS_FORMAT_VERSION,
    answers: rows.answers
      .filter((a) => !a.deleted)
      .map(({ clock: _clock, deleted: _deleted, ...a }) => ({
        ...a,
        revisions: (revisionsBy.get(a.id) ?? [])
          .sort((x, y) => x.number - y.number)
          .map(({ answerId: _answerId, ...r }) => r),
        approvals: (approvalsBy.get(a.id) ?? [])
          .sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id))
          .map(({ subject: _s, subjectId: _sid, ...ap }) => ap),
      })),
  };
}

export function serializeAnswersFile(rows: LibraryRows, as: 'yaml' | 'json'): string {
  const file = toAnswersFile(rows);
  return as === 'json' ? `${JSON.stringify(file, null, 2)}\n` : toPortableYaml(file);
}
