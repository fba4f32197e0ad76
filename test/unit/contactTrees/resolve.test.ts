import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { callSequence, chainOf, directoryOf, holdersOf, isBackupFor, isRoleHeld } from '../../../shared/contactTrees';
import { nodeWarnings } from '../../../shared/contactTrees/warnings';
import type { Person } from '../../../shared/domain';
import { person, personNode, roleNode } from './fixtures';

const MADRID_OFFICE = { timeZone: 'Europe/Madrid', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } };
const MONDAY_10_MADRID = new Date('2026-05-11T08:00:00Z');
const names = (people: Person[]) => people.map((p) => p.name);

describe('role resolution', () => {
  const people = [
    person('z', { name: 'Zoe', roles: ['legal'], ...MADRID_OFFICE }),
    person('b', { name: 'Bea', roles: ['legal'], timeZone: 'Asia/Tokyo', workingHours: MADRID_OFFICE.workingHours }),
    person('a', { name: 'álvaro', roles: ['legal'] }),
    person('l', { name: 'Aaron', roles: ['legal'], left: true }),
    person('d', { name: 'Abel', roles: ['legal'], deleted: true }),
    person('c', { name: 'Carla', roles: ['comms-lead'] }),
  ];

  it('gives whoever holds the role and has not left: in working hours first, then unknown hours, then outside, then by name', () => {
    // Monday 10:00 in Madrid is 17:00 in Tokyo: Zoe is at work, Bea has gone home, Álvaro has no hours set.
    expect(names(holdersOf('legal', directoryOf(people), MONDAY_10_MADRID))).toEqual(['Zoe', 'álvaro', 'Bea']);
    // Sunday: nobody is at work; unknown hours come before known-to-be-out.
    expect(names(holdersOf('legal', directoryOf(people), new Date('2026-05-10T08:00:00Z')))).toEqual(['álvaro', 'Bea', 'Zoe']);
    expect(holdersOf('spokesperson', directoryOf(people), MONDAY_10_MADRID)).toEqual([]);
  });

  it('orders names the same way whatever the machine\'s language (accents and case aside), then by id', () => {
    const twins = [person('2', { name: 'Ana', roles: ['hr'] }), person('1', { name: 'ana', roles: ['hr'] }), person('0', { name: 'Ánia', roles: ['hr'] })];
    expect(holdersOf('hr', directoryOf(twins), 0).map((p) => p.id)).toEqual(['1', '2', '0']);
  });

  it('reads roles stored before they were mapped: "portavoz" in the directory holds "spokesperson", and a typed own role matches however it is cased', () => {
    const legacy = [
      person('p', { name: 'Pilar', roles: ['portavoz'] }),
      person('j', { name: 'Juan', roles: ['Jefe de Prensa'] }),
      person('k', { name: 'Kim', roles: ['spokesperson'] }),
    ];
    const directory = directoryOf(legacy);
    expect(names(holdersOf('spokesperson', directory, 0))).toEqual(['Kim', 'Pilar']);
    expect(names(holdersOf('Portavoz', directory, 0))).toEqual(['Kim', 'Pilar']);
    expect(names(holdersOf('jefe de prensa', directory, 0))).toEqual(['Juan']);
    expect(isRoleHeld('SPOKESPERSON', directory)).toBe(true);
    expect(isRoleHeld('legal', directory)).toBe(false);
    // No "role nobody holds" on a node whose role is held under another spelling.
    expect(nodeWarnings(roleNode('n', 'spokesperson'), directory, 0).map((w) => w.kind)).not.toContain('role-unheld');
    expect(nodeWarnings(roleNode('n', 'legal'), directory, 0).map((w) => w.kind)).toContain('role-unheld');
    // Pilar holds the node's role under its Spanish name: calling her is not calling a backup.
    expect(isBackupFor(roleNode('n', 'spokesperson'), legacy[0]!)).toBe(false);
    expect(isBackupFor(roleNode('n', 'legal'), legacy[0]!)).toBe(true);
  });

  test.prop([fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 4 }), left: fc.boolean(), deleted: fc.boolean(), hours: fc.boolean() }), { maxLength: 12 }), fc.integer({ min: 0, max: 2e12 })])(
    'holders are exactly the live holders, whatever order the directory is stored in',
    (rows, at) => {
      const people = rows.map((r, i) => person(`p${i}`, { name: r.name, roles: ['x'], left: r.left, deleted: r.deleted, ...(r.hours ? MADRID_OFFICE : {}) }));
      const holders = holdersOf('x', directoryOf(people), at);
      expect(holders.map((p) => p.id).sort()).toEqual(people.filter((p) => !p.left && !p.deleted).map((p) => p.id).sort());
      expect(holdersOf('x', directoryOf([...people].reverse()), at)).toEqual(holders);
    },
  );
});

describe('who a node calls, in order', () => {
  it('a person node: the person, then their backup, then the backup\'s backup', () => {
    const dir = directoryOf([person('a', { name: 'Ana', backupId: 'b' }), person('b', { name: 'Berta', backupId: 'c' }), person('c', { name: 'Carlos', backupId: 'a' })]);
    expect(names(callSequence(personNode('n', 'a'), dir, 0))).toEqual(['Ana', 'Berta', 'Carlos']);
  });

  it('never calls someone who left or was deleted, but still calls their backup', () => {
    const dir = directoryOf([person('a', { name: 'Ana', left: true, backupId: 'b' }), person('b', { name: 'Berta', backupId: 'x' }), person('x', { name: 'Xavi', deleted: true, backupId: 'c' }), person('c', { name: 'Carlos' })]);
    // A deleted row keeps its backup: deleting Xavi while a tree runs must not cut Carlos off.
    expect(names(callSequence(personNode('n', 'a'), dir, 0))).toEqual(['Berta', 'Carlos']);
    expect(names(chainOf(personNode('n', 'a'), dir, 0))).toEqual(['Ana', 'Berta', 'Xavi', 'Carlos']);
    expect(callSequence(personNode('n', 'missing'), dir, 0)).toEqual([]);
  });

  it('a backup who left is skipped and their own backup is called', () => {
    const dir = directoryOf([person('a', { name: 'Ana', backupId: 'b' }), person('b', { name: 'Berta', left: true, backupId: 'c' }), person('c', { name: 'Carlos' })]);
    expect(names(callSequence(personNode('n', 'a'), dir, 0))).toEqual(['Ana', 'Carlos']);
  });

  it('a role node: every holder in order, then their backups, each person once', () => {
    const dir = directoryOf([
      person('a', { name: 'Ana', roles: ['legal'], backupId: 'c' }),
      person('b', { name: 'Berta', roles: ['legal'], backupId: 'a' }),
      person('c', { name: 'Carlos', backupId: 'd' }),
      person('d', { name: 'Dora' }),
    ]);
    expect(names(callSequence(roleNode('n', 'legal'), dir, 0))).toEqual(['Ana', 'Berta', 'Carlos', 'Dora']);
    expect(callSequence(roleNode('n', 'nobody'), dir, 0)).toEqual([]);
  });

  test.prop([fc.array(fc.record({ backup: fc.option(fc.nat({ max: 9 }), { nil: null }), left: fc.boolean(), deleted: fc.boolean(), legal: fc.boolean() }), { minLength: 1, maxLength: 10 })])(
    'lists only people who can be called, each once, and ends even with cycles of backups',
    (rows) => {
      const people = rows.map((r, i) => person(`p${i}`, { backupId: r.backup === null ? null : `p${r.backup}`, left: r.left, deleted: r.deleted, roles: r.legal ? ['legal'] : [] }));
      const dir = directoryOf(people);
      for (const node of [personNode('n', 'p0'), roleNode('r', 'legal')]) {
        const sequence = callSequence(node, dir, 0);
        expect(new Set(sequence.map((p) => p.id)).size).toBe(sequence.length);
        expect(sequence.every((p) => !p.left && !p.deleted)).toBe(true);
      }
    },
  );
});
