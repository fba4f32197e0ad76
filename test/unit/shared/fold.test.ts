import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { foldByDecomposition, foldText } from '../../../shared/text/fold';

/**
 * foldText takes short cuts (ASCII, then Latin letters through a table); whatever it is given, it
 * must give exactly what the definition gives: decompose, drop marks, lower the case, spell the
 * undecomposable letters plainly.
 */
const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));
/** What the table covers: ASCII and Latin letters (below U+0250). */
const latinUnit = fc.oneof(
  { weight: 6, arbitrary: codeUnit(0x20, 0x7e) },
  { weight: 1, arbitrary: codeUnit(0, 0x1f) },
  { weight: 3, arbitrary: codeUnit(0x80, 0x24f) },
);
/** Texts of the kinds Calma holds, mixed: ASCII, Latin letters, combining marks, other scripts. */
const mixedUnit = fc.oneof(
  { weight: 10, arbitrary: latinUnit },
  // Just past the table: IPA letters, spacing modifiers, combining marks (U+0300…).
  { weight: 1, arbitrary: codeUnit(0x250, 0x36f) },
  { weight: 1, arbitrary: fc.constantFrom('İ', 'ẞ', 'ǅ', 'ﬁ', 'Σ', 'ΑΣ ', 'ς', 'ᾼ', '한', '\u{1d400}', '\u{1f600}', '\ud800', '\udc00') },
);

describe('folding text', () => {
  it('drops accents and case', () => {
    expect(foldText('Crísis')).toBe('crisis');
    expect(foldText('IBÁÑEZ Müller')).toBe('ibanez muller');
    expect(foldText('PERSON12@Example.ORG')).toBe('person12@example.org');
    expect(foldText('')).toBe('');
    // Decomposed input (e + combining acute) folds like the precomposed letter.
    expect(foldText('Cafe\u0301')).toBe('cafe');
    // Letters without a decomposition are spelled as typed without them.
    expect(foldText('Øresund Łódź')).toBe('oresund lodz');
    expect(foldText('Łukasz Wałęsa')).toBe('lukasz walesa');
    expect(foldText('Søren Ærø')).toBe('soren aero');
    expect(foldText('Straße GROẞ')).toBe('strasse gross');
    expect(foldText('Œuvre Þór Đorđe')).toBe('oeuvre thor dorde');
  });

  it('folds every character below U+0250 as the definition does, alone and among others', () => {
    for (let code = 0; code < 0x250; code += 1) {
      const c = String.fromCharCode(code);
      for (const text of [c, `A${c}b`, `${c}\u0301`, `${c}Ω`, `${c}${'É'.repeat(120)}${c}${'x'.repeat(100)}`]) {
        expect(foldText(text), `U+${code.toString(16)} in ${JSON.stringify(text)}`).toBe(foldByDecomposition(text));
      }
    }
  });

  test.prop([fc.string({ unit: codeUnit(0, 0x7f), maxLength: 300 })])('ASCII texts fold as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDecomposition(text));
  });

  test.prop([fc.string({ unit: mixedUnit, maxLength: 120 })], { numRuns: 300 })('mixed texts fold as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDecomposition(text));
  });

  // Long texts (an answer's body) take their own way through the table.
  test.prop([fc.string({ unit: latinUnit, minLength: 201, maxLength: 600 })])('long Latin texts fold as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDecomposition(text));
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 250 })])('any Unicode text folds as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDecomposition(text));
  });

  test.prop([fc.string({ unit: codeUnit(0, 0xffff), maxLength: 250 })])('any UTF-16 text, lone surrogates included, folds as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDecomposition(text));
  });
});
