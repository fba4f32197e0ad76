import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAnswersFile, serializeAnswersFile, type FileAnswer } from '../../../shared/library/answersFile';

/**
 * Properties of the answer library's file format over generated libraries: what Calma exports it
 * reads back unchanged; a file with problems in several entries has all of them reported in one
 * go; one tab is reported once, where it is.
 */

const AT = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
// Any text a person may write (no {{…}}, which would be a blank, nor NUL, which cannot be stored).
const prose = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength }).filter((t) => !t.includes('{{') && !t.includes('\u0000'));
const localized = fc.record({ es: prose(40), en: prose(40) });

function answerArb(id: string) {
  return fc
    .record({
      title: fc.record({ es: prose(40).filter((t) => t.trim() !== ''), en: prose(40) }),
      tags: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
      scenarios: fc.array(word, { maxLength: 2 }),
      variables: fc.uniqueArray(fc.record({ name: word, label: localized }), { selector: (v) => v.name, maxLength: 2 }),
      createdAt: AT,
      createdBy: fc.string({ minLength: 1, maxLength: 20 }),
      revisions: fc.array(fc.record({ createdAt: AT, createdBy: fc.string({ minLength: 1, maxLength: 10 }), es: prose(100), en: prose(100), useBlank: fc.boolean() }), { minLength: 1, maxLength: 3 }),
      approvals: fc.array(fc.record({ revision: fc.nat(), kind: fc.constantFrom('approve', 'revoke'), at: AT, expiresAt: fc.option(AT), note: prose(30) }), { maxLength: 2 }),
    })
    .map((a): FileAnswer => {
      const blank = a.variables[0] ? ` {{${a.variables[0].name}}}` : '';
      const revisions = a.revisions.map((r, n) => ({
        id: `${id}.r${n + 1}`,
        number: n + 1,
        basedOn: n === 0 ? null : `${id}.r${n}`,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
        texts: { es: { x: r.es + (r.useBlank ? blank : '') }, en: { sms: r.en } },
      }));
      return {
        id,
        title: a.title,
        tags: a.tags,
        scenarios: a.scenarios,
        variables: a.variables,
        createdAt: a.createdAt,
        createdBy: a.createdBy,
        revisions,
        // In the order an export writes them (by time), so the export is the same file.
        approvals: [...a.approvals].sort((x, y) => x.at.localeCompare(y.at)).map((ap, k) => ({
          id: `${id}.ap${k}`,
          revisionId: revisions[ap.revision % revisions.length]!.id,
          kind: ap.kind,
          by: 'lead',
          at: ap.at,
          expiresAt: ap.expiresAt,
          note: ap.note,
        })),
      };
    });
}

const libraryArb = (minLength: number) =>
  fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { minLength, maxLength: 5 }).chain((ids) => fc.tuple(...ids.map((id) => answerArb(`qa.${id}`))));

const fileOf = (answers: readonly FileAnswer[]) => ({ format: 'calma.answers', version: 1, answers });

/** Breaks one field so the schema refuses the answer. */
const SCHEMA_BREAKS: ((a: Record<string, unknown> & FileAnswer) => void)[] = [
  (a) => { a.title = 7 as never; },
  (a) => { a.id = 'not an id'; },
  (a) => { a.createdAt = 'yesterday'; },
  (a) => { a.revisions = []; },
  (a) => { a.revisions[0]!.number = 0; },
  (a) => { a.tags = 'urgent' as never; },
  (a) => { a.createdBy = ''; },
  (a) => { delete (a as Partial<FileAnswer>).revisions; },
  (a) => { a.approvals = [{ ...(a.approvals[0] ?? { id: `${a.id}.apx`, revisionId: a.revisions[0]!.id, by: 'lead', at: a.createdAt, expiresAt: null, note: '' }), kind: 'maybe' as never }]; },
];

/** Breaks what only the whole file shows, leaving the answer valid for the schema. */
const FILE_BREAKS: ((a: FileAnswer) => void)[] = [
  (a) => {
    a.revisions[0]!.texts.en.x = 'w'.repeat(281);
    a.approvals.push({ id: `${a.id}.over`, revisionId: a.revisions[0]!.id, kind: 'approve', by: 'lead', at: a.createdAt, expiresAt: null, note: '' });
  },
  (a) => {
    a.revisions[0]!.texts.es.sms = 'Hola {{nadie_lo_declara}}';
    a.approvals.push({ id: `${a.id}.blank`, revisionId: a.revisions[0]!.id, kind: 'approve', by: 'lead', at: a.createdAt, expiresAt: null, note: '' });
  },
  (a) => { a.approvals.push({ id: `${a.id}.lost`, revisionId: `${a.id}.r99`, kind: 'approve', by: 'lead', at: a.createdAt, expiresAt: null, note: '' }); },
  (a) => { a.revisions.push({ ...a.revisions[0]!, id: `${a.id}.again` }); },
];

describe('answer library files, over generated libraries', () => {
  it('read back what Calma exports, as YAML and as JSON, with no issue', () => {
    fc.assert(
      fc.property(libraryArb(0), fc.constantFrom('yaml' as const, 'json' as const), (answers, as) => {
        const first = parseAnswersFile('generated.yaml', stringify(fileOf(answers)));
        expect(first.ok ? [] : first.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([]);
        if (!first.ok) return;
        expect(parseAnswersFile(`export.${as}`, serializeAnswersFile(first.value, as))).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('report a schema problem in one answer and a file-wide problem in another, in one go', () => {
    fc.assert(
      fc.property(libraryArb(2), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('yaml' as const, 'json' as const), (answers, pick, schemaBreak, fileBreak, as) => {
        const file = structuredClone(fileOf(answers));
        const i = pick % answers.length;
        const j = (i + 1 + (pick % (answers.length - 1))) % answers.length;
        SCHEMA_BREAKS[schemaBreak % SCHEMA_BREAKS.length]!(file.answers[i] as never);
        FILE_BREAKS[fileBreak % FILE_BREAKS.length]!(file.answers[j]!);
        const result = parseAnswersFile(`broken.${as}`, as === 'json' ? JSON.stringify(file, null, 2) : stringify(file));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const within = (k: number) => result.issues.filter((issue) => issue.path === `answers[${k}]` || issue.path.startsWith(`answers[${k}].`) || issue.path.startsWith(`answers[${k}][`));
        expect(within(i).length, JSON.stringify(result.issues)).toBeGreaterThan(0);
        expect(within(j).length, JSON.stringify(result.issues)).toBeGreaterThan(0);
        // Only the two broken answers have problems, each located on a line of the file.
        expect(within(i).length + within(j).length).toBe(result.issues.length);
        for (const issue of result.issues) expect(issue.line).not.toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('report a tab that indents a line of YAML once, at that line and column, whatever the line', () => {
    fc.assert(
      fc.property(libraryArb(1), fc.nat(), (answers, pick) => {
        const lines = stringify(fileOf(answers)).split('\n');
        const filled = lines.flatMap((l, n) => (l.trim() === '' ? [] : [n]));
        const at = filled[pick % filled.length]!;
        lines[at] = `\t${lines[at]}`;
        const result = parseAnswersFile('tab.yaml', lines.join('\n'));
        expect(result.ok ? [] : result.issues.map((i) => ({ line: i.line, column: i.column, path: i.path, problem: i.problem.code === 'syntax' ? i.problem.reason : i.problem.code })))
          .toEqual([{ line: at + 1, column: 1, path: '', problem: 'tabIndent' }]);
      }),
      { numRuns: 150 },
    );
  });
});
