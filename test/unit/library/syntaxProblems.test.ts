import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswersFile, serializeAnswersFile } from '../../../shared/library/answersFile';
import type { LibraryIssue } from '../../../shared/library/fileErrors';
import { parsePlaybooksFile } from '../../../shared/library/playbooksFile';

const shipped = (() => {
  const parsed = parseAnswersFile('answers.yaml', readFileSync(new URL('../../../resources/library/answers.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the shipped library is invalid');
  return parsed.value;
})();

/** Where, and what, of a refusal: line, column, field and reason. */
function where(text: string, parse: (file: string, text: string) => { ok: true } | { ok: false; issues: LibraryIssue[] } = parseAnswersFile): { line: number | null; column: number | null; path: string; reason: string }[] {
  const result = parse('file.yaml', text);
  if (result.ok) return [];
  return result.issues.map((i: LibraryIssue) => ({ line: i.line, column: i.column, path: i.path, reason: i.problem.code === 'syntax' ? i.problem.reason : i.problem.code }));
}

describe('YAML syntax errors', () => {
  it('report one tab, as the QA pass wrote it into an exported email text, once: its line and column', () => {
    // The parser itself gave ten messages for this, all with the field "(root)".
    const lines = serializeAnswersFile(shipped, 'yaml').split('\n');
    const at = lines.findIndex((l, n) => n > 0 && lines[n - 1]!.trimEnd().endsWith('email: |-'));
    expect(at).toBeGreaterThan(0);
    lines[at] = `\t${lines[at]}`;
    expect(where(lines.join('\n'))).toEqual([{ line: at + 1, column: 1, path: '', reason: 'tabIndent' }]);
  });

  it('report each tab-indented line, not what the parser made of the lines around them', () => {
    const text = ['format: calma.answers', 'version: 1', 'answers:', '  - id: a', '\ttitle: { es: A, en: A }', '    createdBy: qa', '  \t  createdAt: "2026-01-01T00:00:00Z"', ''].join('\n');
    expect(where(text)).toEqual([
      { line: 5, column: 1, path: '', reason: 'tabIndent' },
      { line: 7, column: 3, path: '', reason: 'tabIndent' },
    ]);
  });

  it('name the common mistakes in the author’s terms, first one first, with line and column', () => {
    expect(where('format: calma.answers\nversion: 1\nversion: 2\nanswers: []\n')).toEqual([{ line: 3, column: 1, path: '', reason: 'duplicateKey' }]);
    expect(where('format: "calma.answers\nversion: 1\n')).toEqual([{ line: 3, column: 1, path: '', reason: 'missingQuote' }]);
    expect(where('{"format": "calma.answers", "version": 1, "answers": ["a" "b"]}')).toEqual([{ line: 1, column: 59, path: '', reason: 'missingComma' }]);
    expect(where('format: calma.answers\nanswers: [a, b\nversion: 1\n')[0]).toMatchObject({ line: 3, column: 1, reason: 'unclosedList' });
    expect(where('format: calma.answers\nanswers: { a: b\nversion: 1\n')[0]).toMatchObject({ line: 3, column: 1, reason: 'unclosedGroup' });
    expect(where('format: calma.answers\nversion: 1\nanswers:\n  - id: a\n    createdBy: qa\n   createdAt: x\n')).toEqual([{ line: 6, column: 1, path: '', reason: 'badIndent' }]);
    expect(where('format: calma.answers\nversion:\n  a: 1\n b: 2\n')).toEqual([{ line: 4, column: 1, path: '', reason: 'badIndent' }]);
    expect(where('format: calma.answers: x\n')).toEqual([{ line: 1, column: 9, path: '', reason: 'nestedMapping' }]);
    expect(where('format: calma.answers\n---\nversion: 1\n')).toEqual([{ line: 2, column: 1, path: '', reason: 'multipleDocuments' }]);
    expect(where('format: "calma\\qanswers"\n')).toEqual([{ line: 1, column: 15, path: '', reason: 'badEscape' }]);
    expect(where('format: @calma\n')).toEqual([{ line: 1, column: 9, path: '', reason: 'badScalarStart' }]);
  });

  it('list at most three, of different kinds on different lines', () => {
    const text = ['a: 1', 'a: 2', 'b: "x\\q"', 'c: 1', 'c: 2', 'd: @x', 'e: "y\\q"', ''].join('\n');
    expect(where(text).map((i) => [i.line, i.reason])).toEqual([[2, 'duplicateKey'], [3, 'badEscape'], [6, 'badScalarStart']]);
  });

  it('locate an alias to an anchor that does not exist, and refuse an empty file', () => {
    expect(where('format: calma.answers\nversion: 1\nanswers: *all\n')).toEqual([{ line: 3, column: 10, path: '', reason: 'unresolvedAlias' }]);
    expect(where(' \n\n')).toEqual([{ line: null, column: null, path: '', reason: 'emptyFile' }]);
    expect(where('', parsePlaybooksFile)).toEqual([{ line: null, column: null, path: '', reason: 'emptyFile' }]);
  });

  it('never call a place "(root)": problems of the whole file have no field', () => {
    const result = parseAnswersFile('list.yaml', '- a\n- b\n');
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.problem])).toEqual([['', { code: 'wrongType', expected: 'object', received: 'array' }]]);
  });
});
