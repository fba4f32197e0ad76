import { createIntl, type IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAnswersFile } from '../../../shared/library/answersFile';
import { SYNTAX_REASONS, type FileProblem, type FileProblemCode } from '../../../shared/library/fileProblems';
import { schemaProblem } from '../../../shared/library/schemaProblems';
import { problemText } from '../../../renderer/src/features/library/problemText';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';

/** One problem of every code; the type makes a new code without a sample fail to compile. */
const SAMPLES: { [C in FileProblemCode]: Extract<FileProblem, { code: C }> } = {
  fileTooLarge: { code: 'fileTooLarge', limitMb: 200 },
  emptyFile: { code: 'emptyFile' },
  syntax: { code: 'syntax', reason: 'tabIndent', column: 3, yamlCode: 'TAB_AS_INDENT', parser: 'Tabs are not allowed as indentation' },
  unresolvedAlias: { code: 'unresolvedAlias', name: 'base' },
  tooManyAliases: { code: 'tooManyAliases' },
  missingField: { code: 'missingField', expected: 'string' },
  wrongType: { code: 'wrongType', expected: 'object', received: 'number' },
  textTooShort: { code: 'textTooShort', minimum: 1 },
  textTooLong: { code: 'textTooLong', maximum: 60 },
  listTooShort: { code: 'listTooShort', minimum: 1 },
  listTooLong: { code: 'listTooLong', maximum: 10 },
  numberTooSmall: { code: 'numberTooSmall', minimum: 0, inclusive: false },
  numberTooBig: { code: 'numberTooBig', maximum: 129600, inclusive: true },
  notDateTime: { code: 'notDateTime', value: 'yesterday' },
  badId: { code: 'badId', value: 'a b' },
  badVariableName: { code: 'badVariableName', value: '1x' },
  notAllowed: { code: 'notAllowed', value: 'ok', allowed: ['approve', 'revoke'] },
  wrongFormat: { code: 'wrongFormat', expected: 'calma.answers', found: 'calma.playbooks' },
  unsupportedVersion: { code: 'unsupportedVersion', supported: 1, found: '2' },
  unknownFields: { code: 'unknownFields', keys: ['colour'] },
  unknownChannels: { code: 'unknownChannels', keys: ['tiktok'], channels: ['x', 'sms'] },
  titleNeeded: { code: 'titleNeeded' },
  invalidValue: { code: 'invalidValue' },
  duplicateId: { code: 'duplicateId', kind: 'answer', id: 'qa.d' },
  duplicateStepId: { code: 'duplicateStepId', id: 's1' },
  duplicateRevisionNumber: { code: 'duplicateRevisionNumber', number: 2 },
  duplicateSeverity: { code: 'duplicateSeverity', level: 'high' },
  unknownRevision: { code: 'unknownRevision', revisionId: 'qa.c.r9' },
  overLimit: { code: 'overLimit', lang: 'en', channel: 'x', length: 300, limit: 280 },
  undeclaredBlank: { code: 'undeclaredBlank', lang: 'en', channel: 'sms', name: 'nope' },
  unstorableText: { code: 'unstorableText' },
  rewritesHistory: { code: 'rewritesHistory', kind: 'revision', id: 'calma.answer.x.r1' },
  refusedByStore: { code: 'refusedByStore', detail: 'the store is closed' },
};

/** Every syntax reason, as a syntax problem. */
const SYNTAX = SYNTAX_REASONS.map((reason): FileProblem => ({ ...SAMPLES.syntax, reason }));

function intlFor(locale: 'es' | 'en'): { intl: IntlShape; errors: string[] } {
  const errors: string[] = [];
  const intl = createIntl({ locale, messages: locale === 'es' ? es : en, onError: (e) => errors.push(e.message) });
  return { intl, errors };
}

const spanish = intlFor('es');
const english = intlFor('en');

describe('import problems in the console language', () => {
  it('has a Spanish and an English message for every problem code and every syntax reason', () => {
    for (const problem of [...Object.values(SAMPLES), ...SYNTAX]) {
      const label = problem.code === 'syntax' ? `syntax.${problem.reason}` : problem.code;
      const texts = [problemText(spanish.intl, problem), problemText(english.intl, problem)];
      for (const text of texts) {
        expect(text.trim(), label).not.toBe('');
        // No message id and no placeholder left unfilled ({{name}} is a blank, as written).
        expect(text, label).not.toMatch(/import\.|(?<!\{)\{\w+\}(?!\})/);
      }
      // Not the English text, nor the message id, shown in a Spanish console.
      expect(texts[0], label).not.toBe(texts[1]);
    }
    expect(spanish.errors).toEqual([]);
    expect(english.errors).toEqual([]);
  });

  it('names channels as the console does, and fills in every value', () => {
    expect(problemText(spanish.intl, SAMPLES.overLimit)).toBe('el texto aprobado supera el límite de X (300/280)');
    expect(problemText(english.intl, SAMPLES.overLimit)).toBe('approved text is over the X limit (300/280)');
    expect(problemText(spanish.intl, { ...SAMPLES.overLimit, channel: 'sms', length: 170, limit: 160 })).toBe('el texto aprobado supera el límite de SMS (170/160)');
    expect(problemText(spanish.intl, SAMPLES.wrongType)).toBe('se esperaba un grupo de campos (clave: valor) y hay un número');
    expect(problemText(english.intl, SAMPLES.undeclaredBlank)).toBe('uses {{nope}}, which the answer does not declare in variables');
    expect(problemText(spanish.intl, SAMPLES.duplicateId)).toBe('id de respuesta repetido: «qa.d»');
    expect(problemText(spanish.intl, SAMPLES.notAllowed)).toBe('«ok» no se admite aquí: usa «approve» o «revoke»');
    expect(problemText(english.intl, SAMPLES.syntax)).toBe('a tab indents this line: YAML indents with spaces only (column 3)');
    // A rare parser code: the parser's own words, said to be the parser's.
    expect(problemText(spanish.intl, { ...SAMPLES.syntax, reason: 'other', parser: 'Some new complaint' })).toBe('el lector de YAML dice (en inglés): Some new complaint (columna 3)');
  });

  it('says what a bad file has in Spanish: no English reason from zod or the parser reaches the table', () => {
    const text = [
      'format: calma.answers',
      'version: 1',
      'answers:',
      '  - id: "qa a"',
      '    title: 7',
      '    createdAt: yesterday',
      '    createdBy: qa',
      '    colour: red',
      '    revisions: []',
      '    approvals: [{ id: qa.ap, revisionId: qa.r1, kind: ok, by: lead, at: "2026-01-01T00:00:00Z" }]',
    ].join('\n');
    const result = parseAnswersFile('bad.yaml', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.line} ${i.path}: ${problemText(spanish.intl, i.problem)}`)).toEqual([
      '4 answers[0]: campo desconocido «colour»: revisa cómo está escrito',
      '4 answers[0].id: «qa a» no es un id válido: los ids solo usan letras, dígitos y «.», «_», «:», «-»',
      '5 answers[0].title: se esperaba un grupo de campos (clave: valor) y hay un número',
      '6 answers[0].createdAt: «yesterday» no es una fecha y hora: escríbela así: 2026-01-15T09:00:00Z',
      '9 answers[0].revisions: la lista está vacía: necesita al menos 1 elemento',
      '10 answers[0].approvals[0].kind: «ok» no se admite aquí: usa «approve» o «revoke»',
    ]);
  });

  it('maps every kind of zod issue the schemas raise to a problem of ours', () => {
    const data = { a: 'x', n: 0, list: [], texts: { es: { tiktok: 'x' } }, when: 'x', variables: [{ name: '1' }] };
    const cases: [z.ZodType, unknown, FileProblem][] = [
      [z.object({ missing: z.string() }), data, { code: 'missingField', expected: 'string' }],
      [z.object({ a: z.number() }), data, { code: 'wrongType', expected: 'number', received: 'string' }],
      [z.object({ n: z.number().positive() }), data, { code: 'numberTooSmall', minimum: 0, inclusive: false }],
      [z.object({ n: z.number().max(-1) }), data, { code: 'numberTooBig', maximum: -1, inclusive: true }],
      [z.object({ a: z.string().max(0) }), data, { code: 'textTooLong', maximum: 0 }],
      [z.object({ list: z.array(z.string()).min(2) }), data, { code: 'listTooShort', minimum: 2 }],
      [z.object({ when: z.iso.datetime() }), data, { code: 'notDateTime', value: 'x' }],
      [z.object({ a: z.string().regex(/^\d$/) }), data, { code: 'badId', value: 'x' }],
      [z.object({ variables: z.array(z.object({ name: z.string().regex(/^\d\d$/) })) }), data, { code: 'badVariableName', value: '1' }],
      [z.object({ a: z.enum(['y', 'z']) }), data, { code: 'notAllowed', value: 'x', allowed: ['y', 'z'] }],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, { code: 'unknownFields', keys: ['b'] }],
      [z.object({ texts: z.object({ es: z.partialRecord(z.enum(['x']), z.string()) }) }), data, { code: 'unknownChannels', keys: ['tiktok'], channels: ['x', 'instagram', 'facebook', 'linkedin', 'sms', 'email', 'press'] }],
      [z.object({ a: z.string().refine(() => false, { params: { code: 'titleNeeded' } }) }), data, { code: 'titleNeeded' }],
      [z.object({ a: z.string().refine(() => false) }), data, { code: 'invalidValue' }],
      [z.object({ a: z.union([z.number(), z.boolean()]) }), data, { code: 'invalidValue' }],
      [z.object({ n: z.number().multipleOf(7) }), { n: 3 }, { code: 'invalidValue' }],
    ];
    for (const [schema, value, expected] of cases) {
      const parsed = schema.safeParse(value);
      expect(parsed.success).toBe(false);
      if (parsed.success) continue;
      expect(schemaProblem(parsed.error.issues[0]!, value, parsed.error.issues[0]!.path), JSON.stringify(parsed.error.issues[0])).toEqual(expected);
    }
  });
});
