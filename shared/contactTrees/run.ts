import type { CallAttempt, ContactTree, Person } from '../domain';
import { callSequence, directoryOf } from './resolve';
import { walkTree, type TreeNode } from './structure';

/**
 * - pending: not open yet (the node above has not been reached or given up on);
 * - calling: open, calling its first person;
 * - escalated: open, calling a backup (the first person was not reached in time, or could not be);
 * - reached: someone at this node was reached;
 * - failed: everyone this node could call was tried and nobody was reached (or there was nobody).
 */
export type NodeState = 'pending' | 'calling' | 'escalated' | 'reached' | 'failed';

/** Outcomes that say this person cannot be reached at all, so there is no point waiting. */
const MOVE_ON_NOW: ReadonlySet<CallAttempt['outcome']> = new Set(['wrong-number', 'unavailable']);

export interface NodeRun {
  node: TreeNode;
  depth: number;
  parentId: string | null;
  state: NodeState;
  /** Everyone this node may reach, in order (see callSequence), resolved when the node opened. */
  sequence: Person[];
  /** Index in `sequence` of the person to call now; `sequence.length` once everyone was tried. */
  step: number;
  /** Whom to call now (calling and escalated nodes only). */
  current: Person | null;
  openedAt: number | null;
  /** When the current person's time runs out and the node moves to the next one. */
  escalateAt: number | null;
  /** When the node was first reached or given up on; its children open then. */
  settledAt: number | null;
  /** The attempt that reached someone, if any. */
  reached: CallAttempt | null;
  attempts: CallAttempt[];
}

/** An escalation the console should record now: the node's current person ran out of time. */
export interface DueEscalation {
  nodeId: string;
  /** The step it escalates from; with the activation, what makes the record's id (see escalationId). */
  step: number;
  fromPersonId: string;
  toPersonId: string | null;
  dueAt: number;
}

export interface CallTreeRun {
  /** Every node, in calling order. */
  nodes: NodeRun[];
  /** The open nodes (calling or escalated), in calling order: who to call now. */
  callNow: NodeRun[];
  /** Escalations whose time has come and that nobody has recorded yet. */
  due: DueEscalation[];
  /** The earliest escalation still to come, to show a countdown or set a timer. */
  nextEscalationAt: number | null;
}

export interface RunInput {
  tree: Pick<ContactTree, 'id' | 'nodes'>;
  people: readonly Person[];
  /** The incident's call attempts; those of other trees and from before the activation are ignored. */
  attempts: readonly CallAttempt[];
  activatedAt: number;
  now: number;
}

const byTime = (a: CallAttempt, b: CallAttempt) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Where a call tree stands, as a pure function of the tree, the directory, the attempts recorded
 * so far, when the tree was activated and the time now. Nothing here writes: the console records
 * the escalations listed in `due`, and the next run reads them back like any other attempt.
 *
 * Top nodes open at the activation; a node's children open when it is reached or given up on, so
 * a silent branch never blocks the rest of the tree. An open node calls its people in order: each
 * has the node's escalateAfterMinutes, counted from when their turn began; "wrong number" or
 * "unavailable" moves on at once, "no answer" and "voicemail" keep trying until the time is up.
 *
 * An escalation moves the node on only when its recorded `personId` is the person being called at
 * that step, so a repeated record (two windows, a tick seen twice, a replay from sync) is a no-op.
 */
export function runCallTree({ tree, people, attempts, activatedAt, now }: RunInput): CallTreeRun {
  const directory = directoryOf(people);
  const mine = new Map<string, CallAttempt[]>();
  for (const attempt of attempts) {
    if (attempt.treeId !== tree.id || !(Date.parse(attempt.at) >= activatedAt)) continue;
    const list = mine.get(attempt.nodeId);
    if (list) list.push(attempt);
    else mine.set(attempt.nodeId, [attempt]);
  }

  const runs = new Map<string, NodeRun>();
  const nodes: NodeRun[] = [];
  for (const placed of walkTree(tree.nodes)) {
    const parent = placed.parentId === null ? null : runs.get(placed.parentId)!;
    const openedAt = parent === null ? activatedAt : parent.settledAt;
    const run = replay(placed.node, (mine.get(placed.node.id) ?? []).sort(byTime), callSequence(placed.node, directory, openedAt ?? now), openedAt, now);
    const full: NodeRun = { ...run, depth: placed.depth, parentId: placed.parentId };
    runs.set(placed.node.id, full);
    nodes.push(full);
  }

  const callNow = nodes.filter((n) => n.state === 'calling' || n.state === 'escalated');
  const due: DueEscalation[] = [];
  let nextEscalationAt: number | null = null;
  for (const n of callNow) {
    if (n.escalateAt === null || n.current === null) continue;
    if (n.escalateAt <= now) due.push({ nodeId: n.node.id, step: n.step, fromPersonId: n.current.id, toPersonId: n.sequence[n.step + 1]?.id ?? null, dueAt: n.escalateAt });
    else if (nextEscalationAt === null || n.escalateAt < nextEscalationAt) nextEscalationAt = n.escalateAt;
  }
  return { nodes, callNow, due, nextEscalationAt };
}

function replay(node: TreeNode, attempts: CallAttempt[], sequence: Person[], openedAt: number | null, now: number): Omit<NodeRun, 'depth' | 'parentId'> {
  let step = 0;
  let stepStartedAt = openedAt ?? now;
  let exhaustedAt: number | null = sequence.length === 0 ? (openedAt ?? now) : null;
  let reached: CallAttempt | null = null;
  for (const attempt of attempts) {
    if (attempt.outcome === 'reached') {
      reached = attempt;
      break;
    }
    const current = sequence[step];
    const movesOn = attempt.outcome === 'escalated' || MOVE_ON_NOW.has(attempt.outcome);
    if (!movesOn || current === undefined || attempt.personId !== current.id) continue;
    step += 1;
    stepStartedAt = Date.parse(attempt.at);
    if (step === sequence.length) exhaustedAt = stepStartedAt;
  }
  const base = { node, sequence, step, openedAt, attempts, reached };
  const reachedAt = reached ? Date.parse(reached.at) : null;
  // Someone reached can pass the calls on at once, even before the node's turn came.
  if (openedAt === null) {
    return { ...base, state: reached ? 'reached' : 'pending', current: null, escalateAt: null, settledAt: reachedAt };
  }
  // Whichever came first settles the node: a branch that was given up on has already moved on.
  // A node cannot fail before its turn, so giving up counts from the opening at the earliest.
  if (exhaustedAt !== null && (reachedAt === null || Math.max(exhaustedAt, openedAt) < reachedAt)) {
    return { ...base, state: reached ? 'reached' : 'failed', current: null, escalateAt: null, settledAt: Math.max(exhaustedAt, openedAt) };
  }
  if (reached) return { ...base, state: 'reached', current: null, escalateAt: null, settledAt: reachedAt };
  // A turn that began before the node opened (someone ruled out early) starts its clock at the opening.
  const turnStart = Math.max(stepStartedAt, openedAt);
  return {
    ...base,
    state: step === 0 ? 'calling' : 'escalated',
    current: sequence[step]!,
    escalateAt: turnStart + node.escalateAfterMinutes * 60_000,
    settledAt: null,
  };
}

/**
 * The id of the record of an escalation: the same on every machine for the same incident,
 * activation, node and step, so recording it twice writes one row (history rows are immutable, a
 * second write with other content is refused). Hashed, because ids are at most 120 characters.
 */
export function escalationId(incidentId: string, treeId: string, activatedAt: number, nodeId: string, step: number): string {
  const key = [incidentId, treeId, activatedAt, nodeId, step].join('\u0000');
  return `call-escalation-${hash53(key).toString(36)}-${hash53(`${key}\u0001`).toString(36)}`;
}

/** cyrb53: a small, well-mixed 53-bit string hash (not cryptographic; ids only need to differ). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The call attempt that records a due escalation. */
export function escalationAttempt(
  due: DueEscalation,
  context: { incidentId: string; treeId: string; activatedAt: number; by: string; at: Date },
): CallAttempt {
  return {
    id: escalationId(context.incidentId, context.treeId, context.activatedAt, due.nodeId, due.step),
    incidentId: context.incidentId,
    treeId: context.treeId,
    nodeId: due.nodeId,
    personId: due.fromPersonId,
    outcome: 'escalated',
    by: context.by,
    at: context.at.toISOString(),
    note: '',
  };
}
