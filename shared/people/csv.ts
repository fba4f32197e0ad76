import Papa from 'papaparse';
import type { Person } from '../domain';
import { COLUMN_HEADERS, fieldOfHeader, KNOWN_HEADERS } from './columns';
import type { PersonDraft } from './draft';
import { formatBoolean, formatWorkingHours, LIST_SEPARATOR, splitList, verifiedDay } from './fields';
import { IMPORT_LIMITS, peopleIssue, PERSON_FIELDS, type PeopleIssue, type PersonField } from './issues';

/**
 * People as CSV (RFC 4180), read and written with Papa Parse: the most used CSV library for the
 * browser, no dependencies, the same code on the main thread, in a worker and in Node. Calma adds
 * what a spreadsheet round trip needs: the delimiter chosen by the header (Spanish Excel writes
 * ";"), a byte-order mark Excel reads as UTF-8, the line of every row (quoted values may span
 * lines), and formula injection defused on export.
 */

export interface DraftsResult {
  drafts: PersonDraft[];
  issues: PeopleIssue[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe on
 * export (OWASP's advice); a value that already starts with apostrophes before one of those gets
 * one more, so that removing exactly one on import gives back every value unchanged.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export const unescapeCell = (cell: string) => (ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell);

/** The delimiter that splits the header line into the most column names Calma knows. */
function chooseDelimiter(firstLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).filter((h) => fieldOfHeader(h.replace(/^"|"$/g, '')) !== undefined).length;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Counts line breaks (CRLF, LF or CR) in `text` from `from` to `to`. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 13) {
      n += 1;
      if (text.charCodeAt(i + 1) === 10) i += 1;
    }
  }
  return n;
}

export function parsePeopleCsv(file: string, input: string): DraftsResult {
  const issues: PeopleIssue[] = [];
  const fileIssue = (code: PeopleIssue['code'], values: PeopleIssue['values'] = {}) => peopleIssue(file, { line: null, column: null }, '(file)', code, values);
  if (input.length > IMPORT_LIMITS.fileChars) return { drafts: [], issues: [fileIssue('file.tooLarge', { limit: IMPORT_LIMITS.fileChars / 1024 / 1024 })] };
  const text = input.replace(/^\uFEFF/, '');
  // Said apart from a file with a header and no rows: an empty file is most often the wrong one.
  if (/^\s*$/.test(text)) return { drafts: [], issues: [fileIssue('file.empty')] };
  const delimiter = chooseDelimiter(text.split(/\r\n|\n|\r/, 1)[0] ?? '');

  const drafts: PersonDraft[] = [];
  let columns: (PersonField | undefined)[] | null = null;
  let cursor = 0;
  let line = 1;
  let stop = false;
  Papa.parse<string[]>(text, {
    delimiter,
    step(result, parser) {
      const rowLine = line;
      line += countBreaks(text, cursor, result.meta.cursor);
      cursor = result.meta.cursor;
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        // Papa Parse reads an unclosed quote to the end of the file: nothing after it can be trusted.
        issues.push(peopleIssue(file, { line: rowLine, column: null }, '(row)', 'csv.quotes'));
        parser.abort();
        return;
      }
      if (columns === null) {
        columns = readHeader(file, rowLine, cells, issues);
        if (!columns.includes('name')) {
          issues.push(peopleIssue(file, { line: rowLine, column: null }, '(file)', 'csv.header.noName'));
          stop = true;
          parser.abort();
        }
        return;
      }
      if (drafts.length >= IMPORT_LIMITS.rows) {
        issues.push(fileIssue('file.tooManyRows', { limit: IMPORT_LIMITS.rows }));
        stop = true;
        parser.abort();
        return;
      }
      drafts.push(readRow(file, rowLine, cells, columns, issues));
    },
  });
  if (!stop && columns === null) issues.push(peopleIssue(file, { line: 1, column: null }, '(file)', 'csv.header.noName'));
  else if (!stop && drafts.length === 0 && issues.length === 0) issues.push(fileIssue('file.noPeople'));
  return { drafts, issues };
}

function readHeader(file: string, line: number, cells: string[], issues: PeopleIssue[]): (PersonField | undefined)[] {
  const seen = new Set<PersonField>();
  return cells.map((cell, i) => {
    const header = cell.trim();
    if (header === '') return undefined;
    const field = fieldOfHeader(header);
    const at = { line, column: i + 1 };
    if (!field) issues.push(peopleIssue(file, at, '(file)', 'csv.header.unknown', { value: header.slice(0, 80), known: KNOWN_HEADERS }));
    else if (seen.has(field) && field !== 'phones') issues.push(peopleIssue(file, at, field, 'csv.header.duplicate', { value: header.slice(0, 80) }));
    if (field) seen.add(field);
    return field;
  });
}

function readRow(file: string, line: number, cells: string[], columns: (PersonField | undefined)[], issues: PeopleIssue[]): PersonDraft {
  const draft: PersonDraft = { line, values: {}, at: {} };
  const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) {
    // Trailing empty cells are what spreadsheets write after the last column; values there are not.
    const count = columns.length + cells.slice(columns.length).findLastIndex((c) => c.trim() !== '') + 1;
    issues.push(peopleIssue(file, { line, column: columns.length + 1 }, '(row)', 'csv.tooManyCells', { count, columns: columns.length }));
  }
  columns.forEach((field, i) => {
    const cell = unescapeCell(cells[i] ?? '');
    if (!field || cell.trim() === '') return;
    draft.at[field] ??= { line, column: i + 1 };
    const v = draft.values;
    switch (field) {
      case 'roles':
      case 'phones':
        v[field] = [...(v[field] ?? []), ...splitList(cell)];
        break;
      default:
        v[field] = cell.trim();
    }
  });
  return draft;
}

export interface ExportOptions {
  lang: 'es' | 'en';
  /** Everyone the export may name as a backup (by email, or by name when they have none). */
  directory: readonly Person[];
  /** The zone a verification instant is written as a day in (a bare date is its own day): the device's. UTC if not given. */
  timeZone?: string;
}

/** How an export names a backup: their email, which an import finds unambiguously, else their name. */
export function backupLabel(backupId: string | null, byId: ReadonlyMap<string, Person>): string {
  const backup = backupId ? byId.get(backupId) : undefined;
  return backup ? backup.email || backup.name : '';
}

/** The directory as CSV (UTF-8 with BOM, CRLF), people who left included and marked. */
export function serializePeopleCsv(people: readonly Person[], { lang, directory, timeZone }: ExportOptions): string {
  const byId = new Map(directory.map((p) => [p.id, p]));
  const fields = PERSON_FIELDS.map((f) => COLUMN_HEADERS[lang][f]);
  const data = people.map((p) => [
    p.name,
    p.roles.join(LIST_SEPARATOR),
    p.phones.join(LIST_SEPARATOR),
    p.email,
    p.timeZone,
    p.workingHours ? formatWorkingHours(p.workingHours, lang) : '',
    backupLabel(p.backupId, byId),
    p.notes,
    // The documented column is a day (YYYY-MM-DD): what a spreadsheet shows as a date and a person edits.
    p.verifiedAt ? verifiedDay(p.verifiedAt, timeZone) : '',
    formatBoolean(p.left, lang),
  ]);
  return '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA, newline: '\r\n' }) + '\r\n';
}
