import type { Channel, Lang } from '../domain';

/**
 * Why a library file (or a part of it) was refused, as data: a code and the values its message
 * needs. The console words each one in its own language (renderer/src/features/library/
 * problemText.ts); shared code never builds a sentence a person reads, so a Spanish console never
 * shows an English reason.
 */
export type FileProblem =
  // The file as a whole.
  | { code: 'fileTooLarge'; limitMb: number }
  | { code: 'emptyFile' }
  | { code: 'syntax'; reason: SyntaxReason; column: number | null; yamlCode: string; parser: string }
  | { code: 'unresolvedAlias'; name: string }
  | { code: 'tooManyAliases' }
  // What the schema says of one value (zod's issue codes, see schemaProblems.ts).
  | { code: 'missingField'; expected: string }
  | { code: 'wrongType'; expected: string; received: string }
  | { code: 'textTooShort'; minimum: number }
  | { code: 'textTooLong'; maximum: number }
  | { code: 'listTooShort'; minimum: number }
  | { code: 'listTooLong'; maximum: number }
  | { code: 'numberTooSmall'; minimum: number; inclusive: boolean }
  | { code: 'numberTooBig'; maximum: number; inclusive: boolean }
  | { code: 'notDateTime'; value: string }
  | { code: 'badId'; value: string }
  | { code: 'badVariableName'; value: string }
  | { code: 'notAllowed'; value: string; allowed: string[] }
  | { code: 'wrongFormat'; expected: string; found: string }
  | { code: 'unsupportedVersion'; supported: number; found: string }
  | { code: 'unknownFields'; keys: string[] }
  | { code: 'unknownChannels'; keys: string[]; channels: string[] }
  | { code: 'titleNeeded' }
  | { code: 'invalidValue' }
  // What only the whole file shows (checks.ts and the kinds' own checks).
  | { code: 'duplicateId'; kind: RecordKind; id: string }
  | { code: 'duplicateStepId'; id: string }
  | { code: 'duplicateRevisionNumber'; number: number }
  | { code: 'duplicateSeverity'; level: string }
  | { code: 'unknownRevision'; revisionId: string }
  | { code: 'overLimit'; lang: Lang; channel: Channel; length: number; limit: number }
  | { code: 'undeclaredBlank'; lang: Lang; channel: Channel; name: string }
  | { code: 'unstorableText' }
  // What the database refuses when the file is written (renderer/src/features/library/importLibrary.ts).
  | { code: 'rewritesHistory'; kind: 'revision' | 'approval'; id: string }
  | { code: 'refusedByStore'; detail: string };

export type FileProblemCode = FileProblem['code'];

/** The records a library file holds, as duplicate-id problems name them. */
export type RecordKind = 'answer' | 'playbook' | 'revision' | 'approval';

/**
 * What is wrong at a YAML syntax error, in the author's terms. Most are one of the `yaml` package's
 * error codes; a few codes cover several mistakes and are told apart (see syntaxProblems.ts).
 * `other` is a rare code, shown with the parser's own (English) message.
 */
export const SYNTAX_REASONS = [
  'tabIndent',
  'badIndent',
  'unclosedList',
  'unclosedGroup',
  'duplicateKey',
  'missingQuote',
  'missingComma',
  'missingColon',
  'missingChar',
  'nestedMapping',
  'multilineKey',
  'unexpectedToken',
  'blockInFlow',
  'multipleDocuments',
  'badEscape',
  'badScalarStart',
  'keyTooLong',
  'other',
] as const;
export type SyntaxReason = (typeof SYNTAX_REASONS)[number];

/** A short English form for logs and developer errors (the shipped library failing its checks). */
export function problemSummary(problem: FileProblem): string {
  const { code, ...values } = problem;
  const detail = Object.entries(values)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join(' ');
  return detail === '' ? code : `${code} ${detail}`;
}
