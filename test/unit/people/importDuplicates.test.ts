import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { emailKey, phoneKey } from '../../../shared/people/fields';
import { buildImport, planImport, type DuplicateAction, type DuplicateChoice, type ImportPlan, type ImportRow } from '../../../shared/people/importPlan';
import { person, sequentialIds } from './people';

/**
 * Possible duplicates: who a row is reported against, what the preview suggests, and that the
 * write follows the user's choices, recomputed from the plan (QA: a shared switchboard number
 * merged two people into one; skipping a row still merged an unrelated one through it).
 */

const plan = (text: string, directory: Person[] = []) =>
  planImport({ file: 'people.csv', text, kind: 'csv', directory, defaultTimeZone: 'Europe/Madrid', newId: sequentialIds('row') });
const rowNamed = (p: ImportPlan, name: string): ImportRow => [...p.rows, ...p.duplicates.map((d) => d.incoming)].find((r) => r.fields.name === name)!;
const stored = (people: { name: string; email: string; phones: string[] }[]) => people.map((p) => ({ name: p.name, email: p.email, phones: p.phones }));

describe('two people sharing a phone', () => {
  it('are offered for merge but kept apart by default when their emails differ', () => {
    const p = plan('name,email,phone\nAna Uno,ana@example.org,+34 910 000 000\nBea Dos,bea@example.org,+34 910 000 000\n');
    expect(p.errors).toEqual([]);
    expect(p.duplicates).toHaveLength(1);
    const [dup] = p.duplicates;
    expect(dup).toMatchObject({ reason: 'phone', differs: { name: true, email: true }, suggested: 'keep' });
    const write = buildImport(p);
    expect(write.summary).toEqual({ added: 2, merged: 0, skipped: 0 });
    expect(stored(write.create)).toEqual([
      { name: 'Ana Uno', email: 'ana@example.org', phones: ['+34 910 000 000'] },
      { name: 'Bea Dos', email: 'bea@example.org', phones: ['+34 910 000 000'] },
    ]);
  });

  it('is reported against the same person in the directory whatever order the directory is stored in', () => {
    const switchboard = ['+34 910 000 000'];
    const ana = person({ id: 'z-ana', name: 'Ana Uno', email: 'ana@example.org', phones: switchboard });
    const bea = person({ id: 'a-bea', name: 'Bea Dos', email: 'bea@example.org', phones: switchboard });
    const against = (directory: Person[]) => plan('name,email,phone\nCarla Tres,carla@example.org,+34 910 000 000\n', directory).duplicates.map((d) => d.existing);
    expect(against([ana, bea])).toEqual(against([bea, ana]));
    expect(against([bea, ana])).toMatchObject([{ kind: 'person', person: { name: 'Ana Uno' } }]);
  });

  it('never renames someone in the directory by default: a different name keeps both', () => {
    const directory = [person({ id: 'lead', name: 'Ana Lead', email: 'ana.lead@example.org', phones: ['+34 600 000 001'] })];
    const p = plan('name,email,phone\nAna Dup,,+34 600 000 001\n', directory);
    expect(p.duplicates[0]).toMatchObject({ reason: 'phone', differs: { name: true, email: false }, suggested: 'keep' });
    const write = buildImport(p);
    expect(write.update).toEqual([]);
    expect(stored(write.create)).toEqual([{ name: 'Ana Dup', email: '', phones: ['+34 600 000 001'] }]);
    // Merged on purpose, Ana Lead keeps her name unless the file's is chosen too.
    const id = p.duplicates[0]!.incoming.id;
    expect(buildImport(p, new Map([[id, 'merge']])).update).toEqual([]);
    expect(buildImport(p, new Map([[id, { action: 'merge', useFileName: true }]])).update).toEqual([{ id: 'lead', fields: { name: 'Ana Dup' } }]);
  });

  it('suggests a merge when nothing says they are different people', () => {
    const directory = [person({ id: 'd1', name: 'Tomás Rey Castro', email: 'tomas@example.org', phones: ['+34 600 000 002'] })];
    const p = plan('name,email,phone\ntomas rey,,+34 600 000 002\nTomás Rey Castro,TOMAS@example.org,\n', directory);
    expect(p.duplicates.map((d) => [d.reason, d.differs, d.suggested])).toEqual([
      ['phone', { name: true, email: false }, 'merge'],
      ['email', { name: false, email: false }, 'merge'],
    ]);
    const write = buildImport(p);
    expect(write.summary).toEqual({ added: 0, merged: 2, skipped: 0 });
    expect(write.update).toEqual([]);
  });

  it('fills an email the person lacks, and replaces a different one only when chosen', () => {
    const directory = [person({ id: 'd1', name: 'Ana', phones: ['600 111 222'] }), person({ id: 'd2', name: 'Bea', email: 'bea@example.org', phones: ['600 333 444'] })];
    const p = plan('name,email,phone\nAna,ana@example.org,600 111 222\nBea,bea.new@example.org,600 333 444\n', directory);
    const [ana, bea] = p.duplicates;
    expect([ana!.suggested, bea!.suggested]).toEqual(['merge', 'keep']);
    const merged = buildImport(p, new Map([[ana!.incoming.id, 'merge'], [bea!.incoming.id, 'merge']]));
    expect(merged.update).toEqual([{ id: 'd1', fields: { email: 'ana@example.org' } }]);
    const taken = buildImport(p, new Map<string, DuplicateChoice | DuplicateAction>([[ana!.incoming.id, 'merge'], [bea!.incoming.id, { action: 'merge', useFileEmail: true }]]));
    expect(taken.update).toEqual([{ id: 'd1', fields: { email: 'ana@example.org' } }, { id: 'd2', fields: { email: 'bea.new@example.org' } }]);
  });
});

describe('a chain of duplicates within the file', () => {
  const text = 'name,email,phone\nAna Uno,dup@example.org,+34 600 1\nAna Dos,DUP@example.org,+34 600 2\nBea,bea@example.org,+34 600 2\n';

  it('reports each row against the row it really shares a key with', () => {
    const p = plan(text);
    expect(p.duplicates.map((d) => [d.incoming.line, d.reason, d.existing.kind === 'row' ? d.existing.row.line : null, d.existing.kind === 'row' ? d.existing.row.fields.name : null])).toEqual([
      [3, 'email', 2, 'Ana Uno'],
      [4, 'phone', 3, 'Ana Dos'],
    ]);
  });

  it('honours a skip: the skipped row carries no one along, and the row it matched is stored as it was', () => {
    const p = plan(text);
    for (const beaChoice of ['merge', 'keep'] as const) {
      const write = buildImport(p, new Map([[rowNamed(p, 'Ana Dos').id, 'skip'], [rowNamed(p, 'Bea').id, beaChoice]]));
      expect(write.summary).toEqual({ added: 2, merged: 0, skipped: 1 });
      expect(stored(write.create)).toEqual([
        { name: 'Ana Uno', email: 'dup@example.org', phones: ['+34 600 1'] },
        { name: 'Bea', email: 'bea@example.org', phones: ['+34 600 2'] },
      ]);
    }
  });

  it('follows a merge through: a row merged into a merged row joins whoever that one joined', () => {
    const p = plan(text);
    const write = buildImport(p, new Map([[rowNamed(p, 'Ana Dos').id, 'merge'], [rowNamed(p, 'Bea').id, 'merge']]));
    expect(write.summary).toEqual({ added: 1, merged: 2, skipped: 0 });
    expect(stored(write.create)).toEqual([{ name: 'Ana Uno', email: 'dup@example.org', phones: ['+34 600 1', '+34 600 2'] }]);
    expect(write.outcomes.get(rowNamed(p, 'Bea').id)).toEqual({ kind: 'merged', into: { id: rowNamed(p, 'Ana Uno').id, name: 'Ana Uno', line: 2 } });
  });
});

describe('choices, property-based', () => {
  const emails = ['', 'ana@x.org', 'ANA@x.org', 'bea@x.org', 'team@x.org'];
  const phones = ['', '600 111', '600111', '700 222', '+34 800'];
  const names = ['Ana', 'Ana Uno', 'Bea', 'Bea Dos', 'Team'];
  const rowArb = fc.record({ name: fc.constantFrom(...names), email: fc.constantFrom(...emails), phone: fc.constantFrom(...phones) });
  const choiceArb = fc.record({ action: fc.constantFrom<DuplicateAction>('merge', 'keep', 'skip'), useFileName: fc.boolean(), useFileEmail: fc.boolean() });

  test.prop([fc.array(rowArb, { maxLength: 3 }), fc.array(rowArb, { minLength: 1, maxLength: 10 }), fc.array(choiceArb, { minLength: 10, maxLength: 10 }), fc.boolean()])(
    'every row not skipped lands in exactly one stored person, and nothing stored comes from a skipped row',
    (dirRows, fileRows, picks, useDefaults) => {
      const directory = dirRows.map((r, i) => person({ id: `d${i}`, name: `${r.name} D${i}`, email: r.email, phones: r.phone ? [r.phone] : [] }));
      const p = plan('name,email,phone\n' + fileRows.map((r) => `${r.name},${r.email},${r.phone}`).join('\n') + '\n', directory);
      expect(p.errors).toEqual([]);
      const choices = new Map<string, DuplicateChoice>(useDefaults ? [] : p.duplicates.map((d, i) => [d.incoming.id, picks[i]!]));
      const write = buildImport(p, choices);
      const all = [...p.rows, ...p.duplicates.map((d) => d.incoming)];
      const choiceOf = (r: ImportRow): DuplicateChoice => {
        const dup = p.duplicates.find((d) => d.incoming.id === r.id);
        return dup ? (choices.get(r.id) ?? { action: dup.suggested }) : { action: 'keep' };
      };
      const kept = all.filter((r) => choiceOf(r).action !== 'skip');
      const skipped = all.filter((r) => choiceOf(r).action === 'skip');
      expect(write.summary).toEqual({ added: write.create.length, merged: kept.length - write.create.length, skipped: skipped.length });

      // The stored people after the write: the new ones, and the directory with its updates applied.
      const before = new Map<string, { name: string; email: string; phones: string[] }>([...directory.map((d) => [d.id, d] as const), ...all.map((r) => [r.id, r.fields] as const)]);
      const after = new Map<string, { name: string; email: string; phones: string[] }>(directory.map((d) => [d.id, d]));
      for (const u of write.update) after.set(u.id, { ...after.get(u.id)!, ...u.fields });
      for (const c of write.create) {
        expect(after.has(c.id)).toBe(false);
        after.set(c.id, c);
      }
      /** The rows stored as each person: the person's own row, and the rows merged into them. */
      const sources = new Map<string, ImportRow[]>();
      for (const row of kept) {
        const outcome = write.outcomes.get(row.id)!;
        expect(outcome.kind).not.toBe('skipped');
        const id = outcome.kind === 'merged' ? outcome.into.id : row.id;
        expect(after.has(id)).toBe(true);
        sources.set(id, [...(sources.get(id) ?? []), row]);
        for (const phone of row.fields.phones) expect(after.get(id)!.phones.map(phoneKey)).toContain(phoneKey(phone));
      }
      // A row is merged into whom it matched, never through a row that was skipped or kept apart.
      for (const dup of p.duplicates) {
        const outcome = write.outcomes.get(dup.incoming.id)!;
        const matched = dup.existing.kind === 'person' ? null : write.outcomes.get(dup.existing.row.id)!;
        const matchedAs = dup.existing.kind === 'person' ? dup.existing.person.id : matched!.kind === 'added' ? dup.existing.row.id : matched!.kind === 'merged' ? matched!.into.id : null;
        if (choiceOf(dup.incoming).action !== 'merge') continue;
        if (matchedAs === null) expect(outcome).toEqual({ kind: 'added' });
        else expect(outcome.kind === 'merged' && outcome.into.id).toBe(matchedAs);
      }
      for (const row of skipped) {
        expect(write.outcomes.get(row.id)).toEqual({ kind: 'skipped' });
        expect(after.has(row.id)).toBe(false);
      }

      // Each stored person's name is their own, or one the user took from a row merged into them;
      // their email is their own, one filling a blank, or one taken; phones come from them or their rows.
      for (const [id, stored] of after) {
        const own = before.get(id)!;
        const merged = (sources.get(id) ?? []).filter((r) => r.id !== id);
        expect([own.name, ...merged.filter((r) => choiceOf(r).useFileName).map((r) => r.fields.name)]).toContain(stored.name);
        const emailFrom = merged.filter((r) => own.email === '' || choiceOf(r).useFileEmail).map((r) => emailKey(r.fields.email));
        expect([emailKey(own.email), ...emailFrom]).toContain(emailKey(stored.email));
        const phonesFrom = [own, ...merged.map((r) => r.fields)].flatMap((r) => r.phones.map(phoneKey));
        for (const ph of stored.phones) expect(phonesFrom).toContain(phoneKey(ph));
      }
    },
  );

  test.prop([fc.array(rowArb, { minLength: 1, maxLength: 10 })])('by default, two rows with different emails or names that do not agree are never merged', (fileRows) => {
    const p = plan('name,email,phone\n' + fileRows.map((r) => `${r.name},${r.email},${r.phone}`).join('\n') + '\n');
    const write = buildImport(p);
    for (const d of p.duplicates) {
      const other = d.existing.kind === 'row' ? d.existing.row : null;
      const a = d.incoming.fields;
      const b = other!.fields;
      const differentEmails = a.email !== '' && b.email !== '' && emailKey(a.email) !== emailKey(b.email);
      const wordsOf = (n: string) => n.toLowerCase().split(' ');
      const [short, long] = [wordsOf(a.name), wordsOf(b.name)].sort((x, y) => x.length - y.length);
      const agree = short!.every((w) => long!.includes(w));
      if (differentEmails || !agree) expect(write.create.map((c) => c.id)).toContain(d.incoming.id);
    }
  });
});

describe('text that could not be read', () => {
  it('is refused with its line and field, never stored', () => {
    const p = plan('name,email,notes\nJos\uFFFD P\uFFFDrez,jose@example.org,ok\nAna,ana@example.org,caf\uFFFD\n');
    expect(p.errors.map((e) => [e.line, e.column, e.path, e.code])).toEqual([
      [2, 1, 'name', 'text.unreadable'],
      [3, 3, 'notes', 'text.unreadable'],
    ]);
    expect(p.errors[0]!.message).toContain('Jos\uFFFD P\uFFFDrez');
    expect(() => buildImport(p)).toThrow(/cannot be imported/);
  });
});
