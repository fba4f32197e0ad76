import type { CallAttempt, ContactTree, Person } from '../domain';
import { chainOf, directoryOf, droppedAt, isCallable, type Directory } from './resolve';
import { walkTree, type TreeNode } from './structure';

/**
 * - pending: not open yet (the node above has not been reached or given up on);
 * - calling: open, calling its first person;
 * - escalated: open, calling someone else because a turn at this node has ended (a person was not
 *   reached in time, or could not be);
 * - reached: someone at this node was reached;
 * - failed: everyone this node could call was tried and nobody was reached (or there was nobody).
 */
export type NodeState = 'pending' | 'calling' | 'escalated' | 'reached' | 'failed';

/** Outcomes that say this person cannot be reached at all, so there is no point waiting. */
const MOVE_ON_NOW: ReadonlySet<CallAttempt['outcome']> = new Set(['wrong-number', 'unavailable']);

/** Whether a record moves its node on from the person: an escalation, or someone who cannot be reached at all. */
export function movesOn(outcome: CallAttempt['outcome']): boolean {
  return outcome === 'escalated' || MOVE_ON_NOW.has(outcome);
}

/**
 * Someone a node stopped calling, as the card and the timeline tell it: "Ana: no answer in 5:00,
 * moved on to Bea". They may still call back, and that still counts (see NodeRun.lateReach).
 */
export interface MovedOnFrom {
  personId: string;
  /**
   * As the directory has them now, those who left or were deleted included (a deleted row keeps
   * its name: a call back from them still counts); null only for someone with no row here at all.
   */
  person: Person | null;
  /** The record after which the node stopped calling them: an escalation, "wrong number" or "unavailable". */
  endedBy: CallAttempt;
  /** Whether it ended their turn (they were being called); false when they were only taken off the list ahead of it. */
  endedTurn: boolean;
  /**
   * Whom the node moved on to when their turn ended: who was next in line then, as the directory
   * is now (like `sequence`); null when nobody was (the node gave up) or when no turn ended.
   */
  movedTo: Person | null;
  /**
   * Whether the node gave up when their turn ended: nobody is next (movedTo null) and, for an
   * escalation, the record says it gave up (see isGiveUp). An escalation that moved on to someone
   * did so even if today's directory no longer lists whom: movedTo null, gaveUp false.
   */
  gaveUp: boolean;
  /** Their latest attempt at this node: the record that ended their turn, or one recorded after it. */
  last: CallAttempt;
}

export interface NodeRun {
  node: TreeNode;
  depth: number;
  parentId: string | null;
  state: NodeState;
  /** Everyone this node may reach, in order (see callSequence), as the directory is now, ordered for when the node opened. */
  sequence: Person[];
  /**
   * The people whose turn at this node has ended (escalated, wrong number, unavailable), in the
   * order it was recorded. It may name people the directory no longer lists (they left, were
   * deleted, lost the role): what was recorded stays true whatever the directory becomes.
   */
  movedOn: string[];
  /** The same people as movedOn, in the same order, with how and when each was moved on from. */
  earlier: MovedOnFrom[];
  /**
   * When the node was reached by someone it had already moved on from (Ana answers at 5:30, after
   * the move to Bea at 5:00): that person's move. The node is reached all the same; the backup's
   * own attempts stay as they were recorded.
   */
  lateReach: MovedOnFrom | null;
  /**
   * Why a failed node failed: 'tried' when everyone it could call was tried; 'nobodyLeft' when the
   * directory left it nobody to call (people deleted, gone, a role nobody holds). Null otherwise.
   */
  failReason: 'tried' | 'nobodyLeft' | null;
  /** People in the node's chain (its person, role holders, backups) Calma can no longer call: deleted or gone. */
  dropped: Person[];
  /** Who is left to call, in order: the person to call now first. */
  queue: Person[];
  /** Whom to call now (calling and escalated nodes only). */
  current: Person | null;
  /** Who comes after the current person (calling and escalated nodes only); null when nobody does. */
  next: Person | null;
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
  /** Whom the node moves on from; with the activation and the node, what makes the record's id (see escalationId). */
  fromPersonId: string;
  /** Whom it moves on to; null when nobody is left, so the node gives up. */
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
 * The directory may change while the tree runs (someone leaves, is deleted, gains or loses a
 * role), so the run never counts positions in the list of people: it reads who was moved on from.
 * - A person's turn ends once, when an escalation, "wrong number" or "unavailable" is first
 *   recorded for them at this node; later records about them are no-ops (two windows, a replay
 *   from sync). Everyone else still listed is left to call.
 * - Each ended turn starts the next one then, whoever comes next in today's directory: the backup
 *   of someone who left since keeps the time the records gave them.
 * - Whoever is being called (a "no answer" or "voicemail" recorded, their turn not over) stays the
 *   person to call even if the directory now lists someone before them, so the screen does not
 *   switch people under the caller's hands.
 * - When the directory takes away the person being called, the next one takes over the rest of
 *   that turn: nothing records when the directory changed, and the clocks must come out the same
 *   on every machine. When it leaves nobody, the node gives up as of its last recorded move.
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
    const at = openedAt ?? now;
    const run = replay(placed.node, (mine.get(placed.node.id) ?? []).sort(byTime), chainOf(placed.node, directory, at), openedAt, directory);
    const full: NodeRun = { ...run, depth: placed.depth, parentId: placed.parentId };
    runs.set(placed.node.id, full);
    nodes.push(full);
  }

  const callNow = nodes.filter((n) => n.state === 'calling' || n.state === 'escalated');
  const due: DueEscalation[] = [];
  let nextEscalationAt: number | null = null;
  for (const n of callNow) {
    if (n.escalateAt === null || n.current === null) continue;
    if (n.escalateAt <= now) due.push({ nodeId: n.node.id, fromPersonId: n.current.id, toPersonId: n.next?.id ?? null, dueAt: n.escalateAt });
    else if (nextEscalationAt === null || n.escalateAt < nextEscalationAt) nextEscalationAt = n.escalateAt;
  }
  // The order they happened in: by when the time ran out, then in calling order (the sort is stable).
  // A console that wakes late records several at once, and records them in this order.
  due.sort((a, b) => a.dueAt - b.dueAt);
  return { nodes, callNow, due, nextEscalationAt };
}

function replay(node: TreeNode, attempts: CallAttempt[], chain: Person[], openedAt: number | null, directory: Directory): Omit<NodeRun, 'depth' | 'parentId'> {
  const sequence = chain.filter(isCallable);
  const dropped = chain.filter((p) => !isCallable(p));
  const listed = new Set(sequence.map((p) => p.id));
  const movedOn: string[] = [];
  const earlier: MovedOnFrom[] = [];
  const out = new Set<string>();
  // When the last turn ended, when the records themselves left nobody listed to call, and the
  // latest attempt (the last moment the node is known to have been open).
  let turnEndedAt: number | null = null;
  let lastAttemptAt: number | null = null;
  let exhaustedAt: number | null = null;
  let calling: string | null = null;
  let reached: CallAttempt | null = null;
  const queueNow = () => {
    const left = sequence.filter((p) => !out.has(p.id));
    const beingCalled = left.find((p) => p.id === calling);
    return beingCalled ? [beingCalled, ...left.filter((p) => p !== beingCalled)] : left;
  };
  for (const attempt of attempts) {
    if (attempt.outcome === 'reached') {
      reached = attempt;
      break;
    }
    lastAttemptAt = Date.parse(attempt.at);
    const who = attempt.personId;
    if (who === null || out.has(who)) continue;
    if (!movesOn(attempt.outcome)) {
      calling = who;
      continue;
    }
    // The turn under way ends with the person being called, or with someone the directory no
    // longer lists here (they were being called when it was recorded). Someone listed further on
    // who is ruled out ahead of their turn is only taken off the list.
    const endedTurn = !listed.has(who) || queueNow()[0]?.id === who;
    if (endedTurn) turnEndedAt = Date.parse(attempt.at);
    out.add(who);
    movedOn.push(who);
    if (calling === who) calling = null;
    const movedTo = endedTurn ? (queueNow()[0] ?? null) : null;
    // Whom today's directory puts next, if anyone. Else an escalation says itself whether it gave
    // up (one that moved on to someone deleted since did move on); after another outcome, it gave
    // up if nobody in the chain was left, counting those deleted since (callable then).
    const gaveUp = endedTurn && movedTo === null && (attempt.outcome === 'escalated' ? isGiveUp(attempt) : chain.every((p) => p.left || out.has(p.id)));
    earlier.push({ personId: who, person: directory.everyone.get(who) ?? null, endedBy: attempt, endedTurn, movedTo, gaveUp, last: attempt });
    if (exhaustedAt === null && listed.has(who) && sequence.every((p) => out.has(p.id))) exhaustedAt = Date.parse(attempt.at);
  }
  const queue = queueNow();
  if (earlier.length > 0) {
    // Everything recorded about them counts for their latest word, the calls after a reach included.
    const at = new Map(earlier.map((e) => [e.personId, e]));
    for (const attempt of attempts) {
      const move = attempt.personId === null ? undefined : at.get(attempt.personId);
      if (move) move.last = attempt;
    }
  }
  const lateReach = (reached?.personId && earlier.find((e) => e.personId === reached!.personId)) || null;

  const base = { node, sequence, movedOn, earlier, lateReach, queue, openedAt, attempts, reached, dropped, failReason: null };
  const idle = { current: null, next: null, escalateAt: null };
  const reachedAt = reached ? Date.parse(reached.at) : null;
  // Someone reached can pass the calls on at once, even before the node's turn came.
  if (openedAt === null) return { ...base, ...idle, state: reached ? 'reached' : 'pending', settledAt: reachedAt };
  // Whichever came first settles the node: a branch that was given up on has already moved on.
  // A node cannot fail before its turn, so giving up counts from the opening at the earliest.
  if (exhaustedAt !== null && (reachedAt === null || Math.max(exhaustedAt, openedAt) < reachedAt)) {
    return reached ? { ...base, ...idle, state: 'reached', settledAt: Math.max(exhaustedAt, openedAt) } : { ...base, ...idle, state: 'failed', failReason: 'tried', settledAt: Math.max(exhaustedAt, openedAt) };
  }
  if (reached) return { ...base, ...idle, state: 'reached', settledAt: reachedAt };
  // Nobody listed is left, and not because of the records: the directory changed (or the node never
  // had anybody). It gives up when the last of its people stopped being callable, by the stamp of
  // their deletion or leaving, or else as of its latest attempt, the last moment it is known to have
  // been open. Not earlier: the nodes below open then, and a time in the past would have their
  // first people run out of time before anyone was shown them.
  if (queue.length === 0) {
    const lastDrop = Math.max(-Infinity, ...dropped.flatMap((p) => droppedAt(p) ?? []));
    return { ...base, ...idle, state: 'failed', failReason: 'nobodyLeft', settledAt: Math.max(lastAttemptAt ?? openedAt, openedAt, lastDrop) };
  }
  // A turn that ended before the node opened (someone ruled out early) starts the clock at the opening.
  const turnStart = Math.max(turnEndedAt ?? openedAt, openedAt);
  return {
    ...base,
    state: turnEndedAt === null ? 'calling' : 'escalated',
    current: queue[0]!,
    next: queue[1] ?? null,
    escalateAt: turnStart + node.escalateAfterMinutes * 60_000,
    settledAt: null,
  };
}

/** The reaches that came after a move away from the person reached, by the id of the reaching attempt (for the timeline). */
export function lateReaches(run: Pick<CallTreeRun, 'nodes'>): Map<string, MovedOnFrom> {
  return new Map(run.nodes.flatMap((n) => (n.reached && n.lateReach ? [[n.reached.id, n.lateReach] as const] : [])));
}

/**
 * The id of the record of an escalation: the same on every machine for the same incident,
 * activation, node and person moved on from, so recording it twice writes one row (history rows
 * are immutable, a second write with other content is refused, see isSameEscalation). A person's
 * turn at a node ends once per activation, so the id names one escalation whatever the directory
 * does meanwhile; a position in the list of people would not (someone leaving shifts everyone
 * after them, and the next escalation would take the id of an earlier one and be refused).
 * Hashed, because ids are at most 120 characters. The key is tagged: no id made here equals one
 * made by earlier versions, which counted positions.
 */
export function escalationId(incidentId: string, treeId: string, activatedAt: number, nodeId: string, fromPersonId: string): string {
  const key = ['moved-on-from', incidentId, treeId, activatedAt, nodeId, fromPersonId].join('\u0000');
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

/**
 * The note of the record of an escalation after which nobody was left to call: the node gave up.
 * The record says so itself because whether anyone was left depends on the directory as it was
 * then, which nothing keeps; the timeline tells it as the console announced it, for this run and
 * earlier ones, whatever the directory becomes. Escalations are written by Calma, never typed,
 * so their note is free for this; an empty note is a move to the next person.
 */
export const GAVE_UP_NOTE = 'calma:gave-up';

/** Whether a call attempt is the escalation after which its node gave up (nobody else to call). */
export function isGiveUp(attempt: Pick<CallAttempt, 'outcome' | 'note'>): boolean {
  return attempt.outcome === 'escalated' && attempt.note === GAVE_UP_NOTE;
}

/**
 * A console records an escalation within a tick of its time running out; this much later means it
 * was not running then (asleep, closed, a background tab the browser held back).
 */
export const LATE_NOTICE_MS = 60_000;

/** When an escalation's time ran out, if the record was made noticeably later (see LATE_NOTICE_MS); else null. */
export function noticedLate(attempt: Pick<CallAttempt, 'outcome' | 'at'> & { dueAt?: string | null }): number | null {
  if (attempt.outcome !== 'escalated' || !attempt.dueAt) return null;
  const due = Date.parse(attempt.dueAt);
  return Date.parse(attempt.at) - due >= LATE_NOTICE_MS ? due : null;
}

/**
 * The call attempt that records a due escalation. `at` is when it is recorded, and the backup's
 * turn starts then: a console that slept through several deadlines gives the lead a real chance
 * to call the next person rather than running down the whole chain at once. `dueAt` keeps when
 * the time really ran out, for the record and the timeline.
 */
export function escalationAttempt(
  due: DueEscalation,
  context: { incidentId: string; treeId: string; activatedAt: number; by: string; at: Date },
): CallAttempt {
  return {
    id: escalationId(context.incidentId, context.treeId, context.activatedAt, due.nodeId, due.fromPersonId),
    incidentId: context.incidentId,
    treeId: context.treeId,
    nodeId: due.nodeId,
    personId: due.fromPersonId,
    outcome: 'escalated',
    by: context.by,
    at: context.at.toISOString(),
    note: due.toPersonId === null ? GAVE_UP_NOTE : '',
    dueAt: new Date(due.dueAt).toISOString(),
  };
}

/**
 * Whether a stored record is the same escalation as one this console tried to write: the write
 * was refused because another window or machine recorded it first (at another instant, by
 * another name, perhaps while its directory said someone else was next). Anything else holding
 * the id is a real failure, to be reported.
 */
export function isSameEscalation(stored: CallAttempt, attempt: CallAttempt): boolean {
  return (
    stored.id === attempt.id &&
    stored.outcome === 'escalated' &&
    attempt.outcome === 'escalated' &&
    stored.incidentId === attempt.incidentId &&
    stored.treeId === attempt.treeId &&
    stored.nodeId === attempt.nodeId &&
    stored.personId === attempt.personId
  );
}
