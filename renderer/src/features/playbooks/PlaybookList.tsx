import { useIntl } from 'react-intl';
import type { Lang, Playbook } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { StatusBadge } from '../answers/StatusBadge';
import { scenarioLabel } from './labels';
import type { PlaybookView } from './usePlaybooks';

const ROW_HEIGHT = 64;

/**
 * The playbooks, as a keyboard listbox: arrows move and select, typing a title's first letters
 * jumps to it, Enter moves to the selected playbook's detail.
 */
export function PlaybookList(props: {
  items: PlaybookView[];
  locale: Lang;
  titleOf(p: Playbook): string;
  selected: string | null;
  onSelect(id: string): void;
  onAction(id: string): void;
}) {
  const t = useT();
  const intl = useIntl();
  const { items, titleOf } = props;
  return (
    <VirtualListbox
      items={items}
      label={t('playbooks.list')}
      className="playbook-list"
      optionClassName="playbook-row"
      rowHeight={ROW_HEIGHT}
      getKey={(v) => v.playbook.id}
      textOf={(v) => titleOf(v.playbook)}
      selectedKey={props.selected}
      onSelect={props.onSelect}
      onAction={props.onAction}
      empty={<p className="empty">{t('playbooks.noResults')}</p>}
      renderItem={(v) => (
        <>
          <span className="playbook-row-title">{titleOf(v.playbook) || v.playbook.id}</span>
          <span className="playbook-row-meta">
            <StatusBadge status={v.state.status} />
            {v.state.newerDraft && <span className="badge badge-note">{t('playbooks.newerDraft')}</span>}
            <span>{scenarioLabel(t, v.playbook.scenario)}</span>
            <span aria-hidden="true">·</span>
            <span>{t('playbooks.stepCount', { count: v.state.shown.steps.length })}</span>
            <span aria-hidden="true">·</span>
            <span>
              {v.playbook.lastReviewedAt
                ? t('playbooks.reviewedOn', { at: intl.formatDate(v.playbook.lastReviewedAt, { dateStyle: 'medium' }) })
                : t('playbooks.neverReviewed')}
            </span>
          </span>
        </>
      )}
    />
  );
}
