import type { Approval } from '../../../shared/domain';
import type { MutationName, ParsedMutationArgs } from '../../../shared/mutations';
import { MutationError } from '../../../shared/mutations/error';
import type { DomainTable } from '../../../shared/mutations/store';
import { sameJson } from '../../../shared/mutators/common';
import type { TeamRole } from '../../../shared/sync/protocol';
import type { ShippedLibrary } from './shippedLibrary';
import type { SqlStore } from './sqlStore';

/**
 * Who may do what, checked by the server before a mutation runs (the mutators then check the
 * domain rules, e.g. the incident status machine):
 *
 * - a viewer writes nothing;
 * - only leads and admins approve (or revoke an approval): answer.approve, playbook.approve;
 * - nobody approves a revision they wrote, "wrote" meaning the person whose device first pushed
 *   that revision to this server (the revision's `createdBy` is free text and proves nothing);
 * - library imports (library.import, playbookLibrary.import) may carry approvals. Anyone who
 *   writes may import records and revisions, since they could create them one by one anyway. The
 *   approvals in an import are what needs a lead: a responder's import is accepted when each of
 *   its approvals is either the shipped library's own (every console seeds the shipped library
 *   at first start, whoever is signed in) or already on the server, identical (a replay). A lead's
 *   import may bring approvals from a file, but not for a revision that lead already wrote here.
 *
 * Everything else (incidents, checklists, log, contacts, calls, drafting answers and playbooks) is
 * open to responders, leads and admins: in a crisis the people on duty must not wait for rights.
 */

const APPROVERS: ReadonlySet<TeamRole> = new Set(['lead', 'admin']);

const REVISIONS_OF: Record<Approval['subject'], DomainTable> = { answer: 'answerRevisions', playbook: 'playbookRevisions' };

export interface PolicyContext {
  role: TeamRole;
  personId: string;
  store: SqlStore;
  shipped: ShippedLibrary;
}

export async function authorise<N extends MutationName>(ctx: PolicyContext, name: N, args: ParsedMutationArgs<N>): Promise<void> {
  if (ctx.role === 'viewer') throw new MutationError('forbidden', 'viewers can read the team’s work but not change it');
  switch (name) {
    case 'answer.approve':
    case 'playbook.approve': {
      const { approval } = args as ParsedMutationArgs<'answer.approve'>;
      if (!APPROVERS.has(ctx.role)) throw new MutationError('forbidden', 'only leads and admins approve');
      await refuseSelfApproval(ctx, [approval]);
      return;
    }
    case 'library.import':
    case 'playbookLibrary.import': {
      const { approvals } = args as ParsedMutationArgs<'library.import'>;
      if (approvals.length === 0) return;
      if (APPROVERS.has(ctx.role)) {
        await refuseSelfApproval(ctx, approvals);
        return;
      }
      const existing = await ctx.store.getMany<Approval>('approvals', approvals.map((a) => a.id));
      const foreign = approvals.filter((a, i) => !ctx.shipped.has('approvals', a) && !(existing[i] && sameJson(existing[i], a)));
      if (foreign.length > 0) {
        throw new MutationError(
          'forbidden',
          `only leads and admins import approvals; ${foreign.length} approval(s) in this import are neither Calma’s shipped ones nor already in the team`,
          foreign.map((a) => ({ path: `approvals.${a.id}`, message: 'only leads and admins import approvals' })),
        );
      }
      return;
    }
    default:
      return;
  }
}

async function refuseSelfApproval(ctx: PolicyContext, approvals: readonly Approval[]): Promise<void> {
  const own: Approval[] = [];
  for (const subject of ['answer', 'playbook'] as const) {
    const approving = approvals.filter((a) => a.subject === subject && a.kind === 'approve');
    if (approving.length === 0) continue;
    const authors = await ctx.store.authorsOf(REVISIONS_OF[subject], approving.map((a) => a.revisionId));
    own.push(...approving.filter((a) => authors.get(a.revisionId) === ctx.personId));
  }
  if (own.length > 0) {
    throw new MutationError(
      'forbidden',
      'nobody approves a revision they wrote: ask another lead or admin to approve it',
      own.map((a) => ({ path: `approvals.${a.id}`, message: `revision ${a.revisionId} was written by you` })),
    );
  }
}
