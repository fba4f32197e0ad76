import type { ContactTree, Person } from '../domain';
import { isKnownTimeZone, workingHoursState } from './hours';
import { callSequence, directoryOf, isRoleHeld, type Directory } from './resolve';
import { walkTree, type TreeNode } from './structure';

/** Details older than this are flagged: a phone number nobody checked for a quarter may be wrong. */
export const VERIFY_WITHIN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

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
  | { kind: 'unknown-time-zone'; person: Person };

export type WarningKind = NodeWarning['kind'];

/** Whether a person's details were verified within the last 90 days before `at`. */
export function isVerified(person: Pick<Person, 'verifiedAt'>, at: Date | number): boolean {
  if (!person.verifiedAt) return false;
  const when = Date.parse(person.verifiedAt);
  return Number.isFinite(when) && (typeof at === 'number' ? at : at.getTime()) - when <= VERIFY_WITHIN_DAYS * DAY_MS;
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
  const sequence = callSequence(node, directory, at);
  const first = sequence[0];
  if (sequence.length === 1) out.push({ kind: 'no-backup', person: first! });
  for (const person of sequence) if (!isVerified(person, at)) out.push({ kind: 'not-verified', person });
  if (first && first.workingHours && !isKnownTimeZone(first.timeZone)) out.push({ kind: 'unknown-time-zone', person: first });
  else if (first && workingHoursState(first, at) === 'out') out.push({ kind: 'outside-hours', person: first });
  return out;
}

/** Every node's warnings (nodes without any are left out), for a tree and the directory at an instant. */
export function treeWarnings(tree: Pick<ContactTree, 'nodes'>, people: readonly Person[], at: Date | number): Map<string, NodeWarning[]> {
  const directory = directoryOf(people);
  const out = new Map<string, NodeWarning[]>();
  for (const { node } of walkTree(tree.nodes)) {
    const warnings = nodeWarnings(node, directory, at);
    if (warnings.length > 0) out.set(node.id, warnings);
  }
  return out;
}
