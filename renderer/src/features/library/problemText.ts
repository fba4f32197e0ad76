import type { IntlShape } from 'react-intl';
import type { FileProblem, SyntaxReason } from '@shared/library/fileProblems';
import type { MessageId } from '../../i18n/messages/en';

type Values = Record<string, string | number>;

/** The kinds of value a file can hold, as the schema names them; others are shown as written. */
const TYPE_NAME: Record<string, MessageId> = {
  string: 'import.type.string',
  number: 'import.type.number',
  int: 'import.type.int',
  boolean: 'import.type.boolean',
  object: 'import.type.object',
  array: 'import.type.array',
  null: 'import.type.null',
};

const SYNTAX_MESSAGE: Record<SyntaxReason, MessageId> = {
  tabIndent: 'import.syntax.tabIndent',
  badIndent: 'import.syntax.badIndent',
  unclosedList: 'import.syntax.unclosedList',
  unclosedGroup: 'import.syntax.unclosedGroup',
  duplicateKey: 'import.syntax.duplicateKey',
  missingQuote: 'import.syntax.missingQuote',
  missingComma: 'import.syntax.missingComma',
  missingColon: 'import.syntax.missingColon',
  missingChar: 'import.syntax.missingChar',
  nestedMapping: 'import.syntax.nestedMapping',
  multilineKey: 'import.syntax.multilineKey',
  unexpectedToken: 'import.syntax.unexpectedToken',
  blockInFlow: 'import.syntax.blockInFlow',
  multipleDocuments: 'import.syntax.multipleDocuments',
  badEscape: 'import.syntax.badEscape',
  badScalarStart: 'import.syntax.badScalarStart',
  keyTooLong: 'import.syntax.keyTooLong',
  other: 'import.syntax.other',
};

/**
 * Why a library file was refused, in the console's language: every code of FileProblem has its
 * message, channel names are the ones the console shows (X, SMS…), record kinds and value types
 * are words of the language, and lists are joined as the language joins them.
 */
export function problemText(intl: IntlShape, problem: FileProblem): string {
  const say = (id: MessageId, values?: Values) => intl.formatMessage({ id }, values);
  const type = (name: string) => (name in TYPE_NAME ? say(TYPE_NAME[name]!) : name);
  const quoted = (items: readonly string[], joined: 'conjunction' | 'disjunction') =>
    intl.formatList(items.map((k) => say('import.quoted', { text: k })), { type: joined });
  switch (problem.code) {
    case 'syntax': {
      const reason = say(SYNTAX_MESSAGE[problem.reason], { parser: problem.parser });
      return problem.column === null ? reason : say('import.problem.syntax', { reason, column: problem.column });
    }
    case 'missingField':
      return say('import.problem.missingField', { expected: type(problem.expected) });
    case 'wrongType':
      return say('import.problem.wrongType', { expected: type(problem.expected), received: type(problem.received) });
    case 'numberTooSmall':
      return say('import.problem.numberTooSmall', { minimum: problem.minimum, inclusive: String(problem.inclusive) });
    case 'numberTooBig':
      return say('import.problem.numberTooBig', { maximum: problem.maximum, inclusive: String(problem.inclusive) });
    case 'notAllowed':
      return say('import.problem.notAllowed', { value: problem.value, allowed: quoted(problem.allowed, 'disjunction') });
    case 'wrongFormat':
      return say('import.problem.wrongFormat', { expected: say('import.quoted', { text: problem.expected }), found: problem.found });
    case 'unknownFields':
      return say('import.problem.unknownFields', { count: problem.keys.length, keys: quoted(problem.keys, 'conjunction') });
    case 'unknownChannels':
      return say('import.problem.unknownChannels', { count: problem.keys.length, keys: quoted(problem.keys, 'conjunction'), channels: intl.formatList(problem.channels, { type: 'conjunction' }) });
    case 'duplicateId':
      return say('import.problem.duplicateId', { kind: say(`import.kind.${problem.kind}`), id: problem.id });
    case 'rewritesHistory':
      return say('import.problem.rewritesHistory', { kind: say(`import.kind.${problem.kind}`), id: problem.id });
    case 'overLimit':
      return say('import.problem.overLimit', { channel: say(`channel.${problem.channel}`), length: problem.length, limit: problem.limit });
    case 'undeclaredBlank':
      return say('import.problem.undeclaredBlank', { written: `{{${problem.name}}}` });
    case 'fileTooLarge':
    case 'emptyFile':
    case 'unresolvedAlias':
    case 'tooManyAliases':
    case 'textTooShort':
    case 'textTooLong':
    case 'listTooShort':
    case 'listTooLong':
    case 'notDateTime':
    case 'badId':
    case 'badVariableName':
    case 'unsupportedVersion':
    case 'titleNeeded':
    case 'invalidValue':
    case 'duplicateStepId':
    case 'duplicateRevisionNumber':
    case 'duplicateSeverity':
    case 'unknownRevision':
    case 'unstorableText':
    case 'refusedByStore': {
      // Their values are plain words and numbers, used as they are.
      const { code, ...values } = problem;
      return say(`import.problem.${code}`, values);
    }
  }
}
