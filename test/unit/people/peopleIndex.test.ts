import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { nameText, PeopleIndex, personSearchText, queryTerms } from '../../../renderer/src/features/people/peopleIndex';
import { changedFields, formOf, readForm, rebaseForm, type PersonForm } from '../../../renderer/src/features/people/personForm';
import { foldText } from '../../../shared/text/fold';
import { person } from './people';

const LABELS: Record<string, string> = { spokesperson: 'Portavoz', legal: 'Legal' };
const directory = [
  person({ id: '1', name: 'Lucía Ferrer', roles: ['spokesperson'], phones: ['+34 600 111 222'], email: 'lucia@example.org' }),
  person({ id: '2', name: 'Carmen Ibáñez', roles: ['legal'], email: 'carmen@example.org' }),
  person({ id: '3', name: 'Ana Lucientes', phones: ['(91) 555-0100'] }),
  person({ id: '4', name: 'Gone Person', deleted: true, email: 'gone@example.org' }),
  person({ id: '5', name: 'Álvaro Ruiz', notes: 'lucia is not searched in notes' }),
  person({ id: '6', name: 'Bea Alba', email: 'ferrer.team@example.org' }),
];
const index = new PeopleIndex(directory, (r) => LABELS[r] ?? r, 'es');
const names = (q: string) => index.search(q).map((p) => p.name);

describe('searching the directory', () => {
  it('lists the living in name order when nothing is typed', () => {
    expect(names('')).toEqual(['Álvaro Ruiz', 'Ana Lucientes', 'Bea Alba', 'Carmen Ibáñez', 'Lucía Ferrer']);
    expect(index.size).toBe(5);
  });

  it('ignores accents and case, and puts names starting with the word first', () => {
    expect(names('IBANEZ')).toEqual(['Carmen Ibáñez']);
    expect(names('lucia')).toEqual(['Lucía Ferrer']);
    expect(names('luci')).toEqual(['Ana Lucientes', 'Lucía Ferrer']);
    // Bea sorts first, but only her email says "ferrer".
    expect(names('ferrer')).toEqual(['Lucía Ferrer', 'Bea Alba']);
    expect(names('alvaro')).toEqual(['Álvaro Ruiz']);
  });

  it('finds roles by key and by label, phones by digits, and email; every word must match', () => {
    expect(names('portavoz')).toEqual(['Lucía Ferrer']);
    expect(names('legal')).toEqual(['Carmen Ibáñez']);
    expect(names('600111')).toEqual(['Lucía Ferrer']);
    expect(names('600 111 222')).toEqual(['Lucía Ferrer']);
    expect(names('555-0100')).toEqual(['Ana Lucientes']);
    expect(names('carmen@')).toEqual(['Carmen Ibáñez']);
    expect(names('lucia portavoz')).toEqual(['Lucía Ferrer']);
    expect(names('lucia legal')).toEqual([]);
    expect(names('gone')).toEqual([]);
  });

  test.prop([fc.array(fc.string({ unit: fc.constantFrom(...'lucia fer6012-@éÁ'), maxLength: 8 }), { maxLength: 12 })])(
    'typing on (narrowing the last matches) finds exactly what a fresh search finds',
    (queries) => {
      const typing = new PeopleIndex(directory, (r) => LABELS[r] ?? r, 'es');
      for (const q of queries) {
        // Each query typed a character at a time, as a person would, then the next one from scratch.
        for (let i = 1; i <= q.length; i += 1) typing.search(q.slice(0, i));
        expect(typing.search(q).map((p) => p.id)).toEqual(new PeopleIndex(directory, (r) => LABELS[r] ?? r, 'es').search(q).map((p) => p.id));
      }
    },
  );

  test.prop([fc.string({ maxLength: 6 })])('every result contains every typed word; nobody containing them all is missed', (query) => {
    const words = foldText(query).split(/\s+/).filter(Boolean);
    const found = new Set(index.search(query).map((p) => p.id));
    for (const p of directory.filter((d) => !d.deleted)) {
      const text = foldText([p.name, ...p.roles, ...p.roles.map((r) => LABELS[r] ?? r), ...p.phones, p.email].join(' '));
      // A plain containment check agrees with the index, except for phone digits (which the index also matches).
      if (words.every((w) => text.includes(w))) expect(found.has(p.id)).toBe(true);
    }
  });
});

/**
 * The simple scan the index must agree with: everyone whose search text contains every term, in
 * name order, those with a name word starting with the first term first.
 */
function scan(index: PeopleIndex, label: (role: string) => string, query: string): string[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.people.map((p) => p.id);
  const matches = index.people.filter((p) => terms.every((t) => personSearchText(p, label).includes(t)));
  const named = (p: Person) => nameText(p).includes(` ${terms[0]}`);
  return [...matches.filter(named), ...matches.filter((p) => !named(p))].map((p) => p.id);
}

// Small alphabets and a few words, so that names, phones, emails and queries share pieces often.
const letters = fc.constantFrom(...'lucia ferLUÍñ', 'é', 'á', 'Σ', '\u0301', '中');
const digits = fc.constantFrom(...'600 11+()-');
const word = fc.oneof(fc.constantFrom('Lucía', 'Luis', 'Ana', 'Ferrer', 'Alba', 'Ibáñez', 'Cal', 'LUCAS', 'ΣΑΣ'), fc.string({ unit: letters, minLength: 1, maxLength: 6 }));
const LABEL: Record<string, string> = { spokesperson: 'Portavoz', legal: 'Legal', it: 'Informática' };
const label = (r: string) => LABEL[r] ?? r;
const directoryArb = fc
  .array(
    fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
      roles: fc.subarray(['spokesperson', 'legal', 'it', 'lucía-lead']),
      phones: fc.array(fc.string({ unit: digits, minLength: 1, maxLength: 9 }), { maxLength: 2 }),
      email: fc.string({ unit: fc.constantFrom(...'luca@.6'), maxLength: 6 }),
      deleted: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((rows) => rows.map((r, i) => person({ id: `p${i}`, ...r })));
const queryArb = fc.oneof(
  fc.string({ unit: fc.oneof(letters, digits, fc.constantFrom(...'@.\u0001\t')), maxLength: 8 }),
  fc.array(fc.constantFrom('l', 'lu', 'luc', 'a', 'an', 'fe', 'ferr', 'A', '6', '600 1', '60-01', '@', 'í', 'Σ', ' '), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')),
  // Several words: the first orders the matches, the others narrow them.
  fc.array(fc.constantFrom('l', 'lu', 'a', 'f', 'i', 'Σ', '6', '1', '@', 'portavoz', 'leg', 'lead'), { minLength: 2, maxLength: 3 }).map((words) => words.join(' ')),
);

describe('the index agrees with a scan of every person', () => {
  test.prop([directoryArb, fc.array(queryArb, { minLength: 1, maxLength: 8 })])('a fresh index finds what the scan finds, in its order', (directory, queries) => {
    for (const q of queries) {
      const index = new PeopleIndex(directory, label, 'es');
      expect(index.search(q).map((p) => p.id)).toEqual(scan(index, label, q));
    }
  });

  test.prop([directoryArb, fc.array(queryArb, { minLength: 1, maxLength: 5 })])(
    'one index typed into, a key at a time, then erased, agrees with the scan at every keystroke',
    (directory, queries) => {
      const index = new PeopleIndex(directory, label, 'es');
      for (const q of queries) {
        const keystrokes = [...Array.from(q, (_, i) => q.slice(0, i + 1)), ...Array.from(q, (_, i) => q.slice(0, q.length - i - 1))];
        for (const typed of keystrokes) expect(index.search(typed).map((p) => p.id)).toEqual(scan(index, label, typed));
      }
    },
  );

  it('agrees on the example directory: phones written any way, role labels, accents, single characters', () => {
    const index = new PeopleIndex(directory, (r) => LABELS[r] ?? r, 'es');
    for (const q of ['600-111', '(91) 555', '+34600', 'PORTA', 'ibañ', 'ferrer lucia', 'l', 'a', 'e', '6', '@', '']) {
      expect(index.search(q).map((p) => p.id)).toEqual(scan(index, (r) => LABELS[r] ?? r, q));
    }
    // One letter: names with a word starting with it, then everyone else holding it, each in name order.
    expect(names('l')).toEqual(['Ana Lucientes', 'Lucía Ferrer', 'Álvaro Ruiz', 'Bea Alba', 'Carmen Ibáñez']);
  });

  it('puts the named first when the other words leave fewer matches than names with that initial', () => {
    const few = new PeopleIndex(
      [
        person({ id: 'ana', name: 'Ana Ruiz', roles: ['legal'], phones: ['600'] }),
        person({ id: 'luis', name: 'Luis Vera', phones: ['611'] }),
        person({ id: 'lola', name: 'Lola Paz' }),
        person({ id: 'lucas', name: 'Lucas Gil' }),
      ],
      label,
      'es',
    );
    expect(few.search('l 6').map((p) => p.id)).toEqual(['luis', 'ana']);
  });
});

/** Roles shown as stored: these cases are not about labels (personForm.test.ts is). */
const asStored = (role: string) => role;

describe('the person editor form', () => {
  it('checks fields with the import rules, keeps an untouched verification instant, writes only changes', () => {
    const ana = person({ id: 'a', name: 'Ana', email: 'ana@example.org', verifiedAt: '2025-03-01T09:13:00.000Z', timeZone: 'Europe/Madrid' });
    const form = formOf(ana, 'es', 'UTC', asStored);
    expect(form).toMatchObject({ verified: '2025-03-01', timeZone: 'Europe/Madrid', phones: '' });
    const same = readForm(form, ana, 'UTC', asStored);
    expect(same.ok && changedFields(ana, same.fields)).toEqual({});

    const edited = readForm({ ...form, phones: '+34 600 111 222\n+34 700 000 000', workingHours: 'lun-vie 9-17', verified: '2025-04-02' }, ana, 'UTC', asStored);
    expect(edited.ok && changedFields(ana, edited.fields)).toEqual({
      phones: ['+34 600 111 222', '+34 700 000 000'],
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      verifiedAt: '2025-04-02T12:00:00.000Z',
    });

    const bad = readForm({ ...form, name: ' ', email: 'nope', timeZone: 'Mars/Base' }, ana, 'UTC', asStored);
    expect(bad.ok ? [] : bad.issues.map((i) => [i.path, i.code])).toEqual([['name', 'name.missing'], ['email', 'email.invalid'], ['timeZone', 'timeZone.invalid']]);
  });

  it('keeps a change stored while the form was open: only the fields edited in the form are written', () => {
    const tomas = person({ id: 't', name: 'Tomás', phones: ['+34 600 100 102'], notes: '' });
    const opened = formOf(tomas, 'es', 'UTC', asStored);
    // An import merges a phone while the editor is open; the person then edits only the notes.
    const merged = { ...tomas, phones: ['+34 600 100 102', '+34 699 000 000'] };
    const form = rebaseForm({ ...opened, notes: 'Turno de noche' }, opened, formOf(merged, 'es', 'UTC', asStored));
    const read = readForm(form, merged, 'UTC', asStored);
    expect(read.ok && changedFields(merged, read.fields)).toEqual({ notes: 'Turno de noche' });
  });

  it('rebases field by field: untouched fields follow the store, edited ones keep the text typed (property)', () => {
    const keys = ['name', 'roles', 'phones', 'email', 'timeZone', 'workingHours', 'backupId', 'notes', 'verified'] as const;
    const anyForm = fc.record({ ...Object.fromEntries(keys.map((k) => [k, fc.string({ maxLength: 6 })])), left: fc.boolean() }) as unknown as fc.Arbitrary<PersonForm>;
    fc.assert(
      fc.property(anyForm, anyForm, anyForm, (opened, current, stored) => {
        const rebased = rebaseForm(current, opened, stored);
        for (const key of [...keys, 'left'] as const) expect(rebased[key]).toBe(current[key] === opened[key] ? stored[key] : current[key]);
        // Nothing edited: the form is the stored person's.
        expect(rebaseForm(opened, opened, stored)).toEqual(stored);
      }),
    );
  });
});
