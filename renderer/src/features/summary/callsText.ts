import type { CallTreeStatus, PersonToReach } from '@shared/contactTrees';
import type { Person } from '@shared/domain';
import type { Translate } from '../../i18n/I18nProvider';
import { nodeLabel } from '../contactTrees/labels';

/** The call tree of one incident in the summary's words, the same on the page and in the exports. */
export interface CallTreeText {
  /** Which tree, since when, and its counts; or, said plainly, why there is nothing to count. */
  line: string;
  /** For a running tree: whom to call now, one line each, or why nobody (`empty`). */
  toReach: { people: string[]; empty: string | null } | null;
}

/**
 * Honest about every state: an incident with no tree says so, a tree chosen but never activated
 * says nobody was called through it, a running tree with nobody reached says that too.
 */
export function callTreeText(status: CallTreeStatus, t: Translate, when: (ms: number) => string, people: ReadonlyMap<string, Person>): CallTreeText {
  switch (status.kind) {
    case 'none':
      return { line: t('callTree.summary.none'), toReach: null };
    case 'missing':
      return { line: t('callTree.summary.missing'), toReach: null };
    case 'chosen':
      return { line: t('callTree.summary.chosen', { name: status.treeName }), toReach: null };
    case 'running': {
      const { counts } = status;
      const values = { name: status.treeName, at: when(status.activatedAt), reached: counts.reached, total: counts.total, pending: counts.pending, failed: counts.failed };
      const line = counts.reached === 0 ? `${t('callTree.summary.running', values)} ${t('callTree.summary.nobodyReached')}` : t('callTree.summary.running', values);
      const empty = status.toReach.length > 0 ? null : counts.pending === 0 ? t('callTree.allDone') : t('callTree.nobodyNow');
      return { line, toReach: { people: status.toReach.map((p) => personLine(p, t, people)), empty } };
    }
  }
}

/** "Luis Prieto, backup for Lucía Ortega", "Dani Vega (Role: Legal)", or just the name. */
function personLine({ node, person, backup }: PersonToReach, t: Translate, people: ReadonlyMap<string, Person>): string {
  const label = nodeLabel(node, people, t);
  if (backup) return t('callTree.summary.backupFor', { name: person.name, node: label });
  return label === person.name ? person.name : t('callTree.summary.forNode', { name: person.name, node: label });
}
