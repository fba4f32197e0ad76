import ICAL from 'ical.js';
import type { Person } from '../domain';
import { backupLabel, type DraftsResult } from './csv';
import type { PersonDraft } from './draft';
import { formatWorkingHours } from './fields';
import { IMPORT_LIMITS, peopleIssue, type PeopleIssue, type PersonField, type Place } from './issues';

/**
 * People as vCards (3.0 and 4.0 read, 4.0 written) with ical.js, Mozilla's maintained iCalendar
 * and vCard library: it unfolds and folds lines (by UTF-8 octets), escapes and unescapes text,
 * and reads parameters and structured values such as N. Calma splits the file into cards itself
 * first, so that each card is read on its own: one broken card is reported with its line and
 * does not hide the others (ical.js stops at the first error and knows no line numbers).
 *
 * The fields vCard has no property for travel as X-CALMA-* properties; roles as ROLE.
 */

type JCardProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

const X = {
  workingHours: 'x-calma-working-hours',
  backup: 'x-calma-backup',
  verifiedAt: 'x-calma-verified',
  left: 'x-calma-left',
} as const;

const LINE_BREAK = /\r\n|\n|\r/;
const PROPERTY_NAME = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]/;

interface RawCard {
  line: number;
  lines: string[];
}

/** The cards of a file, each with the line it starts on; text outside any card is an issue. */
function splitCards(file: string, text: string, issues: PeopleIssue[]): RawCard[] {
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  let outsideReported = false;
  text.split(LINE_BREAK).forEach((raw, i) => {
    const line = i + 1;
    const word = raw.trim().toUpperCase();
    if (word === 'BEGIN:VCARD') {
      if (card) issues.push(peopleIssue(file, { line: card.line, column: null }, '(row)', 'vcard.unclosed'));
      card = { line, lines: [raw] };
      outsideReported = false;
    } else if (card) {
      card.lines.push(raw);
      if (word === 'END:VCARD') {
        cards.push(card);
        card = null;
      }
    } else if (word !== '' && !outsideReported) {
      issues.push(peopleIssue(file, { line, column: null }, '(row)', 'vcard.outside'));
      outsideReported = true;
    }
  });
  if (card) issues.push(peopleIssue(file, { line: (card as RawCard).line, column: null }, '(row)', 'vcard.unclosed'));
  return cards;
}

/** The line of each property in a card (a folded property is on the line it starts on). */
function propertyLines(card: RawCard): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  card.lines.forEach((raw, i) => {
    const name = PROPERTY_NAME.exec(raw)?.[1]?.toLowerCase();
    if (name && !/^[ \t]/.test(raw)) lines.set(name, [...(lines.get(name) ?? []), card.line + i]);
  });
  return lines;
}

/** Text values of X- properties arrive as written; undo the vCard text escapes (\n \, \; \\). */
const unescapeText = (value: string) => value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function textOf(property: JCardProperty): string {
  const values = property.slice(3).flat(2).map(String);
  const text = values.join(',');
  return property[2] === 'unknown' ? unescapeText(text) : text;
}

function paramList(property: JCardProperty, name: string): string[] {
  const value = property[1][name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(',')).map((v) => v.toLowerCase());
}

/** The email a card prefers (PREF=1 in 4.0, TYPE=pref in 3.0), else its first. */
function preferred(properties: JCardProperty[]): JCardProperty | undefined {
  const rank = (p: JCardProperty) => {
    const pref = Number(p[1].pref);
    if (Number.isFinite(pref) && pref > 0) return pref;
    return paramList(p, 'type').includes('pref') ? 1 : 101;
  };
  return [...properties].sort((a, b) => rank(a) - rank(b))[0];
}

/** "tel:+1-555-0100;ext=12" as a person would write it: "+1-555-0100 ext. 12". */
const phoneText = (value: string) => value.replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ').trim();

function nameFromN(property: JCardProperty | undefined): string {
  if (!property) return '';
  const parts = (property[3] as unknown[] | string) ?? [];
  const [family, given, additional, prefix, suffix] = (Array.isArray(parts) ? parts : String(parts).split(';')).map((p) => (Array.isArray(p) ? p.join(' ') : String(p ?? '')));
  return [prefix, given, additional, family, suffix].filter((p) => p && p.trim() !== '').join(' ');
}

/**
 * vCard 3.0 says TZ is an offset unless VALUE=text is given, yet address books commonly write
 * "TZ:Europe/Madrid"; read that way, ical.js keeps "Europe/" and drops the rest. Such a line is
 * marked as text before parsing, which is what its author meant.
 */
const fixVcard3Tz = (lines: string[]) => lines.map((l) => l.replace(/^((?:[A-Za-z0-9-]+\.)?TZ):(?=[^+\-\d\s])/i, '$1;VALUE=text:'));

function readCard(file: string, card: RawCard, issues: PeopleIssue[]): PersonDraft | null {
  const version = card.lines.map((l) => /^VERSION:(.*)$/i.exec(l.trim())?.[1]?.trim()).find((v) => v !== undefined);
  if (version !== '3.0' && version !== '4.0') {
    issues.push(peopleIssue(file, { line: card.line, column: null }, '(row)', 'vcard.version', { value: version ?? '?' }));
    return null;
  }
  let jcard: unknown;
  try {
    jcard = ICAL.parse((version === '3.0' ? fixVcard3Tz(card.lines) : card.lines).join('\r\n'));
  } catch (error) {
    issues.push(peopleIssue(file, { line: card.line, column: null }, '(row)', 'vcard.syntax', { detail: String((error as Error).message).slice(0, 200) }));
    return null;
  }
  const properties = ((jcard as [string, JCardProperty[]])[1] ?? []) as JCardProperty[];
  const lines = propertyLines(card);
  const all = (name: string) => properties.filter((p) => p[0] === name);
  const draft: PersonDraft = { line: card.line, values: {}, at: {} };
  const set = <F extends PersonField>(field: F, property: string, value: PersonDraft['values'][F] | undefined) => {
    if (value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) return;
    draft.values[field] = value;
    const line = lines.get(property)?.[0];
    draft.at[field] = { line: line ?? card.line, column: null } satisfies Place;
  };

  const fn = all('fn').map(textOf).find((t) => t.trim() !== '');
  if (fn !== undefined) set('name', 'fn', fn);
  else set('name', 'n', nameFromN(all('n')[0]));
  set('phones', 'tel', all('tel').map((p) => phoneText(textOf(p))).filter((t) => t !== ''));
  const email = preferred(all('email'));
  if (email) set('email', 'email', textOf(email).replace(/^mailto:/i, ''));
  set('roles', 'role', all('role').map(textOf).filter((t) => t.trim() !== ''));
  const tz = all('tz')[0];
  if (tz) set('timeZone', 'tz', textOf(tz));
  set('notes', 'note', all('note').map(textOf).join('\n\n'));
  for (const field of ['workingHours', 'backup', 'verifiedAt', 'left'] as const) {
    const property = all(X[field])[0];
    if (property) set(field, X[field], textOf(property));
  }
  return draft;
}

export function parsePeopleVcard(file: string, text: string): DraftsResult {
  const issues: PeopleIssue[] = [];
  if (text.length > IMPORT_LIMITS.fileChars) {
    return { drafts: [], issues: [peopleIssue(file, { line: null, column: null }, '(file)', 'file.tooLarge', { limit: IMPORT_LIMITS.fileChars / 1024 / 1024 })] };
  }
  const cards = splitCards(file, text.replace(/^\uFEFF/, ''), issues);
  if (cards.length > IMPORT_LIMITS.rows) {
    return { drafts: [], issues: [peopleIssue(file, { line: null, column: null }, '(file)', 'file.tooManyRows', { limit: IMPORT_LIMITS.rows })] };
  }
  const drafts = cards.map((c) => readCard(file, c, issues)).filter((d): d is PersonDraft => d !== null);
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (drafts.length === 0 && issues.length === 0) issues.push(peopleIssue(file, { line: null, column: null }, '(file)', 'file.empty'));
  return { drafts, issues };
}

const text = (name: string, value: string): JCardProperty => [name, {}, 'text', value];

/**
 * The directory as vCard 4.0 (RFC 6350). N is left out: it is optional in 4.0, and splitting a
 * name into given and family names cannot be done right for everyone (two Spanish surnames,
 * particles, single names).
 */
export function serializePeopleVcard(people: readonly Person[], directory: readonly Person[]): string {
  const byId = new Map(directory.map((p) => [p.id, p]));
  return people
    .map((p) => {
      const props: JCardProperty[] = [text('version', '4.0'), ['uid', {}, 'text', p.id], ['kind', {}, 'text', 'individual'], text('fn', p.name)];
      for (const phone of p.phones) props.push(['tel', {}, 'text', phone]);
      if (p.email) props.push(text('email', p.email));
      for (const role of p.roles) props.push(text('role', role));
      props.push(text('tz', p.timeZone));
      if (p.notes) props.push(text('note', p.notes));
      if (p.workingHours) props.push(text(X.workingHours, formatWorkingHours(p.workingHours)));
      const backup = backupLabel(p.backupId, byId);
      if (backup) props.push(text(X.backup, backup));
      if (p.verifiedAt) props.push(text(X.verifiedAt, p.verifiedAt));
      if (p.left) props.push(text(X.left, 'true'));
      return ICAL.stringify(['vcard', props, []] as never);
    })
    .join('');
}
