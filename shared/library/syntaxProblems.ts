import type { LineCounter, YAMLError } from 'yaml';
import type { SyntaxReason } from './fileProblems';

/** A YAML syntax error as the author should read it: where, and what is wrong there. */
export interface LocatedSyntaxError {
  line: number;
  column: number;
  reason: SyntaxReason;
  yamlCode: string;
  parser: string;
}

/**
 * At most this many syntax errors are listed. After one mistake the parser recovers as best it
 * can, and what follows is mostly the same mistake seen again (one tab gave ten messages): the
 * first error, with a couple of others of another kind on other lines, is what helps.
 */
export const MAX_SYNTAX_ERRORS = 3;

const BY_CODE: Partial<Record<string, SyntaxReason>> = {
  TAB_AS_INDENT: 'tabIndent',
  BAD_INDENT: 'badIndent',
  DUPLICATE_KEY: 'duplicateKey',
  MISSING_CHAR: 'missingChar',
  BLOCK_AS_IMPLICIT_KEY: 'nestedMapping',
  MULTILINE_IMPLICIT_KEY: 'multilineKey',
  UNEXPECTED_TOKEN: 'unexpectedToken',
  BLOCK_IN_FLOW: 'blockInFlow',
  MULTIPLE_DOCS: 'multipleDocuments',
  BAD_DQ_ESCAPE: 'badEscape',
  BAD_SCALAR_START: 'badScalarStart',
  KEY_OVER_1024_CHARS: 'keyTooLong',
};

/**
 * The parser's code, made precise where one code covers several mistakes. Its messages are
 * matched only to choose among our own reasons: if a new version words them differently, the
 * reason is the code's general one, never wrong.
 */
function reasonOf(error: YAMLError): SyntaxReason {
  const reason = BY_CODE[error.code] ?? 'other';
  if (reason === 'badIndent' && /end with an? \]/.test(error.message)) return 'unclosedList';
  if (reason === 'badIndent' && /end with an? \}/.test(error.message)) return 'unclosedGroup';
  if (reason === 'missingChar') {
    if (/quote/i.test(error.message)) return 'missingQuote';
    if (/Missing , or :/.test(error.message)) return 'missingComma';
    if (/followed by map values/.test(error.message)) return 'missingColon';
    // A line indented less than its list's items reads as an item that lacks its "-".
    if (/without - indicator/.test(error.message)) return 'badIndent';
  }
  return reason;
}

/**
 * The syntax errors worth reading, first one first. A tab in a line's indentation is named as
 * such wherever the parser stumbles on that line: YAML forbids tabs there, and the parser's own
 * complaint (about block scalars, or indentation) hides the cause. When there is such a tab, the
 * rest is what the parser made of the lines around it (even the line before), so only the tabs
 * are listed; otherwise the first error, and others of another kind on other lines.
 */
export function syntaxErrors(errors: readonly YAMLError[], text: string, lines: LineCounter): LocatedSyntaxError[] {
  const sourceLines = text.split('\n');
  const all = errors
    .map((error): LocatedSyntaxError => {
      const { line, col } = lines.linePos(error.pos[0]);
      const indent = /^[ \t]*/.exec(sourceLines[line - 1] ?? '')![0];
      const tab = indent.indexOf('\t');
      const parser = error.message.split('\n')[0]!;
      if (tab >= 0) return { line, column: tab + 1, reason: 'tabIndent', yamlCode: error.code, parser };
      return { line, column: col, reason: reasonOf(error), yamlCode: error.code, parser };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const tabs = all.filter((e) => e.reason === 'tabIndent');
  const picked: LocatedSyntaxError[] = [];
  for (const error of tabs.length > 0 ? tabs : all) {
    if (picked.length === MAX_SYNTAX_ERRORS) break;
    // Later errors on a line already reported, or of a kind already reported, are its echoes.
    if (picked.some((p) => p.line === error.line || (tabs.length === 0 && p.reason === error.reason))) continue;
    picked.push(error);
  }
  return picked;
}
