import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { buildImport, planImport } from '../../../shared/people/importPlan';
import { sequentialIds } from './people';

/**
 * Importing an updated roster over the directory it came from (QA 4, bug 5): a backup named by
 * name is the person the directory has and the file's row merges into, one person and not an
 * ambiguity, on every line alike.
 */

const plan = (text: string, directory: Person[] = []) =>
  planImport({ file: 'roster.csv', text, kind: 'csv', directory, defaultTimeZone: 'Europe/Madrid', newId: sequentialIds('re'), now: new Date('2026-11-22T09:00:00Z') });

/** The directory after an import with the preview's suggestions, on top of `directory`. */
function apply(directory: Person[], text: string): Person[] {
  const p = plan(text, directory);
  expect(p.errors).toEqual([]);
  const write = buildImport(p);
  const updated = directory.map((d) => {
    const u = write.update.find((x) => x.id === d.id);
    return u ? { ...d, ...u.fields } : d;
  });
  return [...updated, ...write.create];
}

// The QA file: José and Marta name each other by name; a later row shares José's email (kept apart,
// as suggested, since the names differ) and another José's phone written with 00.
const ROSTER = [
  'nombre;teléfono;correo;suplente;verificado',
  'José Ibáñez;+34 600 111 222;jose@example.org;Marta Soler;2026-05-01',
  'Marta Soler;+34 600 333 444;marta@example.org;José Ibáñez;2026-05-01',
  'Duplicado Email;+34 600 999 999;JOSE@example.org;;',
  'Duplicado Tel;0034 600 111 222;otro@example.org;;',
].join('\n');

describe('re-importing a roster that names backups by name', () => {
  it('plans no error and no new person: every row is its person again', () => {
    const directory = apply([], ROSTER);
    expect(directory.map((p) => p.name).sort()).toEqual(['Duplicado Email', 'Duplicado Tel', 'José Ibáñez', 'Marta Soler']);
    const again = plan(ROSTER, directory);
    expect(again.errors).toEqual([]);
    expect(again.rows).toEqual([]);
    // Each row is matched with the person of its own name, not whoever shares the key and sorts first.
    expect(again.duplicates.map((d) => [d.incoming.fields.name, d.existing.kind === 'person' ? d.existing.person.name : '(row)'])).toEqual([
      ['José Ibáñez', 'José Ibáñez'],
      ['Marta Soler', 'Marta Soler'],
      ['Duplicado Email', 'Duplicado Email'],
      ['Duplicado Tel', 'Duplicado Tel'],
    ]);
    expect(buildImport(again).summary).toEqual({ added: 0, merged: 4, skipped: 0 });
  });

  it('still refuses a name two different people have, with the line and the reason', () => {
    const directory = apply([], 'name,email\nAna García,ana1@example.org\n');
    const p = plan('name,email,backup\nAna García,ana2@example.org,\nLuis Rey,luis@example.org,Ana García\n', directory);
    // The file's Ana has another email: she is kept apart, so "Ana García" is two people.
    expect(p.errors).toMatchObject([{ line: 3, code: 'backup.ambiguous', values: { value: 'Ana García', count: 2 } }]);
  });
});

const NAMES = ['José Ibáñez', 'Marta Soler', 'Ana García', 'Ana', 'Bea Dos', 'Luis Rey'];
const EMAILS = ['jose@example.org', 'marta@example.org', 'team@example.org', 'ana@example.org'];
/** A few numbers, each written several ways: shared switchboards and the 00 prefix. */
const PHONES = ['+34 600 111 222', '0034 600 111 222', '+34600111222', '+34 911 000 000', '0034 911 000 000', '600 555 666'];

const rosterArb = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom(...NAMES),
      email: fc.option(fc.constantFrom(...EMAILS), { nil: '' }),
      phones: fc.uniqueArray(fc.constantFrom(...PHONES), { maxLength: 2 }),
      backup: fc.option(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...EMAILS))),
    }),
    { minLength: 1, maxLength: 6, selector: (r) => r.name },
  )
  // A row with neither email nor phone has nothing to be found again by: a re-import adds it again.
  .filter((rows) => rows.every((r) => r.email !== '' || r.phones.length > 0))
  // A backup named by a mailbox two rows share is resolved by the first plan as if the rows were
  // merged, while the preview suggests keeping them apart: a known looseness of the first import
  // that the first plan accepts, not what this property is about.
  .filter((rows) => rows.every((r) => !r.backup?.includes('@') || rows.filter((o) => o.email === r.backup).length <= 1))
  .map((rows) => ['name,email,phones,backup', ...rows.map((r) => [r.name, r.email, r.phones.join('; '), r.backup ?? ''].join(','))].join('\n'));

describe('importing the same file twice', () => {
  test.prop([rosterArb], { numRuns: 300 })('the second import plans no error and no new person, and only merges', (roster) => {
    const first = plan(roster);
    fc.pre(first.errors.length === 0);
    const directory = apply([], roster);
    const second = plan(roster, directory);
    expect(second.errors).toEqual([]);
    expect(second.rows).toEqual([]);
    const write = buildImport(second);
    expect(write.create).toEqual([]);
    expect(write.summary.added).toBe(0);
    // And a third time changes nothing at all: the second already brought everything in.
    const after = apply(directory, roster);
    expect(buildImport(plan(roster, after)).update).toEqual([]);
  });
});
