import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { contactClashes } from '../../../shared/people/duplicates';
import { phoneKey } from '../../../shared/people/fields';
import { planImport } from '../../../shared/people/importPlan';
import { person, sequentialIds } from './people';

/** The one duplicate rule, for the person editor (QA 4, bug 8) and the import, and phones written with 00 (bug 9). */

describe('phoneKey and the international 00 prefix', () => {
  it('reads 00 as +', () => {
    expect(phoneKey('0034 600 111 222')).toBe(phoneKey('+34 600 111 222'));
    expect(phoneKey('00 34 600-111-222')).toBe('+34600111222');
    // A national number stays as written; "00" alone is not a prefix of anything.
    expect(phoneKey('600 111 222')).toBe('600111222');
    expect(phoneKey('00')).toBe('00');
  });

  const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 14 }).map((d) => d.join(''));
  const sep = fc.constantFrom('', ' ', '-', '.', ' (', ') ');
  /** The same digits with arbitrary separators between them. */
  const spaced = (s: string, seps: string[]) => [...s].map((c, i) => c + (seps[i % seps.length] ?? '')).join('');
  test.prop([digits, fc.array(sep, { minLength: 1, maxLength: 4 }), fc.array(sep, { minLength: 1, maxLength: 4 })])(
    '"00" + digits and "+" + digits are one phone however they are spaced',
    (number, a, b) => {
      expect(phoneKey(`00${spaced(number, a)}`)).toBe(phoneKey(`+${spaced(number, b)}`));
      expect(phoneKey(`+ ${spaced(number, a)}`)).toBe(`+${number}`);
    },
  );

  it('makes an import flag a row whose phone is someone else’s written with 00', () => {
    const marta = person({ id: 'marta', name: 'Marta Soler', phones: ['+34 600 333 444'] });
    const p = planImport({ file: 'x.csv', text: 'name,phone\nOtra,0034 600 333 444\n', kind: 'csv', directory: [marta], defaultTimeZone: 'UTC', newId: sequentialIds() });
    expect(p.duplicates).toMatchObject([{ reason: 'phone', existing: { kind: 'person', person: { id: 'marta' } } }]);
  });
});

describe('contactClashes: who already has this email or phone', () => {
  const marta = person({ id: 'marta', name: 'Marta Soler', email: 'marta@example.org', phones: ['+34 600 333 444', '+34 911 000 000'] });
  const jose = person({ id: 'jose', name: 'José Ibáñez', email: 'jose@example.org', phones: ['+34 911 000 000'] });
  const gone = person({ id: 'gone', name: 'Ido', email: 'ido@example.org', deleted: true });
  const directory = [marta, jose, gone];

  it('names the person with the same phone, written any way', () => {
    expect(contactClashes({ email: '', phones: ['0034 600 333 444'] }, directory, null)).toEqual([{ person: marta, reason: 'phone', phone: '+34 600 333 444' }]);
  });

  it('puts a same email first, and lists everyone a shared switchboard reaches', () => {
    const found = contactClashes({ email: ' JOSE@example.org ', phones: ['+34 911 000 000'] }, directory, null);
    expect(found.map((c) => [c.person.id, c.reason])).toEqual([['jose', 'email'], ['marta', 'phone']]);
  });

  it('ignores the person being edited and deleted people', () => {
    expect(contactClashes(marta, directory, 'marta').map((c) => c.person.id)).toEqual(['jose']);
    expect(contactClashes({ email: 'ido@example.org', phones: [] }, directory, null)).toEqual([]);
  });

  it('finds nothing for new details', () => {
    expect(contactClashes({ email: 'new@example.org', phones: ['+34 699 000 000'] }, directory, null)).toEqual([]);
  });

  test.prop([fc.constantFrom('marta@example.org', 'jose@example.org', 'x@example.org'), fc.subarray(['+34 600 333 444', '0034 911 000 000', '+1 555 0100'])])(
    'agrees with the import: a clash exactly when the import would flag the same row',
    (email, phones) => {
      const clash = contactClashes({ email, phones }, directory, null).length > 0;
      const text = `name,email,phones\nNueva Persona,${email},${phones.join('; ')}\n`;
      const p = planImport({ file: 'x.csv', text, kind: 'csv', directory, defaultTimeZone: 'UTC', newId: sequentialIds() });
      expect(p.duplicates.length > 0).toBe(clash);
    },
  );
});
