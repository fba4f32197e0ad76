import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { KNOWN_ROLES, roleFromText, type Person } from '../../../shared/domain';
import { directoryOf, holdersOf } from '../../../shared/contactTrees/resolve';
import { serializePeopleCsv } from '../../../shared/people/csv';
import { buildImport, planImport, type ImportKind } from '../../../shared/people/importPlan';
import { serializePeopleVcard } from '../../../shared/people/vcard';
import type { Translate } from '../../../renderer/src/i18n/I18nProvider';
import { en as EN } from '../../../renderer/src/i18n/messages/en';
import { es as ES } from '../../../renderer/src/i18n/messages/es';
import { changedFields, formOf, readForm, rolesText } from '../../../renderer/src/features/people/personForm';
import { knownRoleLabels, ROLE_LABEL, roleChoices, roleLabel } from '../../../renderer/src/features/roles/labels';
import { person, sequentialIds } from './people';

const translate = (lang: 'es' | 'en'): Translate => (id) => (lang === 'es' ? ES : EN)[id];
const es = translate('es');
const en = translate('en');
const labelIn = (t: Translate) => (role: string) => roleLabel(role, t);

describe('role labels', () => {
  it('read back to their role in both languages: what the console shows, the shared reading understands', () => {
    for (const code of KNOWN_ROLES) {
      for (const t of [es, en]) expect(roleFromText(t(ROLE_LABEL[code])), `${code}: ${t(ROLE_LABEL[code])}`).toBe(code);
    }
  });

  it('show a known role in the console’s language and an organisation’s own role as written', () => {
    expect(roleLabel('spokesperson', es)).toBe('Portavoz');
    expect(roleLabel('spokesperson', en)).toBe('Spokesperson');
    expect(roleLabel('Jefe de prensa', es)).toBe('Jefe de prensa');
    expect(knownRoleLabels(es)).toHaveLength(KNOWN_ROLES.length);
    expect(knownRoleLabels(es)).toContain('Asesoría jurídica');
  });
});

describe('role choices offered by the editors', () => {
  it('are the known labels, then the organisation’s own roles held in the directory, once each and alphabetically', () => {
    const people = [
      person({ id: '1', name: 'A', roles: ['spokesperson', 'Zona norte', 'portavoz'] }),
      person({ id: '2', name: 'B', roles: ['Jefa de prensa', 'Zona norte', 'RRHH'] }),
      person({ id: '3', name: 'C', roles: ['Borrada'], deleted: true }),
    ];
    expect(roleChoices(people, es, 'es')).toEqual([...knownRoleLabels(es), 'Jefa de prensa', 'Zona norte']);
    expect(roleChoices([], en, 'en')).toEqual(knownRoleLabels(en));
  });
});

describe('roles in the person editor', () => {
  const lucia = person({ id: 'l', name: 'Lucía', roles: ['spokesperson', 'legal', 'Jefa de prensa'] });

  it('shows labels in the console’s language and stores codes; saving unchanged writes nothing', () => {
    const form = formOf(lucia, 'es', 'UTC', labelIn(es));
    expect(form.roles).toBe('Portavoz; Asesoría jurídica; Jefa de prensa');
    expect(formOf(lucia, 'en', 'UTC', labelIn(en)).roles).toBe('Spokesperson; Legal; Jefa de prensa');
    const same = readForm(form, lucia, 'UTC', labelIn(es));
    expect(same.ok && changedFields(lucia, same.fields)).toEqual({});
  });

  it('reads what is typed in either language, any case or accents, into codes; keeps the organisation’s own roles', () => {
    const ana = person({ id: 'a', name: 'Ana' });
    const read = readForm({ ...formOf(ana, 'es', 'UTC', labelIn(es)), roles: 'portavoz, Responsable de crisis; directora de comunicacion | Jefe de prensa , Spokesperson' }, ana, 'UTC', labelIn(es));
    expect(read.ok && read.fields.roles).toEqual(['spokesperson', 'crisis-lead', 'comms-lead', 'Jefe de prensa']);
    const created = readForm({ ...formOf(null, 'es', 'UTC', labelIn(es)), name: 'Bea', roles: 'Asesoría Jurídica' }, null, 'UTC', labelIn(es));
    expect(created.ok && created.fields.roles).toEqual(['legal']);
  });

  it('leaves a role typed before labels were read untouched unless the roles are edited', () => {
    const old = person({ id: 'o', name: 'Olga', roles: ['portavoz'], phones: ['600 111 222'] });
    const form = formOf(old, 'es', 'UTC', labelIn(es));
    expect(form.roles).toBe('portavoz');
    const phoneOnly = readForm({ ...form, phones: '600 111 333' }, old, 'UTC', labelIn(es));
    expect(phoneOnly.ok && changedFields(old, phoneOnly.fields)).toEqual({ phones: ['600 111 333'] });
    const rolesEdited = readForm({ ...form, roles: 'portavoz; legal' }, old, 'UTC', labelIn(es));
    expect(rolesEdited.ok && changedFields(old, rolesEdited.fields)).toEqual({ roles: ['spokesperson', 'legal'] });
  });

  /** Organisation's own roles: no list separator, trimmed, and not a known role's spelling. */
  const ownRole = fc.string({ unit: fc.constantFrom(...'abcdeñó -_.()'), minLength: 1, maxLength: 16 }).map((s) => s.trim()).filter((s) => s !== '' && roleFromText(s) === s);
  const roles = fc.uniqueArray(fc.oneof(fc.constantFrom(...KNOWN_ROLES), ownRole), { maxLength: 5 });

  test.prop([roles, fc.constantFrom('es', 'en' as const), fc.constantFrom('es', 'en' as const)])(
    'edit, save, reopen: the same roles and the same labels, even after the language changes (property)',
    (stored, shownIn, savedIn) => {
      const before = person({ id: 'p', name: 'Pat', roles: stored });
      // The form is opened in one language; the text is retyped (a roles edit) and saved from the other.
      const form = formOf(before, shownIn, 'UTC', labelIn(translate(shownIn)));
      const read = readForm({ ...form, roles: `${form.roles} ` }, null, 'UTC', labelIn(translate(savedIn)));
      expect(read.ok && read.fields.roles).toEqual(stored);
      const reopened = formOf({ ...before, roles: read.ok ? read.fields.roles : [] }, shownIn, 'UTC', labelIn(translate(shownIn)));
      expect(reopened.roles).toBe(form.roles);
      expect(rolesText(stored, labelIn(translate(shownIn)))).toBe(form.roles);
    },
  );
});

const plan = (text: string, kind: ImportKind, directory: Person[] = []) =>
  planImport({ file: kind === 'csv' ? 'people.csv' : 'people.vcf', text, kind, directory, defaultTimeZone: 'Europe/Madrid', newId: sequentialIds('r') });

describe('roles in a people import', () => {
  it('reads a CSV role column in Spanish or English into codes, one role once, the organisation’s own kept', () => {
    const p = plan('nombre;rol\nAna;Portavoz|RR. HH.\nLuis;spokesperson, Portavoz ,Jefe de prensa\nEva;Abogada\n', 'csv');
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.fields.name, r.fields.roles])).toEqual([
      ['Ana', ['spokesperson', 'hr']],
      ['Luis', ['spokesperson', 'Jefe de prensa']],
      ['Eva', ['legal']],
    ]);
  });

  it('reads vCard ROLE properties the same way', () => {
    const card = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Ana', 'ROLE:Portavoz', 'ROLE:Directora de Comunicación', 'ROLE:Jefa de prensa', 'END:VCARD', ''].join('\r\n');
    const p = plan(card, 'vcard');
    expect(p.errors).toEqual([]);
    expect(p.rows[0]!.fields.roles).toEqual(['spokesperson', 'comms-lead', 'Jefa de prensa']);
  });

  it('merges a role given as a label into the same role held as a code, not a second one', () => {
    const directory = [person({ id: 'd1', name: 'Ana', email: 'ana@example.com', roles: ['spokesperson'] })];
    const p = plan('name,email,roles\nAna,ana@example.com,Portavoz; Legal\n', 'csv', directory);
    expect(buildImport(p, new Map([[p.duplicates[0]!.incoming.id, 'merge']])).update).toEqual([{ id: 'd1', fields: { roles: ['spokesperson', 'legal'] } }]);
  });

  it('gives someone imported as "Portavoz" to a tree node for the role spokesperson', () => {
    const p = plan('nombre;rol;teléfono\nAna;portavoz;600 111 222\n', 'csv');
    const people = buildImport(p).create.map((fields, i) => ({ ...fields, id: `p${i}`, clock: {}, deleted: false }) as Person);
    expect(holdersOf('spokesperson', directoryOf(people), new Date('2026-05-11T10:00:00Z')).map((h) => h.name)).toEqual(['Ana']);
  });

  test.prop([fc.uniqueArray(fc.constantFrom(...KNOWN_ROLES, 'Jefe de prensa', 'Guardia 24h'), { minLength: 1, maxLength: 4 }), fc.constantFrom('csv', 'vcard' as const), fc.constantFrom('es', 'en' as const)])(
    'exports write codes, which import back as the same roles (property)',
    (roles, kind, lang) => {
      const ana = person({ id: 'a', name: 'Ana', email: 'ana@example.com', roles });
      const text = kind === 'csv' ? serializePeopleCsv([ana], { lang, directory: [ana] }) : serializePeopleVcard([ana], [ana]);
      for (const role of roles) expect(text).toContain(role);
      const back = plan(text, kind);
      expect(back.errors).toEqual([]);
      expect(back.rows[0]!.fields.roles).toEqual(roles);
    },
  );
});
