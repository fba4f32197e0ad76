import type { Person } from '../domain';
import { roleFromText } from '../domain/roles';
import { phoneKey, readBoolean, readDate, readEmail, readTimeZone, readWorkingHours, type FieldResult } from './fields';
import { IMPORT_LIMITS, peopleIssue, type PeopleIssue, type PersonField, type Place } from './issues';

/**
 * One person as a file gives it, before validation: texts, and where each was found. A field the
 * file leaves out or empty is absent, so that merging into someone already in the directory
 * never blanks what the file did not mention.
 */
export interface PersonDraft {
  /** The line the person starts on (a CSV row, a BEGIN:VCARD). */
  line: number;
  values: {
    name?: string;
    roles?: string[];
    phones?: string[];
    email?: string;
    timeZone?: string;
    workingHours?: string;
    backup?: string;
    notes?: string;
    verifiedAt?: string;
    left?: string;
  };
  at: Partial<Record<PersonField, Place>>;
}

/** The fields of a person an import can set (`backupId` is resolved later, from `backup`). */
export type ImportedFields = Omit<Person, 'id' | 'clock' | 'deleted' | 'backupId'>;

/** A valid person read from the file, with which fields the file gave and the backup it names. */
export interface IncomingPerson {
  line: number;
  fields: ImportedFields;
  given: ReadonlySet<keyof ImportedFields>;
  backup: { text: string; at: Place } | null;
}

export interface DraftContext {
  file: string;
  /** The zone of people whose row names none: the importing device's, a better guess than UTC. */
  defaultTimeZone: string;
  /** When the check runs: details cannot have been verified after it. */
  now: Date;
}

/**
 * Slack for "not in the future": a date alone is stored at noon UTC, which is already tomorrow
 * for someone east of UTC late at night; a day and a half covers every zone.
 */
const FUTURE_SLACK_MS = 36 * 3_600_000;

/** Validates a draft: an incoming person, or every problem found in it (never just the first). */
export function validateDraft(draft: PersonDraft, ctx: DraftContext): { ok: true; person: IncomingPerson } | { ok: false; issues: PeopleIssue[] } {
  const issues: PeopleIssue[] = [];
  const v = draft.values;
  const place = (field: PersonField): Place => draft.at[field] ?? { line: draft.line, column: null };
  const problem = (field: PersonField, code: PeopleIssue['code'], values: PeopleIssue['values'] = {}) => issues.push(peopleIssue(ctx.file, place(field), field, code, values));
  const read = <T>(field: PersonField, result: FieldResult<T>): T | undefined => {
    if (result.ok) return result.value;
    problem(field, result.code, result.values);
    return undefined;
  };
  const given = new Set<keyof ImportedFields>();
  const fields: ImportedFields = { name: '', roles: [], phones: [], email: '', timeZone: ctx.defaultTimeZone, workingHours: null, notes: '', verifiedAt: null, left: false };

  const name = v.name?.trim() ?? '';
  if (name === '') problem('name', 'name.missing');
  else if (name.length > IMPORT_LIMITS.nameChars) problem('name', 'name.tooLong', { limit: IMPORT_LIMITS.nameChars });
  fields.name = name;
  given.add('name');

  if (v.roles && v.roles.length > 0) {
    // "Portavoz", "spokesperson" and "Spokesperson" are one role, held under its code: a tree or a
    // playbook step that names the role must find the person whatever language the file is in.
    const roles = unique(v.roles.map(roleFromText).filter((r) => r !== ''), (r) => r);
    for (const role of roles) if (role.length > IMPORT_LIMITS.roleChars) problem('roles', 'role.tooLong', { value: `${role.slice(0, 40)}…`, limit: IMPORT_LIMITS.roleChars });
    fields.roles = roles;
    given.add('roles');
  }
  if (v.phones && v.phones.length > 0) {
    const phones = unique(v.phones.map((p) => p.trim()).filter((p) => p !== ''), phoneKey);
    for (const phone of phones) {
      if (phone.length < 3 || phone.length > 40 || phoneKey(phone).replace('+', '').length < 3) problem('phones', 'phone.invalid', { value: phone.slice(0, 60) });
    }
    fields.phones = phones;
    given.add('phones');
  }
  if (v.email !== undefined) {
    if (v.email.trim().length > IMPORT_LIMITS.emailChars) problem('email', 'email.tooLong', { limit: IMPORT_LIMITS.emailChars });
    else {
      const email = read('email', readEmail(v.email));
      if (email !== undefined) fields.email = email;
    }
    given.add('email');
  }
  if (v.timeZone !== undefined) {
    const zone = read('timeZone', readTimeZone(v.timeZone));
    if (zone !== undefined) fields.timeZone = zone;
    given.add('timeZone');
  }
  if (v.workingHours !== undefined) {
    fields.workingHours = read('workingHours', readWorkingHours(v.workingHours)) ?? null;
    given.add('workingHours');
  }
  if (v.notes !== undefined) {
    const notes = v.notes.replace(/\r\n?/g, '\n').trim();
    if (notes.length > IMPORT_LIMITS.notesChars) problem('notes', 'notes.tooLong', { limit: IMPORT_LIMITS.notesChars });
    fields.notes = notes;
    given.add('notes');
  }
  if (v.verifiedAt !== undefined) {
    fields.verifiedAt = read('verifiedAt', readDate(v.verifiedAt)) ?? null;
    // A typo such as 2062 for 2026 would silence the "not verified in 90 days" warning for decades.
    if (fields.verifiedAt && Date.parse(fields.verifiedAt) > ctx.now.getTime() + FUTURE_SLACK_MS) {
      problem('verifiedAt', 'date.future', { value: v.verifiedAt.trim() });
      fields.verifiedAt = null;
    }
    given.add('verifiedAt');
  }
  if (v.left !== undefined) {
    fields.left = read('left', readBoolean(v.left)) ?? false;
    given.add('left');
  }
  if (issues.length > 0) return { ok: false, issues };
  const backup = v.backup?.trim() ? { text: v.backup.trim(), at: place('backup') } : null;
  return { ok: true, person: { line: draft.line, fields, given, backup } };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
