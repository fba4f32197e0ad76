import { describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/people/importPlan';
import { looksBinary, looksUtf16WithoutBom } from '../../../shared/people/notText';
import { decodeText } from '../../../shared/text/decodeText';
import { person, sequentialIds } from './people';

/** A file that is not text, picked for an import (QA 4, bug 15): one clear error naming it, nothing planned. */

const planBytes = (file: string, bytes: number[] | Uint8Array, kind: 'csv' | 'vcard' = 'csv') => {
  const { text, encoding } = decodeText(Uint8Array.from(bytes));
  return planImport({ file, text, encoding, kind, directory: [person({ id: 'a', name: 'Ana' })], defaultTimeZone: 'UTC', newId: sequentialIds() });
};
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('files that are not text', () => {
  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
    ['the QA file', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 255, 254]],
    ['PDF', ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n')],
    ['XLSX (ZIP)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]],
    ['old XLS (OLE2)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]],
    ['control bytes', Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))],
  ])('refuses %s as "not a CSV file", naming the file, and plans nothing', (_, bytes) => {
    const p = planBytes('foto.csv', bytes);
    expect(p.rows).toEqual([]);
    expect(p.duplicates).toEqual([]);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ code: 'file.notCsv', line: null, values: { file: 'foto.csv' } });
    expect(p.errors[0]!.message).toContain('"foto.csv" is not a CSV file');
  });

  it('says "not a vCard file" for a vCard import', () => {
    expect(planBytes('foto.vcf', [0x89, 0x50, 0x4e, 0x47, 0, 0], 'vcard').errors).toMatchObject([{ code: 'file.notVcard', values: { file: 'foto.vcf' } }]);
  });

  it('refuses a flood of U+FFFD (a file whose byte-order mark lies)', () => {
    expect(looksBinary('name\n' + '\uFFFD'.repeat(60))).toBe(true);
  });

  it('leaves real lists alone, a stray bad character or a Windows-1252 one included', () => {
    expect(looksBinary('name,email\nAna,ana@example.org\n')).toBe(false);
    expect(looksBinary('nombre;notas\nJos\uFFFD;\tcon tabulador\f\r\n')).toBe(false);
    const p = planBytes('latin.csv', [...ascii('nombre\nJos'), 0xe9, 0x0a]);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.fields.name)).toEqual(['José']);
    // A file that starts like a magic number only by its text is still text: "PK" needs its bytes 3 and 4.
    expect(looksBinary('PK,name\n1,Ana\n')).toBe(false);
  });

  it('no longer carries magic numbers that decoding can never produce: PNG and JPEG read as Windows-1252, not U+FFFD', () => {
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])).text.startsWith('\u2030PNG')).toBe(true);
    expect(decodeText(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])).text.startsWith('\u00FF\u00D8\u00FF')).toBe(true);
    // A text that starts with U+FFFD (a damaged first character) is no longer taken for a JPEG or a PNG.
    expect(looksBinary('\uFFFD\uFFFDname,email\nAna,ana@example.org\n')).toBe(false);
    expect(looksBinary('\uFFFDPNG,name\n1,Ana\n')).toBe(false);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const utf16 = (s: string, order: 'le' | 'be') =>
    [...s].flatMap((c) => {
      const code = c.charCodeAt(0);
      return order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    });
  const list = 'nombre;email\r\nJosé Pérez;jose@example.org\r\nAna “la jefa”;ana@example.org\r\n';

  it.each(['le', 'be'] as const)('UTF-16 %s is told to save as UTF-8, not that it holds binary data', (order) => {
    const p = planBytes('lista.csv', utf16(list, order));
    expect(p.rows).toEqual([]);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ code: 'file.utf16NoBom', line: null, values: { file: 'lista.csv' } });
    expect(p.errors[0]!.message).toContain('"lista.csv" looks like UTF-16 without a byte-order mark: save it as UTF-8');
    expect(planBytes('agenda.vcf', utf16('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n', order), 'vcard').errors).toMatchObject([{ code: 'file.utf16NoBom' }]);
  });

  it('with its byte-order mark, UTF-16 imports', () => {
    const p = planBytes('lista.csv', [0xff, 0xfe, ...utf16(list, 'le')]);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.fields.name)).toEqual(['José Pérez', 'Ana “la jefa”']);
  });

  it('binary files with NULs that are not every other character stay "not a CSV file"', () => {
    expect(looksUtf16WithoutBom('\u2030PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toBe(false);
    expect(looksUtf16WithoutBom('a\u0000b\u0000cd\u0000e\u0000')).toBe(false); // a NUL missing where UTF-16 puts one
    expect(looksUtf16WithoutBom('\u0000\u0000\u0000\u0000\u0000\u0000')).toBe(false); // NULs at both places: padding, not letters
    expect(looksUtf16WithoutBom('a\u0000')).toBe(false); // too short to tell
    expect(planBytes('foto.csv', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 255, 254]).errors).toMatchObject([{ code: 'file.notCsv' }]);
  });
});
