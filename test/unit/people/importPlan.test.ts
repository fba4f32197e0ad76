import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { buildImport, planImport, type Choices, type DuplicateAction, type DuplicateChoice, type ImportPlan } from '../../../shared/people/importPlan';
import { freshDb, mutateFor } from '../db/fixtures';
import { person, sequentialIds } from './people';

const plan = (text: string, directory: Person[] = [], kind: 'csv' | 'vcard' = 'csv') =>
  planImport({ file: 'people.csv', text, kind, directory, defaultTimeZone: 'Europe/Madrid', newId: sequentialIds() });
const errorsOf = (p: ImportPlan) => p.errors.map((e) => [e.line, e.path, e.code]);

describe('planning an import', () => {
  it('turns a good file into people, with defaults and backups resolved within the file', () => {
    const p = plan('name,roles,phones,email,time zone,working hours,backup,verified,left\n' +
      'Ana,comms-lead,+34 600 111 222,ana@example.com,,Mon-Fri 09:00-17:00,luis@example.com,2025-03-01,\n' +
      'Luis,,600 333 444,luis@example.com,America/Mexico_City,,ANA,,yes\n');
    expect(p.errors).toEqual([]);
    expect(p.duplicates).toEqual([]);
    const { create, update, summary } = buildImport(p);
    expect(update).toEqual([]);
    expect(summary).toEqual({ added: 2, merged: 0, skipped: 0 });
    const [ana, luis] = create;
    expect(ana).toMatchObject({ name: 'Ana', roles: ['comms-lead'], timeZone: 'Europe/Madrid', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, verifiedAt: '2025-03-01T12:00:00.000Z', left: false, backupId: luis!.id });
    expect(luis).toMatchObject({ timeZone: 'America/Mexico_City', left: true, backupId: ana!.id });
  });

  it('lists every bad row with its line, field and reason, and refuses to build', () => {
    const p = plan('name,phones,email,time zone,working hours,backup,verified,left\n' +
      'Ana,12,not-an-email,Mars/Base,whenever,,03/01/2025,maybe\n' +
      ',600111222,,,,,,\n' +
      `${'x'.repeat(201)},,,,,,,\n` +
      'Bea,,,,,Nobody,,\n' +
      'Carla,,carla@example.com,,,Carla,,\n');
    expect(errorsOf(p)).toEqual([
      [2, 'phones', 'phone.invalid'],
      [2, 'email', 'email.invalid'],
      [2, 'timeZone', 'timeZone.invalid'],
      [2, 'workingHours', 'workingHours.invalid'],
      [2, 'verifiedAt', 'date.invalid'],
      [2, 'left', 'boolean.invalid'],
      [3, 'name', 'name.missing'],
      [4, 'name', 'name.tooLong'],
      [5, 'backup', 'backup.notFound'],
      [6, 'backup', 'backup.self'],
    ]);
    expect(p.errors[2]).toMatchObject({ file: 'people.csv', column: 4, message: expect.stringContaining('Mars/Base') });
    expect(() => buildImport(p)).toThrow(/cannot be imported/);
  });

  it('refuses a verification date in the future (a typo would silence the 90-day warning), allowing for time zones', () => {
    const at = (text: string, now: string) => planImport({ file: 'people.csv', text, kind: 'csv', directory: [], defaultTimeZone: 'UTC', newId: sequentialIds(), now: new Date(now) });
    const file = 'name,verified\nAna,2062-03-01\nLuis,2026-11-22\nEva,2026-11-23T08:00:00+09:00\n';
    const p = at(file, '2026-11-22T20:00:00Z');
    expect(errorsOf(p)).toEqual([[2, 'verifiedAt', 'date.future']]);
    expect(p.errors[0]).toMatchObject({ column: 2, message: expect.stringContaining('"2062-03-01" is in the future') });
    // Today's date, and tomorrow morning already where the person is, are not refused.
    expect(errorsOf(at('name,verified\nLuis,2026-11-22\nEva,2026-11-23T08:00:00+09:00\n', '2026-11-22T20:00:00Z'))).toEqual([]);
  });

  it('checks the backup of a row that is invalid for another reason too, so every problem shows at once', () => {
    const p = plan('name,email,backup\nAna,bad-email,Nobody\n');
    expect(errorsOf(p)).toEqual([[2, 'email', 'email.invalid'], [2, 'backup', 'backup.notFound']]);
  });

  it('refuses a backup name two people share, and finds one by email in the directory', () => {
    const directory = [person({ id: 'd1', name: 'Ana Ruiz', email: 'ana.r@example.com' }), person({ id: 'd2', name: 'ana ruíz', email: 'ana.r2@example.com' })];
    const p = plan('name,backup\nBea,Ana Ruiz\nCarla,ANA.R2@example.com\n', directory);
    expect(errorsOf(p)).toEqual([[2, 'backup', 'backup.ambiguous']]);
    const ok = plan('name,backup\nCarla,ANA.R2@example.com\n', directory);
    expect(buildImport(ok).create[0]!.backupId).toBe('d2');
  });

  it('finds duplicates by email (any case) and by phone (digits only), in the directory and in the file', () => {
    const directory = [
      person({ id: 'd1', name: 'Ana', email: 'Ana@Example.com', phones: ['+34 600 111 222'] }),
      person({ id: 'd2', name: 'Gone', email: 'gone@example.com', deleted: true }),
    ];
    const p = plan('name,email,phone\n' +
      'Ana G.,ana@example.COM,\n' +
      'Ana mobile,,+34600111222\n' +
      'Bea,bea@example.com,700\n' +
      'Bea again,BEA@example.com,\n' +
      'Gone,gone@example.com,\n' +
      'Bea by phone,,7 0 0\n', directory);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.fields.name)).toEqual(['Bea', 'Gone']);
    expect(p.duplicates.map((d) => [d.incoming.fields.name, d.existing.kind === 'person' ? d.existing.person.id : d.existing.row.fields.name, d.reason])).toEqual([
      ['Ana G.', 'd1', 'email'],
      ['Ana mobile', 'd1', 'phone'],
      ['Bea again', 'Bea', 'email'],
      ['Bea by phone', 'Bea', 'phone'],
    ]);
  });

  it('merges, keeps or skips each duplicate as chosen, and sums it up', () => {
    const directory = [person({ id: 'd1', name: 'Ana', email: 'ana@example.com', phones: ['600 111 222'], roles: ['legal'], notes: 'old', timeZone: 'UTC' })];
    const p = plan('name,email,phones,roles,notes\n' +
      'Ana García,ANA@example.com,700 000 000,comms-lead,\n' +
      'Bea,bea@example.com,,,\n' +
      'Bea twin,bea@example.com,800 000 000,,twin notes\n' +
      'Bea skip,bea@example.com,,,\n', directory);
    const [anaDup, beaTwin, beaSkip] = p.duplicates;
    const choices: Choices = new Map<string, DuplicateChoice | DuplicateAction>([[anaDup!.incoming.id, { action: 'merge', useFileName: true }], [beaTwin!.incoming.id, 'merge'], [beaSkip!.incoming.id, 'skip']]);
    const { create, update, summary } = buildImport(p, choices);
    expect(summary).toEqual({ added: 1, merged: 2, skipped: 1 });
    // Only fields the file gives, and that change, are written; phones and roles are added to, notes left alone.
    expect(update).toEqual([{ id: 'd1', fields: { name: 'Ana García', phones: ['600 111 222', '700 000 000'], roles: ['legal', 'comms-lead'] } }]);
    // Without the file's name chosen, a merge keeps the name already there.
    expect(create.map((c) => [c.name, c.phones, c.notes])).toEqual([['Bea', ['800 000 000'], 'twin notes']]);
    expect(buildImport(p).update).toEqual([{ id: 'd1', fields: { phones: ['600 111 222', '700 000 000'], roles: ['legal', 'comms-lead'] } }]);

    const kept = buildImport(p, new Map([[anaDup!.incoming.id, 'keep'], [beaTwin!.incoming.id, 'keep'], [beaSkip!.incoming.id, 'keep']]));
    expect(kept.summary).toEqual({ added: 4, merged: 0, skipped: 0 });
    expect(kept.update).toEqual([]);
  });

  it('points a backup at whoever a duplicate became', () => {
    const directory = [person({ id: 'd1', name: 'Ana', email: 'ana@example.com' })];
    const p = plan('name,email,backup\nAna,ana@example.com,\nBea,bea@example.com,ana@example.com\n', directory);
    const dupId = p.duplicates[0]!.incoming.id;
    expect(buildImport(p, new Map([[dupId, 'merge']])).create[0]!.backupId).toBe('d1');
    expect(buildImport(p, new Map([[dupId, 'skip']])).create[0]!.backupId).toBe('d1');
    const kept = buildImport(p, new Map([[dupId, 'keep']]));
    expect(kept.create.find((c) => c.name === 'Bea')!.backupId).toBe(dupId);
  });

  it('plans vCards the same way', () => {
    const p = plan('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nTZ:Nowhere/Land\r\nEND:VCARD\r\n', [], 'vcard');
    expect(errorsOf(p)).toEqual([[4, 'timeZone', 'timeZone.invalid']]);
  });
});

describe('writing an import', () => {
  it('is one mutation: all of it lands, or none of it', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('person.create', { person: person({ id: 'd1', name: 'Ana', email: 'ana@example.com', timeZone: 'Asia/Tokyo', roles: ['legal'], notes: 'kept' }) });
    const p = plan('name,email,phones\nAna García,ana@example.com,600111222\nBea,bea@example.com,\n', await db.people.toArray());
    const write = buildImport(p);
    await mutate('people.import', { source: 'people.csv', create: write.create, update: write.update });
    const stored = (await db.people.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    expect(stored.map((s) => [s.name, s.phones])).toEqual([['Ana', ['600111222']], ['Bea', []]]);
    // A merge writes only what the file changes: the rest of Ana, her name included, stays as it was.
    expect(stored[0]).toMatchObject({ email: 'ana@example.com', timeZone: 'Asia/Tokyo', roles: ['legal'], notes: 'kept' });
    expect(await db.outbox.count()).toBe(2);

    // The same plan again: its new people exist now, so the mutation refuses and writes nothing.
    await expect(mutate('people.import', { source: 'people.csv', create: write.create, update: write.update })).rejects.toThrow(/already exist/);
    expect(await db.people.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('duplicate detection, property-based', () => {
  const emailArb = fc.tuple(fc.constantFrom('ana', 'bea', 'carla'), fc.constantFrom('example.com', 'x.org')).map(([u, d]) => `${u}@${d}`);
  const phoneArb = fc.constantFrom('600111222', '+34 600 111 222', '700-000-000', '');
  const caseArb = (s: string) => fc.boolean().map((up) => (up ? s.toUpperCase() : s));
  test.prop([fc.array(fc.tuple(emailArb.chain(caseArb), phoneArb), { minLength: 1, maxLength: 12 })])('every row is either new or a duplicate of someone sharing its email or a phone', (people) => {
    const text = 'name,email,phone\n' + people.map(([e, ph], i) => `P${i},${e},${ph}`).join('\n');
    const p = plan(text);
    expect(p.errors).toEqual([]);
    expect(p.rows.length + p.duplicates.length).toBe(people.length);
    const digits = (s: string) => s.replace(/[^\d+]/g, '');
    // No two rows created as new share an email (any case) or a phone.
    const emails = p.rows.map((r) => r.fields.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    const phones = p.rows.flatMap((r) => r.fields.phones.map(digits));
    expect(new Set(phones).size).toBe(phones.length);
    for (const d of p.duplicates) {
      const other = d.existing.kind === 'row' ? d.existing.row : null;
      expect(other).not.toBeNull();
      expect(other!.line).toBeLessThan(d.incoming.line);
    }
    // Keeping every duplicate creates everyone; skipping every one creates only the new rows.
    const all = (c: DuplicateAction) => new Map(p.duplicates.map((d) => [d.incoming.id, c]));
    expect(buildImport(p, all('keep')).create).toHaveLength(people.length);
    expect(buildImport(p, all('skip')).create).toHaveLength(p.rows.length);
  });
});
