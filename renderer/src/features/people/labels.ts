import type { IssueCode, PeopleIssue, PersonField } from '@shared/people/issues';
import type { PersonWarning } from '@shared/people/warnings';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';

export const FIELD_LABEL: Record<PersonField, MessageId> = {
  name: 'people.field.name',
  roles: 'people.field.roles',
  phones: 'people.field.phones',
  email: 'people.field.email',
  timeZone: 'people.field.timeZone',
  workingHours: 'people.field.workingHours',
  backup: 'people.field.backup',
  notes: 'people.field.notes',
  verifiedAt: 'people.field.verifiedAt',
  left: 'people.field.left',
};

/** Every problem an import or the editor can report, in the console's language (same values as the English message). */
const ISSUE_MESSAGE: Record<IssueCode, MessageId> = {
  'timeZone.invalid': 'people.issue.timeZone.invalid',
  'timeZone.offset': 'people.issue.timeZone.offset',
  'workingHours.invalid': 'people.issue.workingHours.invalid',
  'workingHours.days': 'people.issue.workingHours.days',
  'workingHours.time': 'people.issue.workingHours.time',
  'workingHours.empty': 'people.issue.workingHours.empty',
  'date.invalid': 'people.issue.date.invalid',
  'date.future': 'people.issue.date.future',
  'boolean.invalid': 'people.issue.boolean.invalid',
  'email.invalid': 'people.issue.email.invalid',
  'file.tooLarge': 'people.issue.file.tooLarge',
  'file.empty': 'people.issue.file.empty',
  'file.notCsv': 'people.issue.file.notCsv',
  'file.notVcard': 'people.issue.file.notVcard',
  'file.utf16NoBom': 'people.issue.file.utf16NoBom',
  'file.noPeople': 'people.issue.file.noPeople',
  'file.tooManyRows': 'people.issue.file.tooManyRows',
  'csv.quotes': 'people.issue.csv.quotes',
  'csv.header.unknown': 'people.issue.csv.header.unknown',
  'csv.header.duplicate': 'people.issue.csv.header.duplicate',
  'csv.header.noName': 'people.issue.csv.header.noName',
  'csv.tooManyCells': 'people.issue.csv.tooManyCells',
  'vcard.syntax': 'people.issue.vcard.syntax',
  'vcard.outside': 'people.issue.vcard.outside',
  'vcard.unclosed': 'people.issue.vcard.unclosed',
  'vcard.version': 'people.issue.vcard.version',
  'name.missing': 'people.issue.name.missing',
  'name.tooLong': 'people.issue.name.tooLong',
  'role.tooLong': 'people.issue.role.tooLong',
  'phone.invalid': 'people.issue.phone.invalid',
  'email.tooLong': 'people.issue.email.tooLong',
  'notes.tooLong': 'people.issue.notes.tooLong',
  'backup.notFound': 'people.issue.backup.notFound',
  'backup.ambiguous': 'people.issue.backup.ambiguous',
  'backup.self': 'people.issue.backup.self',
  'text.unreadable': 'people.issue.text.unreadable',
};

export const issueText = (t: Translate, issue: Pick<PeopleIssue, 'code' | 'values'>) => t(ISSUE_MESSAGE[issue.code], issue.values);

/** The field an issue is about, translated; "—" for problems of the file or the whole row. */
export const issueField = (t: Translate, issue: PeopleIssue) => (issue.path in FIELD_LABEL ? t(FIELD_LABEL[issue.path as PersonField]) : '—');

export function warningText(t: Translate, w: PersonWarning): string {
  switch (w.kind) {
    case 'left':
      return t('people.warning.left');
    case 'noBackup':
      return t(w.reason === 'none' ? 'people.warning.noBackup' : w.reason === 'left' ? 'people.warning.backupLeft' : 'people.warning.backupMissing');
    case 'notVerified':
      return w.days === null ? t('people.warning.neverVerified') : t('people.warning.notVerified', { days: w.days });
  }
}
