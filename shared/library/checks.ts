import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { approvalSchema, localizedSchema } from '../domain';
import { unstorableTextPath } from '../mutations/checkArgs';
import { formatPath, inFileOrder, libraryIssue, positionOf, readStructuredFile, type LibraryIssue, type ParseResult } from './fileErrors';
import type { FileProblem, RecordKind } from './fileProblems';
import { schemaProblem } from './schemaProblems';

type ObjectBuilder = typeof z.strictObject | typeof z.object;
type Path = (string | number)[];

/** An approval as library files write it (its subject is the record it is listed under). */
export function fileApprovalSchema(object: ObjectBuilder) {
  return object(approvalSchema.omit({ subject: true, subjectId: true }).shape);
}

/** A record's title: either language may be blank while the other is written, not both. */
export const fileTitleSchema = localizedSchema.refine((t) => t.es.trim() !== '' || t.en.trim() !== '', {
  message: 'a title is needed in at least one language',
  params: { code: 'titleNeeded' },
});

/**
 * What differs between library files: the list they hold (`answers`, `playbooks`) and its
 * format, the schema of one entry (strict: unknown fields refused; loose: the same shape with
 * unknown fields dropped), the checks only the whole file shows, and the rows a valid file becomes.
 */
export interface LibraryFileSpec<E, R> {
  root: string;
  format: string;
  version: number;
  entry: { strict: z.ZodType<E>; loose: z.ZodType<E> };
  crossCheck(check: FileChecker, entry: E, index: number): void;
  toRows(entries: E[]): R;
}

/**
 * Parses a library file reporting every problem it can find in one pass, so the author fixes the
 * file once: the envelope (format, version, the list), then each entry on its own. Every entry
 * that passes the schema is also given the checks a schema cannot make (unique ids across the
 * file, approvals naming a revision, limits…); so is an entry whose only fault is an unknown field,
 * read loosely. An entry failing the schema otherwise is reported for that alone: its values cannot
 * be trusted for more. Any problem refuses the whole file.
 */
export function parseLibraryFile<E, R>(file: string, text: string, spec: LibraryFileSpec<E, R>): ParseResult<R> {
  const read = readStructuredFile(file, text);
  if (!read.ok) return read;
  const { data, doc, lines } = read;
  const check = new FileChecker(file, doc, lines);
  const schemaIssues = (issues: readonly z.core.$ZodIssue[], base: Path) => {
    for (const issue of issues) {
      const path = [...base, ...(issue.path as Path)];
      check.at(path, schemaProblem(issue, data, path), issue.message);
    }
  };
  const envelope = z
    .strictObject({ format: z.literal(spec.format), version: z.literal(spec.version), [spec.root]: z.array(z.unknown()) })
    .safeParse(data);
  if (!envelope.success) schemaIssues(envelope.error.issues, []);
  const list = (data as Record<string, unknown> | null)?.[spec.root];
  const entries: E[] = [];
  if (Array.isArray(list)) {
    list.forEach((raw, i) => {
      const strict = spec.entry.strict.safeParse(raw);
      if (strict.success) entries.push(strict.data);
      else schemaIssues(strict.error.issues, [spec.root, i]);
      const value = strict.success ? strict.data : onlyUnknownFields(strict.error) ? spec.entry.loose.safeParse(raw).data : undefined;
      if (value === undefined) return;
      spec.crossCheck(check, value, i);
      const unstorable = unstorableTextPath(value);
      if (unstorable !== null) check.at([spec.root, i, ...unstorable.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))], { code: 'unstorableText' });
    });
  }
  if (check.issues.length > 0) return { ok: false, issues: inFileOrder(check.issues) };
  return { ok: true, value: spec.toRows(entries) };
}

function onlyUnknownFields(error: z.ZodError): boolean {
  return error.issues.every((i) => i.code === 'unrecognized_keys');
}

/**
 * Collects a file's problems, each located in the file (line, column, path): the schema's and
 * those a schema cannot see (unique ids across a file, references between its records).
 */
export class FileChecker {
  readonly issues: LibraryIssue[] = [];
  private readonly seen = new Map<RecordKind, Set<string>>();

  constructor(
    private readonly file: string,
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
  ) {}

  at(path: Path, problem: FileProblem, message?: string): void {
    this.issues.push(libraryIssue(this.file, positionOf(this.doc, this.lines, path), formatPath(path), problem, message));
  }

  /** Reports a second use of `id` among the file's records of this `kind`. */
  unique(kind: RecordKind, id: string, path: Path): void {
    let ids = this.seen.get(kind);
    if (!ids) this.seen.set(kind, (ids = new Set()));
    if (ids.has(id)) this.at(path, { code: 'duplicateId', kind, id });
    ids.add(id);
  }

  /**
   * The checks every revised record shares: unique revision ids and numbers, unique approval ids,
   * and approvals that name one of the record's own revisions. Calls `approved` for each approval
   * of kind approve, with its revision's index, for the record's own content checks.
   */
  history<V extends { id: string; number: number }, A extends { id: string; revisionId: string; kind: string }>(
    base: Path,
    revisions: readonly V[],
    approvals: readonly A[],
    approved: (revision: V, revisionIndex: number) => void,
  ): void {
    const numbers = new Set<number>();
    revisions.forEach((r, j) => {
      this.unique('revision', r.id, [...base, 'revisions', j, 'id']);
      if (numbers.has(r.number)) this.at([...base, 'revisions', j, 'number'], { code: 'duplicateRevisionNumber', number: r.number });
      numbers.add(r.number);
    });
    approvals.forEach((ap, k) => {
      this.unique('approval', ap.id, [...base, 'approvals', k, 'id']);
      const index = revisions.findIndex((r) => r.id === ap.revisionId);
      if (index < 0) this.at([...base, 'approvals', k, 'revisionId'], { code: 'unknownRevision', revisionId: ap.revisionId });
      else if (ap.kind === 'approve') approved(revisions[index]!, index);
    });
  }
}
