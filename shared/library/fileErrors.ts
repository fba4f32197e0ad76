import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** One problem in an imported file, precise enough to fix it without guessing. */
export interface FileIssue {
  file: string;
  /** 1-based line and column where known (syntax errors, and fields that exist in the file). */
  line: number | null;
  column: number | null;
  /** Path to the value, e.g. `answers[3].revisions[0].texts.es.x`. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FileIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function formatIssue(issue: FileIssue): string {
  const where = issue.line !== null ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where} ${issue.path}: ${issue.message}`;
}

/** Bounds that keep a hostile file from exhausting memory (billion-laughs aliases, huge files). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_ALIASES = 100;

/**
 * Parses a YAML or JSON text (JSON is YAML 1.2) keeping positions, then validates it with `schema`.
 * Every syntax and validation problem is returned, each with its line where the file has one.
 */
export function parseStructuredFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): ParseResult<z.output<S>> & { doc?: Document; lines?: LineCounter } {
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, issues: [{ file, line: null, column: null, path: '(root)', message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '(root)', message: e.message.split('\n')[0]! };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, issues: [{ file, line: null, column: null, path: '(root)', message: (e as Error).message }] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data, doc, lines };
  return {
    ok: false,
    doc,
    lines,
    issues: parsed.error.issues.map((issue) => ({
      file,
      ...positionOf(doc, lines, issue.path),
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Position of the deepest node of `path` that exists in the document. */
export function positionOf(
  doc: Document | undefined,
  lines: LineCounter | undefined,
  path: readonly PropertyKey[],
): { line: number | null; column: number | null } {
  if (!doc || !lines) return { line: null, column: null };
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
  if (!found?.range) return { line: null, column: null };
  const pos = lines.linePos(found.range[0]);
  return { line: pos.line, column: pos.col };
}
