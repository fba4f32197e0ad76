import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildImport, planImport } from '../../../shared/people/importPlan';
import { decodeText } from '../../../shared/text/decodeText';
import { sequentialIds } from './people';

/** Files as Excel and others save them: the people import reads their bytes, never guessing silently. */

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff];
  for (const c of text) {
    const code = c.charCodeAt(0);
    bytes.push(...(order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(bytes);
};

describe('decoding a file', () => {
  it('reads UTF-8 as UTF-8, without its byte-order mark', () => {
    expect(decodeText(new TextEncoder().encode('name\nJosé Pérez\n'))).toEqual({ text: 'name\nJosé Pérez\n', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Añón')]))).toEqual({ text: 'Añón', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte-order mark, either way round', () => {
    expect(decodeText(utf16('name\nAna Núñez', 'le'))).toEqual({ text: 'name\nAna Núñez', encoding: 'utf-16le' });
    expect(decodeText(utf16('name\nAna Núñez', 'be'))).toEqual({ text: 'name\nAna Núñez', encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as Excel on Windows writes Spanish', () => {
    // é (E9), ñ (F1), ÿ (FF); € “ ” Š Ÿ (80, 93, 94, 8A, 9F: Windows-1252's own, not ISO-8859-1's); 81 has no character and stays U+0081.
    const bytes = Uint8Array.from([...latin1('name,notes\nJos\xe9 Pe\xf1a,'), 0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x8a, 0x9f, 0x81, 0xff]);
    expect(decodeText(bytes)).toEqual({ text: 'name,notes\nJosé Peña,€ “ok”ŠŸ\u0081ÿ', encoding: 'windows-1252' });
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])('never loses a byte nor invents U+FFFD without a byte-order mark', (bytes) => {
    fc.pre(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff));
    const { text, encoding } = decodeText(bytes);
    if (encoding === 'utf-8') expect(new TextEncoder().encode(text)).toEqual(bytes);
    else {
      expect(encoding).toBe('windows-1252');
      expect(text.length).toBe(bytes.length);
      expect(text).not.toContain('\uFFFD');
    }
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 100 })])('gives back any UTF-8 text exactly', (text) => {
    fc.pre(!text.startsWith('\uFEFF'));
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });
});

describe('importing a Windows-1252 file', () => {
  it('imports the accents right and the plan says how the file was read', () => {
    const { text, encoding } = decodeText(latin1('nombre;correo\nJos\xe9 P\xe9rez;jose@example.org\nMar\xeda Ib\xe1\xf1ez;maria@example.org\n'));
    const plan = planImport({ file: 'excel.csv', text, encoding, kind: 'csv', directory: [], defaultTimeZone: 'Europe/Madrid', newId: sequentialIds('w') });
    expect(plan.encoding).toBe('windows-1252');
    expect(plan.errors).toEqual([]);
    expect(buildImport(plan).create.map((p) => p.name)).toEqual(['José Pérez', 'María Ibáñez']);
  });

  it('says UTF-8 when the text came from elsewhere', () => {
    expect(planImport({ file: 'a.csv', text: 'name\nAna\n', kind: 'csv', directory: [], defaultTimeZone: 'UTC', newId: sequentialIds('w') }).encoding).toBe('utf-8');
  });
});
