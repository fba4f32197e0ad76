import { describe, expect, it } from 'vitest';
import { parsePeopleVcard, serializePeopleVcard } from '../../../shared/people/vcard';
import { person } from './people';

const v3 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:García López;Ana;;;',
  'FN:Ana García López',
  'TEL;TYPE=WORK,VOICE:+34 600 111 222',
  'TEL;TYPE=CELL:+34 600 333 444',
  'EMAIL;TYPE=INTERNET:ana.old@example.com',
  'EMAIL;TYPE=INTERNET,PREF:ana@example.com',
  'TZ:Europe/Madrid',
  'ROLE:spokesperson',
  'NOTE:Línea uno\\nlínea dos\\, con coma y una nota larga que se pliega a',
  ' quí sin perder nada',
  'item1.X-ABLabel:ignored',
  'X-CALMA-WORKING-HOURS:lun-vie 9:00-17:00',
  'X-CALMA-BACKUP:luis@example.com',
  'END:VCARD',
].join('\r\n');

const v4 = [
  'BEGIN:VCARD',
  'VERSION:4.0',
  'N:Pérez;Luis;;Dr.;',
  'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100;ext=12',
  'EMAIL;PREF=2:luis.other@example.com',
  'EMAIL;PREF=1:luis@example.com',
  'TZ;VALUE=text:America/New_York',
  'X-CALMA-VERIFIED:2025-03-01',
  'X-CALMA-LEFT:true',
  'END:VCARD',
].join('\n');

describe('reading people from vCards', () => {
  it('reads 3.0 and 4.0 cards: folding, escapes, several phones, preferred email, TZ, N without FN', () => {
    const { drafts, issues } = parsePeopleVcard('contacts.vcf', `\uFEFF${v3}\r\n${v4}\n`);
    expect(issues).toEqual([]);
    expect(drafts[0]).toMatchObject({
      line: 1,
      values: {
        name: 'Ana García López',
        phones: ['+34 600 111 222', '+34 600 333 444'],
        email: 'ana@example.com',
        timeZone: 'Europe/Madrid',
        roles: ['spokesperson'],
        notes: 'Línea uno\nlínea dos, con coma y una nota larga que se pliega aquí sin perder nada',
        workingHours: 'lun-vie 9:00-17:00',
        backup: 'luis@example.com',
      },
      at: { timeZone: { line: 9 }, notes: { line: 11 } },
    });
    expect(drafts[1]).toMatchObject({
      line: 17,
      values: { name: 'Dr. Luis Pérez', phones: ['+1-555-0100 ext. 12'], email: 'luis@example.com', timeZone: 'America/New_York', verifiedAt: '2025-03-01', left: 'true' },
    });
  });

  it('lists every broken card with its line and still reads the good ones', () => {
    const text = [
      'hello',
      'BEGIN:VCARD', 'VERSION:2.1', 'FN:Old', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN Bob', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Good', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'TEL;TYPE="unterminated:+1', 'END:VCARD',
      'BEGIN:VCARD', 'FN:No version', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Never closed',
    ].join('\r\n');
    const { drafts, issues } = parsePeopleVcard('bad.vcf', text);
    expect(drafts.map((d) => d.values.name)).toEqual(['Good']);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [1, 'vcard.outside'],
      [2, 'vcard.version'],
      [6, 'vcard.syntax'],
      [14, 'vcard.syntax'],
      [18, 'vcard.version'],
      [21, 'vcard.unclosed'],
    ]);
    expect(issues[1]!.message).toContain('2.1');
  });

  it('reads a 3.0 offset time zone as written, so validation can explain it', () => {
    const { drafts } = parsePeopleVcard('a.vcf', 'BEGIN:VCARD\nVERSION:3.0\nFN:A\nTZ:-05:00\nEND:VCARD\n');
    expect(drafts[0]!.values.timeZone).toBe('-05:00');
  });

  it('says an empty file has nobody in it', () => {
    expect(parsePeopleVcard('e.vcf', '\n\n').issues.map((i) => i.code)).toEqual(['file.empty']);
  });
});

describe('writing people as vCard 4.0', () => {
  it('escapes, folds at 75 octets, keeps every phone and the Calma fields', () => {
    const ana = person({
      id: 'p1', name: 'Ana; García, López', phones: ['+34 600 111 222', '600 333 444'], email: 'ana@example.com', roles: ['comms-lead'],
      timeZone: 'Europe/Madrid', notes: `${'ñ'.repeat(60)}\nsegunda línea`, backupId: 'p2', verifiedAt: '2025-03-01T12:00:00.000Z', left: true,
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    });
    const luis = person({ id: 'p2', name: 'Luis', email: 'luis@example.com' });
    const text = serializePeopleVcard([ana], [ana, luis]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toContain('FN:Ana; García\\, López');
    expect(text).toContain('TEL;VALUE=TEXT:+34 600 111 222');
    expect(text).toContain('X-CALMA-BACKUP;VALUE=TEXT:luis@example.com');
    const back = parsePeopleVcard('x.vcf', text);
    expect(back.issues).toEqual([]);
    expect(back.drafts[0]!.values).toEqual({
      name: 'Ana; García, López', phones: ['+34 600 111 222', '600 333 444'], email: 'ana@example.com', roles: ['comms-lead'], timeZone: 'Europe/Madrid',
      notes: `${'ñ'.repeat(60)}\nsegunda línea`, workingHours: 'Mon-Fri 09:00-17:00', backup: 'luis@example.com', verifiedAt: '2025-03-01T12:00:00.000Z', left: 'true',
    });
  });
});
