import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pluralStem } from '../../../shared/text/pluralStem';

describe('the plural stem of a search word', () => {
  it.each([
    ['respuestas', 'respuesta'],
    ['hackeos', 'hackeo'],
    ['leaks', 'leak'],
    ['clientes', 'client'],
    ['filtraciones', 'filtracion'],
    ['apologies', 'apolog'],
    ['updates', 'updat'],
    ['access', 'access'],
    ['crisis', 'crisis'],
    ['status', 'status'],
    ['red', 'red'],
    ['mes', 'mes'],
    ['bus', 'bus'],
    ['cris', 'cris'],
    ['acces', 'acce'],
  ])('%s → %s', (word, stem) => expect(pluralStem(word)).toBe(stem));

  it('is the word itself or a prefix of it of at least four letters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'e', 'i', 'o', 'u', 's', 'r', 'n') }), (word) => {
        const stem = pluralStem(word);
        expect(word.startsWith(stem)).toBe(true);
        if (stem !== word) expect(stem.length).toBeGreaterThanOrEqual(4);
      }),
    );
  });
});
