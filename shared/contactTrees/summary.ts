import type { CallAttempt, ContactTree, Person } from '../domain';
import { treeActivatedAt, type ActivationFields } from './activation';
import { callTreeProgress } from './progress';
import { isBackupFor } from './resolve';
import { runCallTree } from './run';
import type { TreeNode } from './structure';

/** The nodes of a running tree by outcome; `pending` is every node neither reached nor given up on. */
export interface CallCounts {
  total: number;
  reached: number;
  pending: number;
  failed: number;
}

/** Someone to call now: the person, the node they are called for, and whether they stand in for it. */
export interface PersonToReach {
  node: TreeNode;
  person: Person;
  backup: boolean;
}

/**
 * Where an incident's call tree stands, as the executive summary tells it:
 * - none: no tree was chosen;
 * - missing: the chosen tree is not on this machine (deleted, or not synced here yet);
 * - chosen: a tree is chosen (the playbook's suggestion) but nobody activated it, so no call was made through it;
 * - running: activated, with its counts and whom to call now (empty once everyone was reached or tried).
 */
export type CallTreeStatus =
  | { kind: 'none' }
  | { kind: 'missing'; treeId: string; activatedAt: number | null }
  | { kind: 'chosen'; treeId: string; treeName: string }
  | { kind: 'running'; treeId: string; treeName: string; activatedAt: number; counts: CallCounts; toReach: PersonToReach[] };

export interface CallTreeStatusInput {
  incident: ActivationFields;
  /** The incident's tree as stored here, if any (a deleted tree counts as missing). */
  tree: Pick<ContactTree, 'id' | 'name' | 'nodes' | 'deleted'> | null | undefined;
  people: readonly Person[];
  /** The incident's call attempts (those of other trees or of an earlier run are left out by runCallTree). */
  attempts: readonly CallAttempt[];
  now: number;
}

/** What the summary says about the call tree of one incident at `now`, derived only from its rows. */
export function callTreeStatus({ incident, tree, people, attempts, now }: CallTreeStatusInput): CallTreeStatus {
  const treeId = incident.contactTreeId;
  if (!treeId) return { kind: 'none' };
  const activatedAt = treeActivatedAt(incident);
  if (!tree || tree.deleted || tree.id !== treeId) return { kind: 'missing', treeId, activatedAt };
  if (activatedAt === null) return { kind: 'chosen', treeId, treeName: tree.name };
  const run = runCallTree({ tree, people, attempts, activatedAt, now });
  const { overall } = callTreeProgress(run);
  return {
    kind: 'running',
    treeId,
    treeName: tree.name,
    activatedAt,
    counts: { total: overall.total, reached: overall.reached, pending: overall.calling + overall.pending, failed: overall.failed },
    toReach: run.callNow.map((n) => ({ node: n.node, person: n.current!, backup: isBackupFor(n.node, n.current!) })),
  };
}
