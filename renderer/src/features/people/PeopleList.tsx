import { memo } from 'react';
import type { Person } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { roleLabel } from '../incidents/labels';

const ROW_HEIGHT = 56;

/**
 * The directory as a keyboard listbox that renders only the rows on screen, so 10,000 people
 * scroll like ten: arrows move and select, typing a name's first letters jumps to it, Enter opens
 * the person in the editor.
 */
export const PeopleList = memo(function PeopleList(props: {
  people: readonly Person[];
  selected: string | null;
  onSelect(id: string): void;
  onAction(id: string): void;
  emptyText: string;
}) {
  const t = useT();
  // A listbox with no option is invalid ARIA (axe: aria-required-children): say so in plain text instead.
  if (props.people.length === 0) return <p className="empty">{props.emptyText}</p>;
  return (
    <VirtualListbox
      items={props.people}
      label={t('people.list')}
      className="people-list"
      optionClassName="person-row"
      rowHeight={ROW_HEIGHT}
      getKey={(p) => p.id}
      textOf={(p) => p.name}
      selectedKey={props.selected}
      onSelect={props.onSelect}
      onAction={props.onAction}
      empty={<p className="empty">{props.emptyText}</p>}
      renderItem={(p) => (
        <>
          <span className="person-row-name">
            <span className="person-row-title">{p.name}</span>
            {p.left && <span className="badge badge-expired">{t('people.leftBadge')}</span>}
          </span>
          <span className="person-row-meta">
            {[p.roles.map((r) => roleLabel(r, t)).join(', '), p.phones[0], p.email].filter(Boolean).join(' · ') || t('people.noDetails')}
          </span>
        </>
      )}
    />
  );
});
