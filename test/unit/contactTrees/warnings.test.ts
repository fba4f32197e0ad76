import { describe, expect, it } from 'vitest';
import { directoryOf, isVerified, nodeWarnings, treeWarnings, type NodeWarning } from '../../../shared/contactTrees';
import { person, personNode, roleNode, tree } from './fixtures';

const NOW = new Date('2026-05-11T08:00:00Z'); // Monday, 10:00 in Madrid
const OFFICE = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const kinds = (warnings: NodeWarning[]) => warnings.map((w) => ('person' in w ? `${w.kind}:${w.person.id}` : w.kind));

describe('warnings on a tree', () => {
  const people = [
    person('ana', { name: 'Ana', backupId: 'ben', verifiedAt: '2026-04-01T00:00:00Z', timeZone: 'Europe/Madrid', workingHours: OFFICE }),
    person('ben', { name: 'Ben', verifiedAt: '2026-04-01T00:00:00Z' }),
    person('old', { name: 'Olga', backupId: 'ben', verifiedAt: '2026-02-09T07:59:59Z' }),
    person('gone', { name: 'Gus', left: true, backupId: 'ben', roles: ['legal'] }),
    person('night', { name: 'Nora', backupId: 'ben', timeZone: 'Asia/Tokyo', workingHours: OFFICE }),
    person('mars', { name: 'Marta', backupId: 'ben', timeZone: 'Mars/Olympus', workingHours: OFFICE }),
    person('del', { name: 'Dan', deleted: true }),
  ];
  const dir = directoryOf(people);

  it('none for a verified person, at work, with a verified backup', () => {
    expect(nodeWarnings(personNode('n', 'ana'), dir, NOW)).toEqual([]);
  });

  it('a node without a backup', () => {
    expect(kinds(nodeWarnings(personNode('n', 'ben'), dir, NOW))).toEqual(['no-backup:ben']);
  });

  it('details not verified in 90 days, or never: the person\'s and their backup\'s', () => {
    expect(isVerified(people[2]!, NOW)).toBe(false);
    expect(isVerified({ verifiedAt: '2026-02-10T08:00:00Z' }, NOW)).toBe(true); // exactly 90 days
    expect(isVerified({ verifiedAt: null }, NOW)).toBe(false);
    expect(kinds(nodeWarnings(personNode('n', 'old'), dir, NOW))).toEqual(['not-verified:old']);
    const unverifiedBackup = directoryOf([person('a', { backupId: 'b' }), person('b', { verifiedAt: null })]);
    expect(kinds(nodeWarnings(personNode('n', 'a'), unverifiedBackup, NOW))).toEqual(['not-verified:b']);
  });

  it('a person who has left (their backup is called, alone)', () => {
    expect(kinds(nodeWarnings(personNode('n', 'gone'), dir, NOW))).toEqual(['left:gone', 'no-backup:ben']);
  });

  it('a role nobody holds (the only holder left) and a person no longer in the directory', () => {
    expect(kinds(nodeWarnings(roleNode('n', 'legal'), dir, NOW))).toEqual(['role-unheld']);
    expect(nodeWarnings(roleNode('n', 'legal'), dir, NOW)[0]).toEqual({ kind: 'role-unheld', role: 'legal' });
    expect(kinds(nodeWarnings(personNode('n', 'del'), dir, NOW))).toEqual(['missing-person']);
  });

  it('a person outside working hours now, on their own clock; an unknown zone says so instead', () => {
    expect(kinds(nodeWarnings(personNode('n', 'night'), dir, NOW))).toEqual(['outside-hours:night']);
    expect(kinds(nodeWarnings(personNode('n', 'night'), dir, new Date('2026-05-11T01:00:00Z')))).toEqual([]);
    expect(kinds(nodeWarnings(personNode('n', 'mars'), dir, NOW))).toEqual(['unknown-time-zone:mars']);
    // Ana is at work at 10:00 Madrid time; at 18:00 she is not.
    expect(kinds(nodeWarnings(personNode('n', 'ana'), dir, new Date('2026-05-11T16:00:00Z')))).toEqual(['outside-hours:ana']);
  });

  it('collects them per node over the whole tree, leaving out nodes that are fine', () => {
    const t = tree([personNode('top', 'ana'), personNode('x', 'ben', 'top'), roleNode('r', 'legal', 'top', 1)]);
    const all = treeWarnings(t, people, NOW);
    expect([...all.keys()]).toEqual(['x', 'r']);
    expect(kinds(all.get('x')!)).toEqual(['no-backup:ben']);
  });
});
