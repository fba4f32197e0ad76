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

/**
 * Starts of common binary formats, as their first bytes decode. None of these starts with a
 * byte-order mark and none is UTF-8, so decodeText reads them as Windows-1252, which gives every
 * byte a character of its own (0x89 is "‰", 0xFF 0xD8 is "ÿØ"): never U+FFFD.
 */
const MAGIC: readonly RegExp[] = [
  /^\u2030PNG/, // PNG
  /^%PDF-/, // PDF
  /^PK\u0003\u0004/, // ZIP: .xlsx, .docx, .odt, .numbers
  /^\u00D0\u00CF\u0011\u00E0/, // OLE2: old .xls, .doc
  /^GIF8[79]a/, // GIF
  /^\u00FF\u00D8\u00FF/, // JPEG
];

/** How much of the file is looked at: a binary file shows it at once. */
const SAMPLE = 8192;
/** Above this share of control characters and U+FFFD, the text is binary read as text. */
const FLOOD = 0.1;
/** Share of characters at one parity that must be NUL for text to be UTF-16 read byte by byte. */
const UTF16_NULS = 0.9;

// Control characters no text file holds: all of C0 but tab, line feed, form feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g;

export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.includes('\u0000') || MAGIC.some((m) => m.test(sample))) return true;
  const bad = sample.match(CONTROL)?.length ?? 0;
  return bad >= 4 && bad / sample.length > FLOOD;
}

/**
 * UTF-16 saved without a byte-order mark (Notepad's and some exports' "Unicode"): with no mark it
 * is read as UTF-8 or Windows-1252, and Latin text comes out as its letters with a NUL between
 * each (LE: after, BE: before). A binary file has NULs too, but not every other character; a few
 * characters outside Latin-1 (curly quotes, €) have no NUL byte, hence the share, not "all".
 */
export function looksUtf16WithoutBom(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample.charCodeAt(i) === 0) evenNuls++;
    if (sample.charCodeAt(i + 1) === 0) oddNuls++;
  }
  const [nuls, others] = evenNuls > oddNuls ? [evenNuls, oddNuls] : [oddNuls, evenNuls];
  return nuls >= pairs * UTF16_NULS && others === 0;
}

/** The error for a file that is not text (or is UTF-16 read as bytes), or null for one that is text. */
export function notTextIssue(file: string, text: string, kind: 'csv' | 'vcard'): PeopleIssue | null {
  const where = { line: null, column: null };
  // Before the binary test: every other character NUL would read as binary data, which sends the
  // user looking for the right file when it needs only saving again as UTF-8.
  if (looksUtf16WithoutBom(text)) return peopleIssue(file, where, '(file)', 'file.utf16NoBom', { file });
  if (!looksBinary(text)) return null;
  return peopleIssue(file, where, '(file)', kind === 'csv' ? 'file.notCsv' : 'file.notVcard', { file });
}
