import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswersFile, serializeAnswersFile } from '../../../shared/library/answersFile';
import { toPortableYaml } from '../../../shared/library/portableYaml';

/**
 * A string Calma exports must come back as that string from a YAML 1.2 reader (Calma's own, and
 * most current libraries) and from a YAML 1.1 reader (PyYAML, Psych, many older tools), where
 * `20:00` is the number 1200 and `off` is false when left plain.
 */

const read12 = (text: string) => parse(text) as unknown;
const read11 = (text: string) => parse(text, { version: '1.1' }) as unknown;

// What YAML 1.1 or 1.2 resolve to something other than a string when plain, in generated forms.
const YAML11_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '~', 'null', 'Null', 'NULL', '', '<<', '=', '.inf', '-.Inf', '.NaN'];
const sexagesimal = fc.stringMatching(/^[-+]?[0-9][0-9_]{0,2}(:[0-5]?[0-9]){1,3}(\.[0-9_]*)?$/);
const numeric = fc.stringMatching(/^[-+]?(0x[0-9a-fA-F_]{1,6}|0b[01_]{1,8}|0o?[0-7_]{1,6}|[0-9_]{1,6}(\.[0-9_]*)?([eE][-+]?[0-9]{1,3})?|\.[0-9]{1,4})$/);
const dates = fc.stringMatching(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z| ?[-+][0-9]{1,2}(:[0-9]{2})?)?)?$/);
const tricky = fc.oneof(fc.constantFrom(...YAML11_WORDS), sexagesimal, numeric, dates);
const anyString = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), tricky.map((s) => ` ${s} `), fc.tuple(tricky, fc.string()).map(([a, b]) => a + b));

describe('portable YAML', () => {
  it('quotes the strings a YAML 1.1 reader would take for times, numbers, booleans or null', () => {
    const text = toPortableYaml({ start: '20:00', long: '1:30:00', flag: 'off', answer: 'yes', hex: '0x1F', exp: '1e3', none: '~', word: 'null', octal: '0o17', plain: 'hola' });
    expect(text).toBe('start: "20:00"\nlong: "1:30:00"\nflag: "off"\nanswer: "yes"\nhex: "0x1F"\nexp: "1e3"\nnone: "~"\nword: "null"\noctal: "0o17"\nplain: hola\n');
  });

  it('gives back every string value, and every key, to both a YAML 1.2 and a YAML 1.1 reader', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 6 }), fc.dictionary(anyString, anyString, { maxKeys: 4 }), (list, map) => {
        const value = { list, map: { ...map } };
        const text = toPortableYaml(value);
        expect(read12(text)).toEqual(value);
        expect(read11(text)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a tag like 20:00 a string in an exported answer library, for Calma and for a YAML 1.1 reader', () => {
    fc.assert(
      fc.property(fc.array(tricky.filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 4 }), (tags) => {
        const file = { format: 'calma.answers', version: 1, answers: [{ id: 'qa.one', title: { es: 'Uno', en: 'One' }, tags, scenarios: [], variables: [], createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'on', revisions: [{ id: 'qa.one.r1', number: 1, basedOn: null, createdAt: '2026-01-01T00:00:00.000Z', createdBy: '20:00', texts: { es: { x: 'no' }, en: { x: '1:30' } } }], approvals: [] }] };
        const first = parseAnswersFile('lib.json', JSON.stringify(file));
        expect(first.ok ? [] : first.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([]);
        if (!first.ok) return;
        const yaml = serializeAnswersFile(first.value, 'yaml');
        expect(parseAnswersFile('export.yaml', yaml)).toEqual(first);
        const byOldReader = read11(yaml) as typeof file;
        expect(byOldReader.answers[0]!.tags).toEqual(first.value.answers[0]!.tags);
        expect(byOldReader.answers[0]!.revisions[0]!.createdBy).toBe('20:00');
        expect(byOldReader.answers[0]!.revisions[0]!.texts.en.x).toBe('1:30');
      }),
      { numRuns: 100 },
    );
  });
});
