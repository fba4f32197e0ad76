import { branchHeads } from './structure';
import type { CallTreeRun, NodeRun } from './run';

export interface Progress {
  total: number;
  reached: number;
  /** Open nodes: calling their person or a backup. */
  calling: number;
  /** Nodes whose turn has not come yet. */
  pending: number;
  failed: number;
}

export interface BranchProgress extends Progress {
  /** The branch's first node. */
  head: NodeRun;
}

function count(runs: readonly NodeRun[]): Progress {
  const p: Progress = { total: runs.length, reached: 0, calling: 0, pending: 0, failed: 0 };
  for (const run of runs) {
    if (run.state === 'reached') p.reached += 1;
    else if (run.state === 'failed') p.failed += 1;
    else if (run.state === 'pending') p.pending += 1;
    else p.calling += 1;
  }
  return p;
}

/** Progress at a glance: the whole tree, and each branch (see branchHeads) in calling order. */
export function callTreeProgress(run: Pick<CallTreeRun, 'nodes'>): { overall: Progress; branches: BranchProgress[] } {
  const heads = branchHeads(run.nodes.map((n) => ({ node: n.node, depth: n.depth, parentId: n.parentId })));
  const members = new Map<string, NodeRun[]>();
  for (const n of run.nodes) {
    const head = heads.get(n.node.id);
    if (head === undefined) continue;
    const list = members.get(head);
    if (list) list.push(n);
    else members.set(head, [n]);
  }
  const branches = run.nodes.filter((n) => members.has(n.node.id) && heads.get(n.node.id) === n.node.id).map((head) => ({ head, ...count(members.get(head.node.id)!) }));
  return { overall: count(run.nodes), branches };
}
