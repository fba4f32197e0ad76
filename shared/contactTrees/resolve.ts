import { roleIdentity, type Person } from '../domain';
import { workingHoursState } from './hours';
import type { TreeNode } from './structure';

/** Someone Calma may call: in the directory, not deleted, and not gone from the organisation. */
export function isCallable(person: Person | undefined): person is Person {
  return person !== undefined && !person.deleted && !person.left;
}

// One fixed collation (not the machine's language), so every machine orders holders the same way.
const names = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** The directory, indexed once for a whole tree. */
export interface Directory {
  byId: ReadonlyMap<string, Person>;
  /** Keyed by roleIdentity: look roles up through holdersOf / isRoleHeld, not directly. */
  byRole: ReadonlyMap<string, readonly Person[]>;
}

export function directoryOf(people: readonly Person[]): Directory {
  const byId = new Map<string, Person>();
  const byRole = new Map<string, Person[]>();
  for (const person of people) {
    if (person.deleted) continue;
    byId.set(person.id, person);
    if (!isCallable(person)) continue;
    // Keyed by identity: "portavoz" typed in the directory is the node's "spokesperson".
    for (const role of new Set(person.roles.map(roleIdentity))) {
      const list = byRole.get(role);
      if (list) list.push(person);
      else byRole.set(role, [person]);
    }
  }
  return { byId, byRole };
}

/**
 * Who holds a role at an instant: people with the role who have not left, those within their
 * working hours first (then those whose hours are unknown, then those outside them), then by name,
 * then by id, so every machine resolves a role to the same person.
 */
export function holdersOf(role: string, directory: Directory, at: Date | number): Person[] {
  const rank = { in: 0, unknown: 1, out: 2 } as const;
  return [...(directory.byRole.get(roleIdentity(role)) ?? [])]
    .map((person) => ({ person, rank: rank[workingHoursState(person, at)] }))
    .sort((a, b) => a.rank - b.rank || names.compare(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0))
    .map((h) => h.person);
}

/** Whether anyone callable holds the role. */
export function isRoleHeld(role: string, directory: Directory): boolean {
  return directory.byRole.has(roleIdentity(role));
}

/** The people of a node before any backup: its person, or whoever holds its role. */
export function primaryPeople(node: TreeNode, directory: Directory, at: Date | number): Person[] {
  if (node.target.kind === 'role') return holdersOf(node.target.role, directory, at);
  const person = directory.byId.get(node.target.personId);
  return isCallable(person) ? [person] : [];
}

/**
 * Everyone a node may reach, in the order to try them: its person, or the holders of its role in
 * order; then their backups, and the backups' backups, each person once. Someone who has left is
 * never called, but their backup still is: that is what a backup is for.
 */
export function callSequence(node: TreeNode, directory: Directory, at: Date | number): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  const add = (person: Person | undefined) => {
    if (!person || seen.has(person.id)) return;
    seen.add(person.id);
    if (isCallable(person)) out.push(person);
  };
  const firsts: (Person | undefined)[] = node.target.kind === 'role' ? holdersOf(node.target.role, directory, at) : [directory.byId.get(node.target.personId)];
  for (const person of firsts) add(person);
  for (const first of firsts) {
    let next = first?.backupId ? directory.byId.get(first.backupId) : undefined;
    // The chain ends at someone already listed (a cycle of backups) or at a missing backup.
    while (next && !seen.has(next.id)) {
      add(next);
      next = next.backupId ? directory.byId.get(next.backupId) : undefined;
    }
  }
  return out;
}

/** Whether the person called stands in for the node's own person (or for the holders of its role). */
export function isBackupFor(node: TreeNode, person: Pick<Person, 'id' | 'roles'>): boolean {
  if (node.target.kind === 'person') return person.id !== node.target.personId;
  const role = roleIdentity(node.target.role);
  return !person.roles.some((held) => roleIdentity(held) === role);
}
