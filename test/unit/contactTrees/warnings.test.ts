import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { directoryOf, hasContact, isVerified, MOMENTARY_WARNINGS, nodeWarnings, treeWarnings, walkTree, type NodeWarning, type TreeNode } from '../../../shared/contactTrees';
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
    expect(isVerified({ verifiedAt: 'not a date' }, NOW)).toBe(false);
    expect(kinds(nodeWarnings(personNode('n', 'old'), dir, NOW))).toEqual(['not-verified:old']);
    const unverifiedBackup = directoryOf([person('a', { backupId: 'b' }), person('b', { verifiedAt: null })]);
    expect(kinds(nodeWarnings(personNode('n', 'a'), unverifiedBackup, NOW))).toEqual(['not-verified:b']);
  });

  it('judges 90 days in calendar days of the zone, as the people warnings count them, not 24-hour periods', () => {
    // Verified early on 10 February; late on 11 May is 90 days later by the calendar, though more
    // than 90 × 24 hours: still verified. The next day, 91: not.
    expect(isVerified({ verifiedAt: '2026-02-10T00:30:00Z' }, new Date('2026-05-11T23:00:00Z'), 'UTC')).toBe(true);
    expect(isVerified({ verifiedAt: '2026-02-10T00:30:00Z' }, new Date('2026-05-12T00:00:00Z'), 'UTC')).toBe(false);
    // The same instants in Kiritimati (UTC+14): verified on the 10th, now already the 12th there.
    expect(isVerified({ verifiedAt: '2026-02-10T00:30:00Z' }, new Date('2026-05-11T23:00:00Z'), 'Pacific/Kiritimati')).toBe(false);
    // A bare date (stored at noon UTC) is the day typed, in any zone.
    expect(isVerified({ verifiedAt: '2026-02-10T12:00:00.000Z' }, new Date('2026-05-11T09:00:00Z'), 'Pacific/Kiritimati')).toBe(true);
    expect(isVerified({ verifiedAt: '2026-02-10T12:00:00.000Z' }, new Date('2026-05-11T11:00:00Z'), 'Pacific/Kiritimati')).toBe(false);
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

describe('a node nobody can call: no phone and no email', () => {
  const people = [
    person('mute', { name: 'Mía', phones: [], email: '', backupId: 'ben' }),
    person('blank', { name: 'Blas', phones: ['  '], email: ' ', backupId: 'ben' }),
    person('mail', { name: 'Mar', phones: [], email: 'mar@example.org', backupId: 'ben' }),
    person('ben', { name: 'Ben', backupId: 'mail' }),
    person('h1', { name: 'Hugo', phones: [], roles: ['legal'], backupId: 'ben' }),
    person('h2', { name: 'Hana', phones: [], roles: ['legal'], backupId: 'ben' }),
    person('h3', { name: 'Héctor', phones: [], roles: ['press'], backupId: 'ben' }),
    person('h4', { name: 'Hilda', roles: ['press'], backupId: 'ben' }),
    person('goneMute', { name: 'Gil', phones: [], left: true, backupId: 'ben' }),
  ];
  const dir = directoryOf(people);

  it('blank entries are no contact; one phone or one email is enough', () => {
    expect(hasContact(people[0]!)).toBe(false);
    expect(hasContact(people[1]!)).toBe(false);
    expect(hasContact(people[2]!)).toBe(true);
    expect(hasContact(people[3]!)).toBe(true);
  });

  it('a person node is warned for its own person, even when the backup can be called', () => {
    expect(kinds(nodeWarnings(personNode('n', 'mute'), dir, NOW))).toEqual(['no-contact:mute']);
    expect(kinds(nodeWarnings(personNode('n', 'blank'), dir, NOW))).toEqual(['no-contact:blank']);
    expect(nodeWarnings(personNode('n', 'mail'), dir, NOW)).toEqual([]);
  });

  it('a role node only when every holder lacks both; someone who left is warned as having left, not this', () => {
    expect(nodeWarnings(roleNode('n', 'legal'), dir, NOW).filter((w) => w.kind === 'role-no-contact')).toEqual([
      { kind: 'role-no-contact', role: 'legal', people: [people[5], people[4]] },
    ]);
    expect(kinds(nodeWarnings(roleNode('n', 'press'), dir, NOW))).not.toContain('role-no-contact');
    expect(kinds(nodeWarnings(personNode('n', 'goneMute'), dir, NOW))).toEqual(['left:goneMute']);
  });

  it('counts in the tree: a node with only this warning is one of the warned nodes', () => {
    const all = treeWarnings(tree([personNode('top', 'mail'), personNode('x', 'mute', 'top')]), people, NOW);
    expect([...all.keys()]).toEqual(['x']);
  });
});

describe('the same person twice in a tree', () => {
  const people = [
    person('lucia', { name: 'Lucía Ortega', backupId: 'luis' }),
    person('luis', { name: 'Luis Prieto', backupId: 'lucia' }),
    person('ana', { name: 'Ana Ortega', backupId: 'luis', roles: ['lead'] }),
    person('carla', { name: 'Carla', roles: ['legal'], backupId: 'luis' }),
    person('dani', { name: 'Dani', roles: ['press'], backupId: 'luis' }),
    person('eva', { name: 'Eva', roles: ['press'], backupId: 'luis' }),
  ];
  const also = (all: Map<string, NodeWarning[]>, id: string) => all.get(id)?.find((w) => w.kind === 'also-elsewhere');

  it('two person nodes: each names where the other is', () => {
    const all = treeWarnings(tree([personNode('top', 'ana'), personNode('a', 'lucia', 'top', 0), personNode('b', 'luis', 'top', 1), personNode('c', 'lucia', 'b')]), people, NOW);
    expect(also(all, 'a')).toEqual({ kind: 'also-elsewhere', personId: 'lucia', name: 'Lucía Ortega', elsewhere: [{ nodeId: 'c', role: null, parent: { kind: 'person', personId: 'luis', name: 'Luis Prieto' } }] });
    expect(also(all, 'c')).toEqual({ kind: 'also-elsewhere', personId: 'lucia', name: 'Lucía Ortega', elsewhere: [{ nodeId: 'a', role: null, parent: { kind: 'person', personId: 'ana', name: 'Ana Ortega' } }] });
    expect(also(all, 'top')).toBeUndefined();
    expect(also(all, 'b')).toBeUndefined();
  });

  it('a person under themselves, first among that node\'s warnings about who it is', () => {
    const all = treeWarnings(tree([personNode('top', 'lucia'), personNode('self', 'lucia', 'top')]), people, NOW);
    expect(all.get('self')!.map((w) => w.kind)).toEqual(['also-elsewhere']);
    expect(also(all, 'top')!.kind === 'also-elsewhere' && also(all, 'top')!.elsewhere).toEqual([{ nodeId: 'self', role: null, parent: { kind: 'person', personId: 'lucia', name: 'Lucía Ortega' } }]);
  });

  it('a role node whose only holder is a person node; a role with two holders is nobody in particular', () => {
    const all = treeWarnings(tree([personNode('top', 'carla'), roleNode('r', 'legal', 'top'), roleNode('p', 'press', 'top', 1), personNode('d', 'dani', 'top', 2)]), people, NOW);
    expect(also(all, 'r')).toEqual({ kind: 'also-elsewhere', personId: 'carla', name: 'Carla', elsewhere: [{ nodeId: 'top', role: null, parent: null }] });
    expect(also(all, 'top')).toEqual({ kind: 'also-elsewhere', personId: 'carla', name: 'Carla', elsewhere: [{ nodeId: 'r', role: 'legal', parent: { kind: 'person', personId: 'carla', name: 'Carla' } }] });
    expect(also(all, 'p')).toBeUndefined();
    expect(also(all, 'd')).toBeUndefined();
  });

  it('a person no longer in the directory, twice: still the same node twice, named as unknown', () => {
    const all = treeWarnings(tree([personNode('a', 'gone'), roleNode('r', 'legal', 'a'), personNode('b', 'gone', 'r')]), people, NOW);
    expect(also(all, 'a')).toEqual({ kind: 'also-elsewhere', personId: 'gone', name: null, elsewhere: [{ nodeId: 'b', role: null, parent: { kind: 'role', role: 'legal' } }] });
  });

  /** Trees of person nodes (from a small pool, so repeats are common) and role nodes, any shape. */
  const pool = ['lucia', 'luis', 'ana', 'carla', 'dani', 'gone'];
  const anyTree = fc
    .array(
      fc.record({
        target: fc.oneof(fc.constantFrom(...pool).map((personId) => ({ kind: 'person' as const, personId })), fc.constantFrom('legal', 'press', 'lead', 'none').map((role) => ({ kind: 'role' as const, role }))),
        parent: fc.option(fc.nat(), { nil: null }),
      }),
      { maxLength: 12 },
    )
    .map((rows) => rows.map((r, i): TreeNode => ({ id: `n${i}`, parentId: r.parent === null || i === 0 ? null : `n${r.parent % i}`, order: i, target: r.target, escalateAfterMinutes: 5 })));
  // Who a node stands for, said independently of the code under test: role holders are listed by hand.
  const holders: Record<string, string[]> = { legal: ['carla'], press: ['dani', 'eva'], lead: ['ana'], none: [] };
  const occupant = (n: TreeNode) => (n.target.kind === 'person' ? n.target.personId : holders[n.target.role]!.length === 1 ? holders[n.target.role]![0]! : null);

  test.prop([anyTree])('the warning is on a node exactly when its person is at another node too, and lists every other one', (nodes) => {
    const all = treeWarnings(tree(nodes), people, NOW);
    for (const { node } of walkTree(nodes)) {
      const who = occupant(node);
      const others = who === null ? [] : nodes.filter((n) => n.id !== node.id && occupant(n) === who).map((n) => n.id);
      const warning = also(all, node.id);
      if (others.length === 0) expect(warning).toBeUndefined();
      else expect(warning?.kind === 'also-elsewhere' ? warning.elsewhere.map((p) => p.nodeId).sort() : null).toEqual(others.sort());
    }
  });
});

describe('what is only true now', () => {
  it('is only "outside working hours now": paper leaves it out and prints the hours instead', () => {
    expect([...MOMENTARY_WARNINGS]).toEqual(['outside-hours']);
  });
});
