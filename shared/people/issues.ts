import type { FileIssue } from '../library/fileErrors';
import type { FieldProblem } from './fields';

/** The fields of a person as files name them; `backup` is the backup's email or name, resolved later. */
export const PERSON_FIELDS = ['name', 'roles', 'phones', 'email', 'timeZone', 'workingHours', 'backup', 'notes', 'verifiedAt', 'left'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** Bounds that keep a hostile file from exhausting memory or the screen. */
export const IMPORT_LIMITS = {
  fileChars: 50 * 1024 * 1024,
  rows: 100_000,
  notesChars: 10_000,
  nameChars: 200,
  roleChars: 80,
  emailChars: 254,
} as const;

export type IssueCode =
  | FieldProblem
  | 'file.tooLarge'
  | 'file.empty'
  | 'file.notCsv'
  | 'file.notVcard'
  | 'file.utf16NoBom'
  | 'file.noPeople'
  | 'file.tooManyRows'
  | 'csv.quotes'
  | 'csv.header.unknown'
  | 'csv.header.duplicate'
  | 'csv.header.noName'
  | 'csv.tooManyCells'
  | 'vcard.syntax'
  | 'vcard.outside'
  | 'vcard.unclosed'
  | 'vcard.version'
  | 'name.missing'
  | 'name.tooLong'
  | 'role.tooLong'
  | 'phone.invalid'
  | 'email.tooLong'
  | 'notes.tooLong'
  | 'backup.notFound'
  | 'backup.ambiguous'
  | 'backup.self'
  | 'text.unreadable';

type Values = Record<string, string | number>;

/**
 * Each problem in English, for logs and tests; the console shows its own translation of `code`
 * with the same `values` (renderer/src/features/people/issueMessages.ts).
 */
const ENGLISH: Record<IssueCode, (v: Values) => string> = {
  'timeZone.invalid': (v) => `"${v.value}" is not a time zone name; use an IANA name such as Europe/Madrid or America/Mexico_City`,
  'timeZone.offset': (v) => `"${v.value}" is an offset, not a time zone; use a name such as Europe/Madrid so daylight saving is followed`,
  'workingHours.invalid': (v) => `"${v.value}" is not working hours; write days then hours, e.g. "Mon-Fri 09:00-17:00" or "lun-vie 9:00-17:00"`,
  'workingHours.days': (v) => `"${v.value}" is not a day or range of days (Mon…Sun, lun…dom)`,
  'workingHours.time': (v) => `"${v.value}" is not a time range; use 24-hour times, e.g. 09:00-17:00`,
  'workingHours.empty': (v) => `"${v.value}" starts and ends at the same time`,
  'date.invalid': (v) => `"${v.value}" is not a date; use YYYY-MM-DD, e.g. 2025-03-01`,
  'date.future': (v) => `"${v.value}" is in the future; details can only have been verified on or before today`,
  'boolean.invalid': (v) => `"${v.value}" is not yes or no (yes/no, sí/no, true/false, 1/0)`,
  'email.invalid': (v) => `"${v.value}" is not an email address`,
  'file.tooLarge': (v) => `the file is larger than ${v.limit} MB`,
  'file.empty': () => 'the file is empty',
  'file.notCsv': (v) => `"${v.file}" is not a CSV file: it holds binary data (an image, a PDF, a workbook…); save the list as CSV and import that`,
  'file.notVcard': (v) => `"${v.file}" is not a vCard file: it holds binary data (an image, a PDF, a workbook…); export the contacts as vCard (.vcf) and import that`,
  'file.utf16NoBom': (v) => `"${v.file}" looks like UTF-16 without a byte-order mark: save it as UTF-8 and import that`,
  'file.noPeople': () => 'the file has no people in it',
  'file.tooManyRows': (v) => `the file has more than ${v.limit} people; split it`,
  'csv.quotes': () => 'a quoted value is not closed, or a quote inside it is not doubled (write "" for ")',
  'csv.header.unknown': (v) => `unknown column "${v.value}"; the columns are: ${v.known}`,
  'csv.header.duplicate': (v) => `column "${v.value}" appears twice`,
  'csv.header.noName': () => 'the first line must name the columns, and one of them must be "name" (or "nombre")',
  'csv.tooManyCells': (v) => `this row has ${v.count} values but the header names ${v.columns} columns`,
  'vcard.syntax': (v) => `this vCard cannot be read: ${v.detail}`,
  'vcard.outside': () => 'text outside BEGIN:VCARD … END:VCARD',
  'vcard.unclosed': () => 'BEGIN:VCARD without its END:VCARD',
  'vcard.version': (v) => `vCard version ${v.value} is not supported; use 3.0 or 4.0`,
  'name.missing': () => 'a name is needed',
  'name.tooLong': (v) => `the name is longer than ${v.limit} characters`,
  'role.tooLong': (v) => `the role "${v.value}" is longer than ${v.limit} characters`,
  'phone.invalid': (v) => `"${v.value}" is not a phone number (3 to 40 characters, with digits)`,
  'email.tooLong': (v) => `the email is longer than ${v.limit} characters`,
  'notes.tooLong': (v) => `the notes are longer than ${v.limit} characters`,
  'backup.notFound': (v) => `backup "${v.value}" is not in this file nor in the directory; give their email or exact name`,
  'backup.ambiguous': (v) => `backup "${v.value}" matches ${v.count} people; give their email instead`,
  'backup.self': () => 'a person cannot be their own backup',
  'text.unreadable': (v) => `"${v.value}" has characters that could not be read (\uFFFD); save the file as UTF-8 and import it again`,
};

/** A problem in an imported file of people: where (file, line, column, field) and why. */
export interface PeopleIssue extends FileIssue {
  code: IssueCode;
  values: Values;
}

export interface Place {
  line: number | null;
  column: number | null;
}

export function peopleIssue(file: string, at: Place, field: PersonField | '(file)' | '(row)', code: IssueCode, values: Values = {}): PeopleIssue {
  return { file, line: at.line, column: at.column, path: field, code, values, message: ENGLISH[code](values) };
}
