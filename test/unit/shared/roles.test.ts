import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isKnownRole, KNOWN_ROLES, ROLE_SPELLINGS, roleFromText, roleKey, type KnownRole } from '../../../shared/domain/roles';

/** Every way the table lets a known role be written: its code and its spellings in both languages. */
const spellingsOf = (code: KnownRole) => [code, ...ROLE_SPELLINGS[code].es, ...ROLE_SPELLINGS[code].en];
const everySpelling = KNOWN_ROLES.flatMap((code) => spellingsOf(code).map((spelling) => ({ code, spelling })));

describe('reading a typed role', () => {
  it.each([
    ['portavoz', 'spokesperson'],
    ['PORTAVOZ', 'spokesperson'],
    ['Spokeswoman', 'spokesperson'],
    ['Responsable de crisis', 'crisis-lead'],
    ['responsable de la crisis', 'crisis-lead'],
    ['crisis lead', 'crisis-lead'],
    ['CRISIS_LEAD', 'crisis-lead'],
    ['Directora de comunicación', 'comms-lead'],
    ['director de comunicacion', 'comms-lead'],
    ['Communications lead', 'comms-lead'],
    ['asesoria juridica', 'legal'],
    ['Abogada', 'legal'],
    ['RR.HH.', 'hr'],
    ['rr. hh.', 'hr'],
    ['RRHH', 'hr'],
    ['Personas (RR. HH.)', 'hr'],
    ['People (HR)', 'hr'],
    ['Seguridad Informática', 'it-security'],
    ['atencion al cliente', 'customer-care'],
    ['Consejera delegada', 'executive'],
    ['  Dirección  ', 'executive'],
  ])('%j is the known role %s', (typed, code) => {
    expect(roleFromText(typed)).toBe(code);
  });

  it.each([
    ['Jefe de prensa', 'Jefe de prensa'],
    ['  Jefa de prensa\t', 'Jefa de prensa'],
    // Names that could be an organisation's own role are not taken for a known one.
    ['Security', 'Security'],
    ['Director', 'Director'],
    ['Personas', 'Personas'],
    ['Portavoz adjunta', 'Portavoz adjunta'],
    ['', ''],
    ['   ', ''],
  ])('%j stays the organisation\'s own role, trimmed: %j', (typed, kept) => {
    expect(roleFromText(typed)).toBe(kept);
  });

  it('lets no spelling name two roles, and gives every spelling something to compare', () => {
    const owner = new Map<string, KnownRole>();
    for (const { code, spelling } of everySpelling) {
      const key = roleKey(spelling);
      expect(key, spelling).not.toBe('');
      const earlier = owner.get(key);
      if (earlier !== undefined) expect(earlier, `"${spelling}" is also a spelling of ${earlier}`).toBe(code);
      owner.set(key, code);
    }
  });

  it('reads every code and every spelling in the table back to its role', () => {
    for (const { code, spelling } of everySpelling) expect(roleFromText(spelling), spelling).toBe(code);
  });
});

/** A spelling as someone might type it: any case, accents dropped or added, any spacing and punctuation between words. */
const typed = (spelling: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: spelling.length, maxLength: spelling.length }),
      fc.array(fc.constantFrom('none', 'strip', 'acute', 'nfd'), { minLength: spelling.length, maxLength: spelling.length }),
      fc.array(fc.constantFrom(' ', '  ', '\t', '\u00a0', '-', '_', ' - ', '. '), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00a0 '),
      fc.constantFrom('', ' ', '  ', '\t', '\r\n', ' \u00a0'),
    )
    .map(([upper, accent, separators, before, after]) => {
      let k = 0;
      const words = spelling.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
      const respelled = words
        .map((word) =>
          [...word]
            .map((letter) => {
              const i = k++;
              const cased = upper[i % upper.length] ? letter.toUpperCase() : letter.toLowerCase();
              switch (accent[i % accent.length]) {
                case 'strip': return cased.normalize('NFD').replace(/\p{M}/gu, '');
                case 'acute': return `${cased}\u0301`;
                case 'nfd': return cased.normalize('NFD');
                default: return cased;
              }
            })
            .join(''),
        )
        .reduce((text, word, i) => (i === 0 ? word : text + separators[i % separators.length] + word), '');
      return before + respelled + after;
    });

const aSpelling = fc.constantFrom(...everySpelling);
const aTypedSpelling = aSpelling.chain(({ code, spelling }) => typed(spelling).map((text) => ({ code, text })));
/** Any text: spellings as typed, words near them, and anything at all. */
const anyText = fc.oneof(
  aTypedSpelling.map(({ text }) => text),
  fc.tuple(aSpelling, fc.string({ maxLength: 4 })).map(([{ spelling }, extra]) => spelling + extra),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
);

describe('reading a typed role (properties)', () => {
  test.prop([aTypedSpelling])('any code or label in either language, in any case, accents and spacing, gives its code', ({ code, text }) => {
    expect(roleFromText(text)).toBe(code);
  });

  test.prop([anyText])('gives a known code or the text trimmed, and reading the result again changes nothing', (text) => {
    const role = roleFromText(text);
    expect(isKnownRole(role) || role === text.trim()).toBe(true);
    expect(roleFromText(role)).toBe(role);
  });
});
