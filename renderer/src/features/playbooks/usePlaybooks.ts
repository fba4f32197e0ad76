import { foldText } from '@shared/text/fold';
import { groupBy } from '@shared/util/groupBy';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Approval, Playbook, PlaybookRevision } from '@shared/domain';
import { useServices } from '../../app/services';
import type { CalmaDatabase } from '../../db/database';
import { useNow } from '../../app/useNow';
import { derivePlaybookState, type PlaybookState } from './playbookState';

export interface PlaybookView {
  playbook: Playbook;
  revisions: PlaybookRevision[];
  approvals: Approval[];
  state: PlaybookState;
}

export interface PlaybookRowsRead {
  playbooks: Playbook[];
  revisions: PlaybookRevision[];
  approvals: Approval[];
}

/** Every live playbook with all playbook revisions and playbook approvals, read consistently. */
export function readPlaybookRows(db: CalmaDatabase): Promise<PlaybookRowsRead> {
  return db.transaction('r', db.playbooks, db.playbookRevisions, db.approvals, async () => ({
    playbooks: (await db.playbooks.toArray()).filter((p) => !p.deleted),
    revisions: await db.playbookRevisions.toArray(),
    approvals: await db.approvals.where('[subject+subjectId]').between(['playbook', Dexie.minKey], ['playbook', Dexie.maxKey]).toArray(),
  }));
}

/** Each playbook with its own revisions and approvals and its derived status at `now`. */
export function playbookViews(rows: PlaybookRowsRead, now: Date): PlaybookView[] {
  const revisionsOf = groupBy(rows.revisions, (r) => r.playbookId);
  const approvalsOf = groupBy(rows.approvals, (a) => a.subjectId);
  const views: PlaybookView[] = [];
  for (const playbook of rows.playbooks) {
    const revisions = revisionsOf.get(playbook.id) ?? [];
    const approvals = approvalsOf.get(playbook.id) ?? [];
    const state = derivePlaybookState(revisions, approvals, now);
    if (state) views.push({ playbook, revisions, approvals, state });
  }
  return views;
}

/**
 * Every playbook not deleted, with its revisions, approvals and derived status, live. The library
 * is small (tens of playbooks), so one query feeds both the list and the detail.
 */
export function usePlaybooks(): PlaybookView[] | undefined {
  const { db } = useServices();
  const now = useNow(60_000);
  const rows = useLiveQuery(() => readPlaybookRows(db), [db]);
  return useMemo(() => (rows ? playbookViews(rows, now) : undefined), [rows, now]);
}


/**
 * The playbooks whose title (in either language), scenario, or scenario label contains every word
 * of the query, sorted by title as the UI language sorts (not the system's: in Spanish, ñ comes
 * after n), numbers by value as in the answers list.
 */
export function filterPlaybooks(
  views: readonly PlaybookView[],
  query: string,
  titleOf: (p: Playbook) => string,
  labelOf: (scenario: string) => string,
  locale?: string,
): PlaybookView[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matches = views.filter((v) => {
    const haystack = foldText([v.playbook.title.es, v.playbook.title.en, v.playbook.scenario, labelOf(v.playbook.scenario)].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  return matches.sort((a, b) => collator.compare(titleOf(a.playbook), titleOf(b.playbook)) || a.playbook.id.localeCompare(b.playbook.id));
}
