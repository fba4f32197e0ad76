import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { approvalSchema } from '../domain';
import { formatPath, parseStructuredFile, positionOf, type FileIssue, type ParseResult } from './fileErrors';

type ObjectBuilder = typeof z.strictObject | typeof z.object;

/** An approval as library files write it (its subject is the record it is listed under). */
export function fileApprovalSchema(object: ObjectBuilder) {
  return object(approvalSchema.omit({ subject: true, subjectId: true }).shape);
}

/**
 * Parses a library file (answers, playbooks) reporting every problem at once: the strict schema's
 * errors (unknown fields included) and, when only unknown fields kept it from parsing, the checks a
 * schema cannot make, run on the same file read loosely.
 */
export function parseLibraryFile<S extends z.ZodType, V, R>(
  file: string,
  text: string,
  schemas: { strict: S; loose: z.ZodType<V> },
  crossCheck: (check: FileChecker, value: V | z.output<S>) => void,
  toRows: (value: z.output<S>) => R,
): ParseResult<R> {
  const parsed = parseStructuredFile(file, text, schemas.strict);
  if (parsed.ok) {
    const check = new FileChecker(file, parsed.doc, parsed.lines);
    crossCheck(check, parsed.value);
    return check.issues.length > 0 ? { ok: false, issues: check.issues } : { ok: true, value: toRows(parsed.value) };
  }
  const loose = parsed.doc ? schemas.loose.safeParse(parsed.doc.toJS({ maxAliasCount: 100 })) : null;
  if (!loose?.success) return parsed;
  const check = new FileChecker(file, parsed.doc, parsed.lines);
  crossCheck(check, loose.data);
  return { ok: false, issues: [...parsed.issues, ...check.issues] };
}

/**
 * Collects the problems a schema cannot see (unique ids across a file, references between its
 * records), each located in the file like the schema's own errors.
 */
export class FileChecker {
  readonly issues: FileIssue[] = [];
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    private readonly file: string,
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
  ) {}

  at(path: (string | number)[], message: string): void {
    this.issues.push({ file: this.file, ...positionOf(this.doc, this.lines, path), path: formatPath(path), message });
  }

  /** Reports a second use of `id` among the file's records of this `kind`. */
  unique(kind: string, id: string, path: (string | number)[]): void {
    let ids = this.seen.get(kind);
    if (!ids) this.seen.set(kind, (ids = new Set()));
    if (ids.has(id)) this.at(path, `duplicate ${kind} id "${id}"`);
    ids.add(id);
  }

  /**
   * The checks every revised record shares: unique revision ids and numbers, unique approval ids,
   * and approvals that name one of the record's own revisions. Calls `approved` for each approval
   * of kind approve, with its revision's index, for the record's own content checks.
   */
  history<R extends { id: string; number: number }, A extends { id: string; revisionId: string; kind: string }>(
    base: (string | number)[],
    revisions: readonly R[],
    approvals: readonly A[],
    approved: (revision: R, revisionIndex: number) => void,
  ): void {
    const numbers = new Set<number>();
    revisions.forEach((r, j) => {
      this.unique('revision', r.id, [...base, 'revisions', j, 'id']);
      if (numbers.has(r.number)) this.at([...base, 'revisions', j, 'number'], `revision number ${r.number} appears twice`);
      numbers.add(r.number);
    });
    approvals.forEach((ap, k) => {
      this.unique('approval', ap.id, [...base, 'approvals', k, 'id']);
      const index = revisions.findIndex((r) => r.id === ap.revisionId);
      if (index < 0) this.at([...base, 'approvals', k, 'revisionId'], `approves revision "${ap.revisionId}", which this record does not have`);
      else if (ap.kind === 'approve') approved(revisions[index]!, index);
    });
  }
}
