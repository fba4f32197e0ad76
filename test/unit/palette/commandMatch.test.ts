import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { foldByDecomposition } from '../../../shared/text/fold';
import { PALETTE_COMMANDS, type CommandId } from '../../../renderer/src/features/palette/commandList';
import { foldedWords, matchCommands, type CommandText } from '../../../renderer/src/features/palette/commandMatch';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';

/**
 * The palette finds commands word by word: every typed word begins a word of the command's label or
 * keywords, whatever the case and accents. Checked on the real catalogues (what QA typed and got
 * "Nothing matches" for) and, with generated labels, against a matcher written another way.
 */

const find = (catalogue: typeof en | typeof es, text: string): CommandId[] =>
  matchCommands(text, PALETTE_COMMANDS, (c) => ({ label: catalogue[c.label], keywords: catalogue[c.keywords] })).map((c) => c.id);

describe('commands in the interface language', () => {
  it.each([
    ['en', 'export yaml', ['export-yaml']],
    ['en', 'exp yam', ['export-yaml']],
    ['en', 'YAML export', ['export-yaml']],
    ['en', 'export', ['export-yaml', 'export-json']],
    ['en', 'new answer', ['new-answer']],
    ['en', 'import', ['import']],
    ['en', 'settings', ['go-settings']],
    ['en', 'dark theme', ['theme-dark']],
    ['en', 'theme', ['theme-dark', 'theme-light']],
    ['en', 'spanish', ['lang-es']],
    // By a keyword: a Spanish speaker's word for their language.
    ['en', 'español', ['lang-es']],
    ['en', 'ESPANOL', ['lang-es']],
    ['en', 'download json', ['export-json']],
    ['es', 'exportar yaml', ['export-yaml']],
    ['es', 'EXPORTAR Yaml', ['export-yaml']],
    ['es', 'exp yam', ['export-yaml']],
    ['es', 'tema oscuro', ['theme-dark']],
    ['es', 'ajustes', ['go-settings']],
    ['es', 'nueva respuesta', ['new-answer']],
    ['es', 'importar', ['import']],
    ['es', 'a ingles', ['lang-en']],
    ['es', 'inglés', ['lang-en']],
    ['es', 'espanol', ['lang-es']],
    ['es', 'descargar json', ['export-json']],
    // Only the interface's language is searched.
    ['es', 'switch spanish', []],
    ['es', 'dark theme', []],
    ['es', 'settings', []],
  ] as const)('%s: %j finds %j', (lang, text, ids) => {
    expect(find(lang === 'en' ? en : es, text)).toEqual(ids);
  });

  it('lists commands found by their label before those found only by a keyword', () => {
    // "yaml" is in the export's label and among the import's keywords.
    expect(find(en, 'yaml')).toEqual(['export-yaml', 'import']);
  });

  it('finds every command, in order, for an empty or blank text, and none for a word in none', () => {
    const all = PALETTE_COMMANDS.map((c) => c.id);
    expect(find(en, '')).toEqual(all);
    expect(find(en, '  … ')).toEqual(all);
    expect(find(en, 'zxqv')).toEqual([]);
    // Every word must begin some word: "export" does, "xml" does not.
    expect(find(en, 'export xml')).toEqual([]);
    // A word inside another word is not its beginning.
    expect(find(en, 'port')).toEqual([]);
  });
});

describe('generated labels', () => {
  const ACCENTED: Record<string, string[]> = { a: ['á', 'à', 'â', 'ä'], e: ['é', 'è', 'ê'], i: ['í', 'ï'], o: ['ó', 'ö'], u: ['ú', 'ü'], n: ['ñ'], c: ['ç'] };
  const letter = fc.constantFrom(...'abcdeilmnorstuyáéíñóúüç');
  const word = fc.string({ unit: letter, minLength: 1, maxLength: 9 });
  const separator = fc.constantFrom(' ', '  ', ', ', ': ', ' — ', '…', ' (', ') ', '-', '/');
  /** Words joined by spaces and punctuation, as labels are written. */
  const textOf = (words: string[], seps: string[]) => words.map((w, i) => w + (i < words.length - 1 ? seps[i % seps.length] : '')).join('');
  const label = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 6 }), seps: fc.array(separator, { minLength: 1, maxLength: 5 }) });
  /** The same letter as a person might type it: another case, with or without an accent. */
  const retype = (c: string, how: number) => {
    const plain = foldByDecomposition(c);
    if (how === 0) return c;
    if (how === 1) return c.toUpperCase();
    if (how === 2) return plain;
    const accents = ACCENTED[plain];
    return accents ? accents[how % accents.length]!.toUpperCase() : plain.toUpperCase();
  };

  test.prop([
    label,
    fc.array(fc.record({ pick: fc.nat(), length: fc.nat(), how: fc.array(fc.nat({ max: 5 }), { minLength: 9, maxLength: 9 }) }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom(' ', '  ', ', ', ' - '),
  ])('a label is found by the beginnings of its own words, in any order, case and accents', ({ words, seps }, picks, joiner) => {
    const typed = picks.map(({ pick, length, how }) => {
      const w = words[pick % words.length]!;
      return [...w.slice(0, 1 + (length % w.length))].map((c, i) => retype(c, how[i]!)).join('');
    });
    const command = { label: textOf(words, seps), keywords: '' };
    expect(matchCommands(typed.join(joiner), [command], (c) => c)).toEqual([command]);
    // And through the keywords just the same.
    const byKeyword = { label: 'zzz', keywords: command.label };
    expect(matchCommands(typed.join(joiner), [byKeyword], (c) => c)).toEqual([byKeyword]);
  });

  test.prop([label, word, fc.constantFrom('x', 'q', 'k', 'z', 'w')])(
    'a typed word that begins none of the words is not found, however the rest matches',
    ({ words, seps }, typed, stranger) => {
      // The label's letters never include `stranger`, so no word of it begins with it.
      const command = { label: textOf(words, seps), keywords: textOf(words.slice().reverse(), seps) };
      expect(matchCommands(`${words[0]} ${stranger}${typed}`, [command], (c) => c)).toEqual([]);
    },
  );

  /** The rule written another way: decompose, drop marks, split on anything not a letter or digit. */
  const reference = (text: string, command: CommandText, field: 'label' | 'both') => {
    const split = (s: string) => foldByDecomposition(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const words = field === 'label' ? split(command.label) : split(`${command.label} ${command.keywords}`);
    return split(text).every((t) => words.some((w) => w.startsWith(t)));
  };
  const command = fc.record({ label: label.map((l) => textOf(l.words, l.seps)), keywords: label.map((l) => textOf(l.words, l.seps)) });

  test.prop([fc.array(command, { maxLength: 6 }), fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ').slice(0, 8))])(
    'finds exactly the commands the reference finds, those found by their label first, in the given order',
    (commands, text) => {
      const found = matchCommands(text, commands, (c) => c);
      const byLabel = commands.filter((c) => reference(text, c, 'label'));
      const byKeyword = commands.filter((c) => !reference(text, c, 'label') && reference(text, c, 'both'));
      expect(found).toEqual([...byLabel, ...byKeyword]);
    },
  );

  it('reads words as runs of letters and digits, folded', () => {
    expect(foldedWords('Export answer library as YAML')).toEqual(['export', 'answer', 'library', 'as', 'yaml']);
    expect(foldedWords('Importar biblioteca de respuestas…')).toEqual(['importar', 'biblioteca', 'de', 'respuestas']);
    expect(foldedWords('Cambiar a INGLÉS (v2)')).toEqual(['cambiar', 'a', 'ingles', 'v2']);
    expect(foldedWords(' … ')).toEqual([]);
  });
});
