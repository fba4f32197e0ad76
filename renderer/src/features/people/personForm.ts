import type { Person } from '@shared/domain';
import { validateDraft } from '@shared/people/draft';
import { formatWorkingHours, LIST_SEPARATOR, splitList, verifiedDay } from '@shared/people/fields';
import type { PeopleIssue } from '@shared/people/issues';

/** A person as the editor's fields hold them: text, as a person types it. */
export interface PersonForm {
  name: string;
  roles: string;
  phones: string;
  email: string;
  timeZone: string;
  workingHours: string;
  backupId: string;
  notes: string;
  /** YYYY-MM-DD, or empty. */
  verified: string;
  left: boolean;
}

export type PersonFields = Omit<Person, 'id' | 'clock' | 'deleted'>;

/** How a role is shown in the form: its label in the console's language, or as the organisation wrote it. */
export type RoleLabel = (role: string) => string;

/**
 * A person's roles as the field shows them: labels, not codes ("Portavoz; Asesoría jurídica"). On
 * saving, the shared reading of a role (roleFromText, through validateDraft) turns each label back
 * into its code.
 */
export const rolesText = (roles: readonly string[], label: RoleLabel) => roles.map(label).join(LIST_SEPARATOR);

export function formOf(person: Person | null, lang: 'es' | 'en', defaultTimeZone: string, label: RoleLabel): PersonForm {
  return {
    name: person?.name ?? '',
    roles: person ? rolesText(person.roles, label) : '',
    phones: person?.phones.join('\n') ?? '',
    email: person?.email ?? '',
    timeZone: person?.timeZone ?? defaultTimeZone,
    workingHours: person?.workingHours ? formatWorkingHours(person.workingHours, lang) : '',
    backupId: person?.backupId ?? '',
    notes: person?.notes ?? '',
    verified: person?.verifiedAt ? verifiedDay(person.verifiedAt, defaultTimeZone) : '',
    left: person?.left ?? false,
  };
}

/**
 * The form after the stored person changed while it was open (an import merged a phone, a sync
 * brought an edit): the fields the person has not touched take the stored values, the ones they
 * edited keep their text. Saving then writes only what they edited, never the stale values of the
 * rest over someone else's change.
 */
export function rebaseForm(current: PersonForm, opened: PersonForm, stored: PersonForm): PersonForm {
  const keys = Object.keys(current) as (keyof PersonForm)[];
  return Object.fromEntries(keys.map((key) => [key, current[key] === opened[key] ? stored[key] : current[key]])) as unknown as PersonForm;
}

/** Today in the device's calendar, as the editor's date field holds it. */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The form's fields checked by the same rules as an import (shared/people/draft.ts), so a value
 * the editor accepts is one a file may hold, and the other way round.
 */
export function readForm(form: PersonForm, before: Person | null, defaultTimeZone: string, label: RoleLabel): { ok: true; fields: PersonFields } | { ok: false; issues: PeopleIssue[] } {
  const given = (s: string) => (s.trim() === '' ? undefined : s);
  const result = validateDraft(
    {
      line: 0,
      values: {
        name: form.name,
        roles: splitList(form.roles),
        phones: splitList(form.phones),
        email: given(form.email),
        timeZone: given(form.timeZone),
        workingHours: given(form.workingHours),
        notes: given(form.notes),
        verifiedAt: given(form.verified),
        left: form.left ? 'yes' : 'no',
      },
      at: {},
    },
    { file: '', defaultTimeZone, now: new Date() },
  );
  if (!result.ok) return result;
  // An unchanged date keeps the stored instant (an import may have given a time of day).
  const keepVerified = before?.verifiedAt && verifiedDay(before.verifiedAt, defaultTimeZone) === form.verified;
  // Roles as shown are left as stored: a role typed before roles were read in both languages
  // ("portavoz") is not rewritten, nor the field saved, by an edit of the phone.
  const keepRoles = before !== null && form.roles === rolesText(before.roles, label);
  return {
    ok: true,
    fields: {
      ...result.person.fields,
      roles: keepRoles ? before.roles : result.person.fields.roles,
      verifiedAt: keepVerified ? before.verifiedAt : result.person.fields.verifiedAt,
      backupId: form.backupId || null,
    },
  };
}

/** The fields that differ from what is stored: an update writes only those. */
export function changedFields(before: Person, after: PersonFields): Partial<PersonFields> {
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])),
  ) as Partial<PersonFields>;
}
