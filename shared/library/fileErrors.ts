import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problemSummary, type FileProblem } from './fileProblems';
import { syntaxErrors } from './syntaxProblems';

/** One problem in an imported file, precise enough to fix it without guessing. */
export interface FileIssue {
  file: string;
  /** 1-based line and column where known (syntax errors, and fields that exist in the file). */
  line: number | null;
  column: number | null;
  /** Path to the value, e.g. `answers[3].revisions[0].texts.es.x`; empty for the file as a whole. */
  path: string;
  /** English, for logs and developer errors (zod's or the parser's words where they had some); people read `problem`, translated. */
  message: string;
}

/** A problem in a library file: where, and why as data (see fileProblems.ts). */
export interface LibraryIssue extends FileIssue {
  problem: FileProblem;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: LibraryIssue[] };

export type Place = Pick<FileIssue, 'line' | 'column'>;
const NOWHERE: Place = { line: null, column: null };

export function libraryIssue(file: string, place: Place, path: string, problem: FileProblem, message = problemSummary(problem)): LibraryIssue {
  return { file, line: place.line, column: place.column, path, problem, message };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function formatIssue(issue: FileIssue): string {
  const where = issue.line !== null ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where} ${issue.path || '(file)'}: ${issue.message}`;
}

/** Issues in the order of the file, top to bottom; problems of the file as a whole first. */
export function inFileOrder<I extends Place>(issues: readonly I[]): I[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Bounds that keep a hostile file from exhausting memory (billion-laughs aliases, huge files). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_ALIASES = 100;

export type ReadResult = { ok: true; data: unknown; doc: Document; lines: LineCounter } | { ok: false; issues: LibraryIssue[] };

/**
 * Reads a YAML or JSON text (JSON is YAML 1.2) keeping positions. A text that cannot be read is
 * refused with its syntax errors, the first one first (see syntaxErrors), each with its line and
 * column: there is no structure yet to check anything else against.
 */
export function readStructuredFile(file: string, text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, issues: [libraryIssue(file, NOWHERE, '', { code: 'fileTooLarge', limitMb: MAX_FILE_BYTES / 1024 / 1024 })] };
  if (text.trim() === '') return { ok: false, issues: [libraryIssue(file, NOWHERE, '', { code: 'emptyFile' })] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: syntaxErrors(doc.errors, text, lines).map(({ line, column, ...syntax }) =>
        libraryIssue(file, { line, column }, '', { code: 'syntax', column, ...syntax }, syntax.parser),
      ),
    };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }), doc, lines };
  } catch (error) {
    const unresolved = /^Unresolved alias.*: (.+)$/.exec((error as Error).message)?.[1];
    if (unresolved !== undefined) return { ok: false, issues: [libraryIssue(file, aliasPlace(doc, lines, unresolved), '', { code: 'unresolvedAlias', name: unresolved })] };
    if (/alias count/.test((error as Error).message)) return { ok: false, issues: [libraryIssue(file, NOWHERE, '', { code: 'tooManyAliases' })] };
    const parser = (error as Error).message.split('\n')[0]!;
    return { ok: false, issues: [libraryIssue(file, NOWHERE, '', { code: 'syntax', reason: 'other', column: null, yamlCode: '', parser })] };
  }
}

/** Where the first `*name` is written. */
function aliasPlace(doc: Document, lines: LineCounter, name: string): Place {
  let place = NOWHERE;
  visit(doc, {
    Alias(_, alias) {
      if (alias.source !== name || !alias.range) return undefined;
      const { line, col } = lines.linePos(alias.range[0]);
      place = { line, column: col };
      return visit.BREAK;
    },
  });
  return place;
}

/** Position of the deepest node of `path` that exists in the document. */
export function positionOf(
  doc: Document | undefined,
  lines: LineCounter | undefined,
  path: readonly PropertyKey[],
): Place {
  if (!doc || !lines) return NOWHERE;
  let node: Node | null = doc.contents;
  let found = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      // A missing value points at its key, which is where the author will look.
      found = (pair.value as Node | null) ?? (pair.key as Node);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      node = (node.items[key] as Node | undefined) ?? null;
      if (!node) break;
      found = node;
    } else break;
  }
  if (!found?.range) return NOWHERE;
  const pos = lines.linePos(found.range[0]);
  return { line: pos.line, column: pos.col };
}
