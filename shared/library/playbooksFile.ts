import { z } from 'zod';
import { idSchema, isoDateSchema, localizedSchema, severitySchema, type Approval, type Playbook, type PlaybookRevision } from '../domain';
import { fileApprovalSchema, fileTitleSchema, parseLibraryFile, type FileChecker } from './checks';
import type { ParseResult } from './fileErrors';
import { toPortableYaml } from './portableYaml';

export const PLAYBOOKS_FORMAT = 'calma.playbooks';
export const PLAYBOOKS_FORMAT_VERSION = 1;

/** Strict and loose builds of the same shapes, as for answers (see answersFile.ts). */
function playbookSchemas(strict: boolean) {
  const object = strict ? z.strictObject : z.object;
  const step = object({
    id: idSchema,
    text: localizedSchema,
    role: z.string().min(1).max(80),
    offsetMinutes: z.number().int().min(0).max(60 * 24 * 90),
    required: z.boolean().default(true),
    answerIds: z.array(idSchema).default([]),
  });
  const revision = object({
    id: idSchema,
    number: z.number().int().positive(),
    basedOn: idSchema.nullable().default(null),
    whenToUse: localizedSchema,
    severities: z.array(object({ level: severitySchema, meaning: localizedSchema })),
    steps: z.array(step).min(1, 'a playbook needs at least one step'),
    contactTreeId: idSchema.nullable().default(null),
    createdAt: isoDateSchema,
    createdBy: z.string().min(1),
  });
  return object({
    id: idSchema,
    title: fileTitleSchema,
    scenario: z.string().min(1).max(60),
    ownerId: idSchema.nullable().default(null),
    lastReviewedAt: isoDateSchema.nullable().default(null),
    createdAt: isoDateSchema,
    createdBy: z.string().min(1),
    revisions: z.array(revision).min(1, 'a playbook needs at least one revision'),
    approvals: z.array(fileApprovalSchema(object)).default([]),
  });
}

const filePlaybookSchema = playbookSchemas(true);
export type FilePlaybook = z.infer<typeof filePlaybookSchema>;

export const playbooksFileSchema = z.strictObject({
  format: z.literal(PLAYBOOKS_FORMAT),
  version: z.literal(PLAYBOOKS_FORMAT_VERSION),
  playbooks: z.array(filePlaybookSchema),
});
export type PlaybooksFile = z.infer<typeof playbooksFileSchema>;

export interface PlaybookRows {
  playbooks: Playbook[];
  revisions: PlaybookRevision[];
  approvals: Approval[];
}

/**
 * Parses and validates a playbook library, all problems at once: the schema, unique ids across
 * the file (playbooks, revisions, steps, approvals), approvals naming their own revisions, and
 * severity levels listed once per revision.
 */
export function parsePlaybooksFile(file: string, text: string): ParseResult<PlaybookRows> {
  return parseLibraryFile(file, text, {
    root: 'playbooks',
    format: PLAYBOOKS_FORMAT,
    version: PLAYBOOKS_FORMAT_VERSION,
    entry: { strict: filePlaybookSchema, loose: playbookSchemas(false) },
    crossCheck,
    toRows: (playbooks) => toRows({ format: PLAYBOOKS_FORMAT, version: PLAYBOOKS_FORMAT_VERSION, playbooks }),
  });
}

function crossCheck(check: FileChecker, p: FilePlaybook, i: number): void {
  check.unique('playbook', p.id, ['playbooks', i, 'id']);
  p.revisions.forEach((r, j) => {
    const levels = new Set<string>();
    r.severities.forEach((s, k) => {
      if (levels.has(s.level)) check.at(['playbooks', i, 'revisions', j, 'severities', k, 'level'], { code: 'duplicateSeverity', level: s.level });
      levels.add(s.level);
    });
    const stepIds = new Set<string>();
    r.steps.forEach((s, k) => {
      if (stepIds.has(s.id)) check.at(['playbooks', i, 'revisions', j, 'steps', k, 'id'], { code: 'duplicateStepId', id: s.id });
      stepIds.add(s.id);
    });
  });
  check.history(['playbooks', i], p.revisions, p.approvals, () => undefined);
}

function toRows(file: PlaybooksFile): PlaybookRows {
  const rows: PlaybookRows = { playbooks: [], revisions: [], approvals: [] };
  for (const { revisions, approvals, ...playbook } of file.playbooks) {
    rows.playbooks.push({ ...playbook, clock: {}, deleted: false });
    for (const r of revisions) rows.revisions.push({ ...r, playbookId: playbook.id });
    for (const ap of approvals) rows.approvals.push({ ...ap, subject: 'playbook', subjectId: playbook.id });
  }
  return rows;
}

/** The inverse of parsePlaybooksFile, for export. */
export function serializePlaybooksFile(rows: PlaybookRows, as: 'yaml' | 'json'): string {
  const file: PlaybooksFile = {
    format: PLAYBOOKS_FORMAT,
    version: PLAYBOOKS_FORMAT_VERSION,
    playbooks: rows.playbooks
      .filter((p) => !p.deleted)
      .map(({ clock: _clock, deleted: _deleted, ...p }) => ({
        ...p,
        revisions: rows.revisions
          .filter((r) => r.playbookId === p.id)
          .sort((x, y) => x.number - y.number)
          .map(({ playbookId: _pid, ...r }) => r),
        approvals: rows.approvals
          .filter((a) => a.subject === 'playbook' && a.subjectId === p.id)
          .sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id))
          .map(({ subject: _s, subjectId: _sid, ...a }) => a),
      })),
  };
  return as === 'json' ? `${JSON.stringify(file, null, 2)}\n` : toPortableYaml(file);
}
