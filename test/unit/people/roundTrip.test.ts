import { fc, test } from '@fast-check/vitest';
import Papa from 'papaparse';
import { describe, expect } from 'vitest';
import type { Person } from '../../../shared/domain';
import { serializePeopleCsv } from '../../../shared/people/csv';
import { buildImport, planImport, type ImportKind } from '../../../shared/people/importPlan';
import { serializePeopleVcard } from '../../../shared/people/vcard';
import { foldText } from '../../../shared/text/fold';
import { sequentialIds } from './people';

/**
 * people → file → people gives the same people back, through the real import path (plan and
 * build), with values chosen to be awkward: quotes, delimiters, escapes, formula starters,
 * accents, emoji, line breaks in notes.
 */

const HOSTILE = [...'abcxyzÁñüé ,;:"\'\\=+-@|/()😀'];
const text = (chars: string[], max: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength: max });
const trimmed = (chars: string[], max: number) => text(chars, max).map((s) => s.trim());

const nameArb = trimmed(HOSTILE, 40).filter((s) => s !== '');
const roleArb = trimmed([...'abcdefghij-_ éñ\'"=+@'], 20).filter((s) => s !== '');
const phoneArb = fc.tuple(fc.constantFrom('', '+', '='), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '-', '.'))
  .map(([lead, groups, sep]) => `${lead}6${groups.map((g) => String(g).padStart(3, '0')).join(sep)}`);
const emailArb = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fc.stringMatching(/^[a-z]{1,6}$/)).map(([u, d]) => `${u}@${d}.example`);
const zoneArb = fc.constantFrom('UTC', 'Europe/Madrid', 'America/Mexico_City', 'America/New_York', 'Atlantic/Canary', 'Asia/Tokyo');
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const hoursArb = fc.option(
  fc.record({ days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }).map((d) => d.sort((a, b) => a - b)), start: hhmm, end: hhmm }).filter((h) => h.start !== h.end),
);
const dateArb = fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()));

const personArb = fc.record({
  name: nameArb,
  roles: fc.uniqueArray(roleArb, { maxLength: 3 }),
  phones: fc.uniqueArray(phoneArb, { maxLength: 3, selector: (p) => p.replace(/\D/g, '') }),
  email: fc.option(emailArb, { nil: '' }),
  timeZone: zoneArb,
  workingHours: hoursArb,
  notes: trimmed([...HOSTILE, '\n'], 80),
  verifiedAt: dateArb,
  left: fc.boolean(),
  backup: fc.option(fc.nat()),
});

/** A directory of distinct people: no shared email or phone (those are duplicates) nor name (ambiguous backups). */
const directoryArb = fc
  .uniqueArray(personArb, { minLength: 1, maxLength: 8, selector: (p) => foldText(p.name) })
  .filter((people) => {
    const emails = people.map((p) => p.email).filter((e) => e !== '');
    const phones = people.flatMap((p) => p.phones.map((ph) => ph.replace(/[^\d]/g, '')));
    return new Set(emails).size === emails.length && new Set(phones).size === phones.length;
  })
  .map((people): Person[] =>
    people.map(({ backup, ...p }, i) => {
      const b = backup === null || people.length < 2 ? null : backup % people.length;
      return { ...p, id: `p${i}`, clock: {}, deleted: false, backupId: b === null || b === i ? null : `p${b}` };
    }),
  );

function roundTrip(people: Person[], kind: ImportKind, lang: 'es' | 'en'): Person[] {
  const text = kind === 'csv' ? serializePeopleCsv(people, { lang, directory: people }) : serializePeopleVcard(people, people);
  // Checked as of after the latest date generated: the round trip is about the formats, not the clock.
  const plan = planImport({ file: `people.${kind}`, text, kind, directory: [], defaultTimeZone: 'UTC', newId: sequentialIds('rt'), now: new Date('2100-01-02') });
  expect(plan.errors).toEqual([]);
  expect(plan.duplicates).toEqual([]);
  const { create } = buildImport(plan);
  // Back to the original ids, so the people can be compared whole.
  const idMap = new Map(create.map((c, i) => [c.id, people[i]!.id]));
  return create.map((c) => ({ ...c, id: idMap.get(c.id)!, backupId: c.backupId === null ? null : idMap.get(c.backupId)! }));
}

describe('round trips', () => {
  test.prop([directoryArb, fc.constantFrom('es' as const, 'en' as const)], { numRuns: 200 })('people → CSV → people', (people, lang) => {
    // The CSV's verified column is a day (YYYY-MM-DD, as documented), read back as that day at
    // 12:00 UTC: the same day, whatever time of it the stored instant had.
    const csv = serializePeopleCsv(people, { lang, directory: people });
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[8])).toEqual(people.map((p) => (p.verifiedAt ? p.verifiedAt.slice(0, 10) : '')));
    const back = roundTrip(people, 'csv', lang);
    expect(back).toEqual(people.map((p) => ({ ...p, verifiedAt: p.verifiedAt ? `${p.verifiedAt.slice(0, 10)}T12:00:00.000Z` : null })));
    // What came back exports to the very same file: nothing drifts over repeated round trips.
    expect(serializePeopleCsv(back, { lang, directory: back })).toBe(csv);
  });

  test.prop([directoryArb], { numRuns: 200 })('people → vCard 4.0 → people', (people) => {
    expect(roundTrip(people, 'vcard', 'en')).toEqual(people);
  });
});
