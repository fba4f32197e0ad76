import { peopleIssue, type PeopleIssue } from './issues';

/**
 * A file that is clearly not text: a photo, a PDF or a spreadsheet workbook picked by mistake in
 * the file dialog. Read as text it would be reported column by column ("unknown column «‰PNG…»"),
 * which sends the user looking for a typo in a file that was never a list; it gets one error that
 * says what it is instead.
 *
 * The file has already been decoded (shared/text/decodeText), so the signs are looked for in the
 * text: the magic numbers of common binary formats as their bytes decode, a NUL (never in a text
 * file, always in binary ones), or a flood of control characters and U+FFFD (bytes that did not
 * decode). A few U+FFFD in a real list are left to the per-field "unreadable" error, which names
 * the value to fix.
 */

/** Starts of common binary formats, as UTF-8 or Windows-1252 decode their first bytes. */
const MAGIC: readonly RegExp[] = [
  /^(\u2030|\u0089|\uFFFD)PNG/, // PNG
  /^%PDF-/, // PDF
  /^PK\u0003\u0004/, // ZIP: .xlsx, .docx, .odt, .numbers
  /^\u00D0\u00CF\u0011\u00E0/, // OLE2: old .xls, .doc
  /^GIF8[79]a/, // GIF
  /^(\u00FF\u00D8\u00FF|\uFFFD{2,3})/, // JPEG
];

/** How much of the file is looked at: a binary file shows it at once. */
const SAMPLE = 8192;
/** Above this share of control characters and U+FFFD, the text is binary read as text. */
const FLOOD = 0.1;

// Control characters no text file holds: all of C0 but tab, line feed, form feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g;

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000') || MAGIC.some((m) => m.test(sample))) return true;
  const bad = sample.match(CONTROL)?.length ?? 0;
  return bad >= 4 && bad / sample.length > FLOOD;
}

/** The error for a file that is not text, or null for one that is. */
export function notTextIssue(file: string, text: string, kind: 'csv' | 'vcard'): PeopleIssue | null {
  if (!looksBinary(text)) return null;
  return peopleIssue(file, { line: null, column: null }, '(file)', kind === 'csv' ? 'file.notCsv' : 'file.notVcard', { file });
}
