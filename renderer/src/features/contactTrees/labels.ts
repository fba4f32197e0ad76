import type { IntlShape } from 'react-intl';
import type { NodeWarning, TreePlace, TreeNode } from '@shared/contactTrees';
import type { CallAttempt, Person } from '@shared/domain';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { roleLabel } from '../roles/labels';

/** What a node is called: its person's name, or its role's label. */
export function nodeLabel(node: TreeNode, byId: ReadonlyMap<string, Person>, t: Translate): string {
  if (node.target.kind === 'role') return t('trees.node.role', { role: roleLabel(node.target.role, t) });
  return byId.get(node.target.personId)?.name ?? t('trees.node.unknownPerson');
}

/** Where else a person is in the tree: "under Ana Ortega", "as the role Legal, at the top". */
export function placeText(place: TreePlace, t: Translate): string {
  const parent = place.parent === null ? null : place.parent.kind === 'role' ? t('trees.node.role', { role: roleLabel(place.parent.role, t) }) : (place.parent.name ?? t('trees.node.unknownPerson'));
  if (place.role === null) return parent === null ? t('trees.place.top') : t('trees.place.under', { parent });
  const role = roleLabel(place.role, t);
  return parent === null ? t('trees.place.roleTop', { role }) : t('trees.place.roleUnder', { role, parent });
}

/** One line for each warning, said the same way on screen, in the call panel and on paper. */
export function warningText(w: NodeWarning, t: Translate, intl: IntlShape): string {
  switch (w.kind) {
    case 'missing-person':
      return t('trees.warning.missing-person');
    case 'left':
      return t('trees.warning.left', { name: w.person.name });
    case 'role-unheld':
      return t('trees.warning.role-unheld', { role: roleLabel(w.role, t) });
    case 'no-backup':
      return t('trees.warning.no-backup', { name: w.person.name });
    case 'not-verified':
      return w.person.verifiedAt
        ? t('trees.warning.not-verified', { name: w.person.name, date: intl.formatDate(w.person.verifiedAt, { dateStyle: 'medium' }) })
        : t('trees.warning.never-verified', { name: w.person.name });
    case 'outside-hours':
      return t('trees.warning.outside-hours', { name: w.person.name, start: w.person.workingHours?.start ?? '', end: w.person.workingHours?.end ?? '', zone: w.person.timeZone });
    case 'unknown-time-zone':
      return t('trees.warning.unknown-time-zone', { name: w.person.name, zone: w.person.timeZone });
    case 'no-contact':
      return t('trees.warning.no-contact', { name: w.person.name });
    case 'role-no-contact':
      return t('trees.warning.role-no-contact', { role: roleLabel(w.role, t) });
    case 'also-elsewhere':
      return t('trees.warning.also-elsewhere', {
        name: w.name ?? t('trees.node.unknownPerson'),
        places: intl.formatList(w.elsewhere.map((place) => placeText(place, t)), { type: 'conjunction' }),
      });
  }
}

export const OUTCOME_LABEL: Record<CallAttempt['outcome'], MessageId> = {
  reached: 'callTree.outcome.reached',
  voicemail: 'callTree.outcome.voicemail',
  'no-answer': 'callTree.outcome.no-answer',
  'wrong-number': 'callTree.outcome.wrong-number',
  unavailable: 'callTree.outcome.unavailable',
  escalated: 'callTree.outcome.escalated',
};

/** The outcomes a person records by hand; "escalated" is Calma's own. */
export const MANUAL_OUTCOMES = ['reached', 'voicemail', 'no-answer', 'wrong-number', 'unavailable'] as const satisfies readonly CallAttempt['outcome'][];
