import type { ContactTree, Person } from '../domain';
import { daysSinceVerified, deviceZone } from '../people/fields';
import { isKnownTimeZone, workingHoursState } from './hours';
import { callSequence, directoryOf, holdersOf, isCallable, isRoleHeld, type Directory } from './resolve';
import { walkTree, type PlacedNode, type TreeNode } from './structure';

/** Details older than this are flagged: a phone number nobody checked for a quarter may be wrong. */
export const VERIFY_WITHIN_DAYS = 90;

export type NodeWarning =
  /** The node's person was deleted from the directory (or never synced to this machine). */
  | { kind: 'missing-person'; personId: string }
  /** The node's person has left the organisation: never called; the backup is called instead. */
  | { kind: 'left'; person: Person }
  /** Nobody who has not left holds the node's role. */
  | { kind: 'role-unheld'; role: string }
  /** Only one person can be reached at this node: if they do not answer, nobody else is called. */
  | { kind: 'no-backup'; person: Person }
  /** Someone this node may call whose details were never verified, or not in the last 90 days. */
  | { kind: 'not-verified'; person: Person }
  /** The first person this node calls is outside their working hours now. */
  | { kind: 'outside-hours'; person: Person }
  /** The first person this node calls has a time zone Calma does not know, so their hours are unknown. */
  | { kind: 'unknown-time-zone'; person: Person }
  /** The node's own person has no phone and no email: nobody can call them, even if a backup can be. */
  | { kind: 'no-contact'; person: Person }
  /** The role is held, but none of its holders has a phone or an email. */
  | { kind: 'role-no-contact'; role: string; people: Person[] }
  /**
   * The node's person is at other nodes of the same tree too (for a role node: its only holder).
   * They would be called twice, or be asked to call themselves, while someone else is never called.
   */
  | { kind: 'also-elsewhere'; personId: string; name: string | null; elsewhere: TreePlace[] };

/** Who a node hangs from, said without the rest of the tree: a person (null name: not in the directory) or a role. */
export type PlaceParent = { kind: 'person'; personId: string; name: string | null } | { kind: 'role'; role: string };

/** Another node of the tree: its role if it is a role node, and its parent (null: at the top). */
export interface TreePlace {
  nodeId: string;
  role: string | null;
  parent: PlaceParent | null;
}

export type WarningKind = NodeWarning['kind'];

/**
 * Whether a person's details were verified within the last 90 days before `at`, in calendar days
 * of `timeZone` (the device's unless given): the same count the people warnings show, so nobody
 * reads "not verified for 90 days" unflagged, or is flagged at 90.
 */
export function isVerified(person: Pick<Person, 'verifiedAt'>, at: Date | number, timeZone: string = deviceZone()): boolean {
  if (!person.verifiedAt || !Number.isFinite(Date.parse(person.verifiedAt))) return false;
  return daysSinceVerified(person.verifiedAt, typeof at === 'number' ? new Date(at) : at, timeZone) <= VERIFY_WITHIN_DAYS;
}

/** Whether a person can be called or written to at all: a phone or an email that is not blank. */
export function hasContact(person: Pick<Person, 'phones' | 'email'>): boolean {
  return person.phones.some((phone) => phone.trim() !== '') || person.email.trim() !== '';
}

/**
 * The person a node stands for, to find the same person twice in a tree: a person node's person,
 * or a role node's holder when exactly one person holds the role (with several, who is called
 * depends on the hour, so the node is not any one of them).
 */
export function nodeOccupant(node: TreeNode, directory: Directory, at: Date | number): string | null {
  if (node.target.kind === 'person') return node.target.personId;
  const holders = holdersOf(node.target.role, directory, at);
  return holders.length === 1 ? holders[0]!.id : null;
}

/** What is wrong with one node now, most serious first. */
export function nodeWarnings(node: TreeNode, directory: Directory, at: Date | number): NodeWarning[] {
  const out: NodeWarning[] = [];
  if (node.target.kind === 'person') {
    const person = directory.byId.get(node.target.personId);
    if (!person) out.push({ kind: 'missing-person', personId: node.target.personId });
    else if (person.left) out.push({ kind: 'left', person });
  } else if (!isRoleHeld(node.target.role, directory)) {
    out.push({ kind: 'role-unheld', role: node.target.role });
  }
  if (node.target.kind === 'person') {
    const person = directory.byId.get(node.target.personId);
    if (isCallable(person) && !hasContact(person)) out.push({ kind: 'no-contact', person });
  } else {
    const holders = holdersOf(node.target.role, directory, at);
    if (holders.length > 0 && !holders.some(hasContact)) out.push({ kind: 'role-no-contact', role: node.target.role, people: holders });
  }
  const sequence = callSequence(node, directory, at);
  const first = sequence[0];
  if (sequence.length === 1) out.push({ kind: 'no-backup', person: first! });
  for (const person of sequence) if (!isVerified(person, at)) out.push({ kind: 'not-verified', person });
  if (first && first.workingHours && !isKnownTimeZone(first.timeZone)) out.push({ kind: 'unknown-time-zone', person: first });
  else if (first && workingHoursState(first, at) === 'out') out.push({ kind: 'outside-hours', person: first });
  return out;
}

function placeOf(placed: PlacedNode, byNode: ReadonlyMap<string, TreeNode>, directory: Directory): TreePlace {
  const parentNode = placed.parentId === null ? undefined : byNode.get(placed.parentId);
  const parent: PlaceParent | null = !parentNode
    ? null
    : parentNode.target.kind === 'role'
      ? { kind: 'role', role: parentNode.target.role }
      : { kind: 'person', personId: parentNode.target.personId, name: directory.byId.get(parentNode.target.personId)?.name ?? null };
  return { nodeId: placed.node.id, role: placed.node.target.kind === 'role' ? placed.node.target.role : null, parent };
}

/**
 * The "also at" warning of every node whose person is at other nodes too, each listing the
 * other places in calling order. Only the tree as a whole knows this, so nodeWarnings cannot.
 */
export function duplicateWarnings(placed: readonly PlacedNode[], directory: Directory, at: Date | number): Map<string, NodeWarning> {
  const byNode = new Map(placed.map((p) => [p.node.id, p.node]));
  const byPerson = new Map<string, PlacedNode[]>();
  for (const p of placed) {
    const id = nodeOccupant(p.node, directory, at);
    if (id === null) continue;
    const list = byPerson.get(id);
    if (list) list.push(p);
    else byPerson.set(id, [p]);
  }
  const out = new Map<string, NodeWarning>();
  for (const [personId, list] of byPerson) {
    if (list.length < 2) continue;
    const name = directory.byId.get(personId)?.name ?? null;
    for (const p of list) {
      const elsewhere = list.filter((other) => other !== p).map((other) => placeOf(other, byNode, directory));
      out.set(p.node.id, { kind: 'also-elsewhere', personId, name, elsewhere });
    }
  }
  return out;
}

/** Every node's warnings (nodes without any are left out), for a tree and the directory at an instant. */
export function treeWarnings(tree: Pick<ContactTree, 'nodes'>, people: readonly Person[], at: Date | number): Map<string, NodeWarning[]> {
  const directory = directoryOf(people);
  const placed = walkTree(tree.nodes);
  const duplicates = duplicateWarnings(placed, directory, at);
  const out = new Map<string, NodeWarning[]>();
  for (const { node } of placed) {
    const warnings = nodeWarnings(node, directory, at);
    const duplicate = duplicates.get(node.id);
    // Right after what is wrong with the node's person: it is about who the node is, not who answers.
    if (duplicate) {
      const slot = warnings.findIndex((w) => !IDENTITY.has(w.kind));
      warnings.splice(slot < 0 ? warnings.length : slot, 0, duplicate);
    }
    if (warnings.length > 0) out.set(node.id, warnings);
  }
  return out;
}

const IDENTITY: ReadonlySet<WarningKind> = new Set(['missing-person', 'left', 'role-unheld', 'no-contact', 'role-no-contact']);

/** Warnings that are only true at the instant they are computed: not for paper, which is read hours later. */
export const MOMENTARY_WARNINGS: ReadonlySet<WarningKind> = new Set(['outside-hours']);
