import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseAnswersFile, serializeAnswersFile } from '../../../shared/library/answersFile';

const good = `format: calma.answers
version: 1
answers:
  - id: test.one
    title: { es: Uno, en: One }
    tags: [prueba]
    scenarios: [holding-statement]
    variables:
      - name: hora
        label: { es: Hora, en: Time }
    createdAt: "2026-01-01T00:00:00Z"
    createdBy: ana
    revisions:
      - id: test.one.r1
        number: 1
        createdAt: "2026-01-01T00:00:00Z"
        createdBy: ana
        texts:
          es: { x: "Volvemos a las {{hora}}" }
          en: { x: "Back at {{hora}}" }
    approvals:
      - id: test.one.a1
        revisionId: test.one.r1
        by: lead
        at: "2026-01-02T00:00:00Z"
`;

describe('answer library files', () => {
  it('turns a valid YAML file into rows', () => {
    const result = parseAnswersFile('lib.yaml', good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.answers.map((a) => a.id)).toEqual(['test.one']);
    expect(result.value.revisions[0]).toMatchObject({ id: 'test.one.r1', answerId: 'test.one', basedOn: null });
    expect(result.value.approvals[0]).toMatchObject({ subject: 'answer', subjectId: 'test.one', kind: 'approve', expiresAt: null });
  });

  it('reads the same library back from its JSON and YAML exports', () => {
    const first = parseAnswersFile('lib.yaml', good);
    if (!first.ok) throw new Error('fixture invalid');
    for (const as of ['json', 'yaml'] as const) {
      const again = parseAnswersFile(`lib.${as}`, serializeAnswersFile(first.value, as));
      expect(again).toEqual(first);
    }
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseAnswersFile('broken.yaml', 'format: calma.answers\nanswers: [\n  - a: b\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.file).toBe('broken.yaml');
    expect(result.issues[0]!.line).toBeGreaterThan(1);
  });

  it('lists every schema error with file, line, path and reason', () => {
    const bad = good
      .replace('createdBy: ana\n    revisions', 'createdBy: ""\n    revisions')
      .replace('number: 1', 'number: -1')
      .replace('    tags: [prueba]', '    tags: [prueba]\n    colour: red');
    const result = parseAnswersFile('bad.yaml', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i]));
    expect(byPath['answers[0].createdBy']?.line).toBe(13);
    expect(byPath['answers[0].revisions[0].number']?.line).toBe(16);
    expect(byPath['answers[0]']?.problem).toEqual({ code: 'unknownFields', keys: ['colour'] });
    for (const issue of result.issues) expect(issue.file).toBe('bad.yaml');
  });

  it('refuses approved text over its channel limit and undeclared variables', () => {
    const bad = good.replace('es: { x: "Volvemos a las {{hora}}" }', `es: { x: "${'a'.repeat(281)}", sms: "{{nombre}}" }`);
    const result = parseAnswersFile('bad.yaml', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.line])).toEqual([
      ['answers[0].revisions[0].texts.es.x', 19],
      ['answers[0].revisions[0].texts.es.sms', 19],
    ]);
    expect(result.issues[0]!.problem).toEqual({ code: 'overLimit', lang: 'es', channel: 'x', length: 281, limit: 280 });
    expect(result.issues[1]!.problem).toEqual({ code: 'undeclaredBlank', lang: 'es', channel: 'sms', name: 'nombre' });
  });

  it('refuses duplicate ids and approvals of unknown revisions', () => {
    const twice = good + good.split('answers:\n')[1];
    const result = parseAnswersFile('dup.yaml', twice.replace(/revisionId: test.one.r1(?![\s\S]*revisionId: test.one.r1)/, 'revisionId: nope'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.issues.map((i) => i.problem);
    expect(problems).toContainEqual({ code: 'duplicateId', kind: 'answer', id: 'test.one' });
    expect(problems).toContainEqual({ code: 'duplicateId', kind: 'revision', id: 'test.one.r1' });
    expect(problems).toContainEqual({ code: 'unknownRevision', revisionId: 'nope' });
  });

  it('refuses the wrong format, a billion-laughs alias bomb and non-object roots', () => {
    expect(parseAnswersFile('x.json', '{"format":"other","version":1,"answers":[]}').ok).toBe(false);
    expect(parseAnswersFile('x.json', '[]').ok).toBe(false);
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 0; i < 8; i += 1) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const result = parseAnswersFile('bomb.yaml', bomb.join('\n'));
    expect(result.ok).toBe(false);
  });

  test.prop([fc.string({ maxLength: 400 })])('never throws on arbitrary input', (text) => {
    const result = parseAnswersFile('fuzz.yaml', text);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  });
});

describe('answer library files, every problem at once', () => {
  it('reports an unknown field and an over-limit approved text together', () => {
    const bad = good
      .replace('    tags: [prueba]', '    tags: [prueba]\n    colour: red')
      .replace('es: { x: "Volvemos a las {{hora}}" }', `es: { x: "${'a'.repeat(281)}" }`);
    const result = parseAnswersFile('both.yaml', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.line, i.problem.code])).toEqual([
      ['answers[0]', 4, 'unknownFields'],
      ['answers[0].revisions[0].texts.es.x', 20, 'overLimit'],
    ]);
  });
});
