import { roleIdentity, type Person } from '../domain';
import { parseHlc } from '../hlc';
import { workingHoursState } from './hours';
import type { TreeNode } from './structure';

/** Someone Calma may call: in the directory, not deleted, and not gone from the organisation. */
export function isCallable(person: Person | undefined): person is Person {
  return person !== undefined && !person.deleted && !person.left;
}

/**
 * When someone stopped being callable: the clock stamp of their deletion or of their leaving,
 * whichever came first (every machine reads the same stamp, so every machine agrees). Null for
 * someone callable, or for a row written without stamps (it cannot say when).
 */
export function droppedAt(person: Pick<Person, 'deleted' | 'left' | 'clock'>): number | null {
  const times = [person.deleted ? person.clock.deleted : undefined, person.left ? person.clock.left : undefined]
    .flatMap((stamp) => (stamp ? [parseHlc(stamp).millis] : []));
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * Whether a node's chain goes on past this person to their backup at `since` (the node's opening,
 * or now). Past someone who left, yes: that is what a backup is for. Past someone deleted only if
 * they were deleted after `since`: the node was already counting on them, and their row still
 * says who stands in. A row deleted before then is a link nobody can edit any more (People shows
 * whoever named them as having no backup), so the chain ends there, as People says. A deletion
 * without a stamp cannot be placed in time and is followed.
 */
function leadsOn(person: Person, since: number): boolean {
  if (!person.deleted || !person.clock.deleted) return true;
  return parseHlc(person.clock.deleted).millis > since;
}

// One fixed collation (not the machine's language), so every machine orders holders the same way.
const names = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** The directory, indexed once for a whole tree. */
export interface Directory {
  byId: ReadonlyMap<string, Person>;
  /** Keyed by roleIdentity: look roles up through holdersOf / isRoleHeld, not directly. */
  byRole: ReadonlyMap<string, readonly Person[]>;
  /**
   * Everyone with a row, the deleted included (a soft-deleted row keeps its name and its backup):
   * to name whoever a record is about, and to walk a backup chain through someone deleted.
   */
  everyone: ReadonlyMap<string, Person>;
  /** People with the role who can no longer be called (deleted, gone), keyed like byRole: see chainOf. */
  formerByRole: ReadonlyMap<string, readonly Person[]>;
}

export function directoryOf(people: readonly Person[]): Directory {
  const byId = new Map<string, Person>();
  const byRole = new Map<string, Person[]>();
  const everyone = new Map<string, Person>();
  const formerByRole = new Map<string, Person[]>();
  for (const person of people) {
    everyone.set(person.id, person);
    if (!person.deleted) byId.set(person.id, person);
    // Keyed by identity: "portavoz" typed in the directory is the node's "spokesperson".
    const index = isCallable(person) ? byRole : formerByRole;
    for (const role of new Set(person.roles.map(roleIdentity))) {
      const list = index.get(role);
      if (list) list.push(person);
      else index.set(role, [person]);
    }
  }
  return { byId, byRole, everyone, formerByRole };
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
 * order; then their backups, and the backups' backups, each person once. Someone who has left, or
 * was deleted from the directory, is never called, but their backup still is: that is what a
 * backup is for (a deleted row keeps its backup, so deleting Ana while her node runs goes on to Bea).
 */
export function callSequence(node: TreeNode, directory: Directory, at: Date | number): Person[] {
  const out: Person[] = [];
  for (const person of chainOf(node, directory, at)) if (isCallable(person)) out.push(person);
  return out;
}

/**
 * Everyone in a node's chain, in calling order, whether Calma may call them or not (left,
 * deleted): callSequence keeps the callable ones; the rest say why a node has nobody left.
 * A role node's chain also starts from those who held the role and stopped being callable after
 * `at` (its opening, for a running node): deleting the only holder mid-run goes on to their
 * backup, as it does for a person node. Those gone before then never held it for this node.
 */
export function chainOf(node: TreeNode, directory: Directory, at: Date | number): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  const firsts: (Person | undefined)[] = node.target.kind === 'role' ? [...holdersOf(node.target.role, directory, at), ...formerHoldersSince(node.target.role, directory, at)] : [directory.everyone.get(node.target.personId)];
  for (const person of firsts) {
    if (!person || seen.has(person.id)) continue;
    seen.add(person.id);
    out.push(person);
  }
  const since = typeof at === 'number' ? at : at.getTime();
  const backupOf = (person: Person | undefined) => (person?.backupId && leadsOn(person, since) ? directory.everyone.get(person.backupId) : undefined);
  for (const first of firsts) {
    let next = backupOf(first);
    // The chain ends at someone already listed (a cycle of backups), at a missing backup, or at
    // someone deleted before the node opened (see leadsOn).
    while (next && !seen.has(next.id)) {
      seen.add(next.id);
      out.push(next);
      next = backupOf(next);
    }
  }
  return out;
}

/** Who held the role and stopped being callable after `at`, in the order they stopped. */
function formerHoldersSince(role: string, directory: Directory, at: Date | number): Person[] {
  const since = typeof at === 'number' ? at : at.getTime();
  return (directory.formerByRole.get(roleIdentity(role)) ?? [])
    .map((person) => ({ person, dropped: droppedAt(person) }))
    .filter((f): f is { person: Person; dropped: number } => f.dropped !== null && f.dropped > since)
    .sort((a, b) => a.dropped - b.dropped || (a.person.id < b.person.id ? -1 : 1))
    .map((f) => f.person);
}

/** Whether the person called stands in for the node's own person (or for the holders of its role). */
export function isBackupFor(node: TreeNode, person: Pick<Person, 'id' | 'roles'>): boolean {
  if (node.target.kind === 'person') return person.id !== node.target.personId;
  const role = roleIdentity(node.target.role);
  return !person.roles.some((held) => roleIdentity(held) === role);
}
