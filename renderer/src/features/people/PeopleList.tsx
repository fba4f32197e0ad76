import { memo, useMemo } from 'react';
import type { Person } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { VirtualListbox } from '../../ui/VirtualListbox';
import { roleLabel } from '../roles/labels';

const ROW_HEIGHT = 56;

/** What rows say besides the person, in the current language. */
interface RowWords {
  role(role: string): string;
  list: string;
  left: string;
  noDetails: string;
}

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
  // Row texts that only change with the language, formatted once rather than per row per keystroke.
  const words = useMemo((): RowWords => {
    const roles = new Map<string, string>();
    return {
      role: (r: string) => roles.get(r) ?? roles.set(r, roleLabel(r, t)).get(r)!,
      list: t('people.list'),
      left: t('people.leftBadge'),
      noDetails: t('people.noDetails'),
    };
  }, [t]);
  // A listbox with no option is invalid ARIA (axe: aria-required-children): say so in plain text instead.
  if (props.people.length === 0) return <p className="empty">{props.emptyText}</p>;
  return (
    <VirtualListbox
      items={props.people}
      label={words.list}
      className="people-list"
      optionClassName="person-row"
      rowHeight={ROW_HEIGHT}
      getKey={(p) => p.id}
      textOf={(p) => p.name}
      selectedKey={props.selected}
      onSelect={props.onSelect}
      onAction={props.onAction}
      empty={<p className="empty">{props.emptyText}</p>}
      renderItem={(p) => <PersonRow person={p} words={words} />}
    />
  );
});

/**
 * One row's content. Memoized: a keystroke that leaves someone in the same place re-renders their
 * row's frame (the size of the list) but not its texts. The list reuses rows by position, so this
 * must show its person and nothing else: no state of its own.
 */
const PersonRow = memo(function PersonRow({ person: p, words }: { person: Person; words: RowWords }) {
  return (
    <>
      <span className="person-row-name">
        <span className="person-row-title">{p.name}</span>
        {p.left && <span className="badge badge-expired">{words.left}</span>}
      </span>
      <span className="person-row-meta">
        {[p.roles.map(words.role).join(', '), p.phones[0], p.email].filter(Boolean).join(' · ') || words.noDetails}
      </span>
    </>
  );
});
