import { memo } from 'react';
import { ListBox, ListBoxItem, ListLayout, Virtualizer } from 'react-aria-components';
import type { Lang } from '@shared/domain';
import { usePreferences, useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import type { AnswerSummary } from '../search/answerIndex';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 64;

/**
 * The results, virtualized so 50,000 answers scroll as smoothly as 50. Arrows move, Enter (or a
 * double click) opens the copy dialog on the selected answer.
 */
export const AnswerList = memo(function AnswerList({ hits, locale }: { hits: AnswerSummary[]; locale: Lang }) {
  const t = useT();
  const selected = useSession((s) => s.selectedAnswerId);
  const select = useSession((s) => s.select);
  const openCopy = useSession((s) => s.openCopy);
  const filters = useSession((s) => s.filters);
  const lastChannel = usePreferences((s) => s.lastChannel);
  const other: Lang = locale === 'es' ? 'en' : 'es';
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowHeight: ROW_HEIGHT }}>
      <ListBox
        aria-label={t('desk.results')}
        className="answer-list"
        items={hits}
        selectionMode="single"
        selectionBehavior="replace"
        selectedKeys={selected ? [selected] : []}
        onSelectionChange={(keys) => {
          if (keys === 'all') return;
          const [first] = keys;
          if (first !== undefined) select(String(first));
        }}
        onAction={(key) => {
          const id = String(key);
          const hit = hits.find((h) => h.id === id);
          const lang = filters.lang ?? (hit && hit.channels[locale].length === 0 ? other : locale);
          select(id);
          openCopy({ answerId: id, lang, channel: filters.channel ?? lastChannel });
        }}
        renderEmptyState={() => <p className="empty">{t('desk.noResults')}</p>}
      >
        {(hit) => (
          <ListBoxItem id={hit.id} textValue={hit.title[locale] || hit.title[other]} className="answer-row">
            <span className="answer-row-title">{hit.title[locale] || hit.title[other]}</span>
            <span className="answer-row-meta">
              <StatusBadge status={hit.status} />
              {hit.hasNewerDraft && <span className="badge badge-note">{t('desk.newerDraft')}</span>}
              <span className="tags">{hit.tags.slice(0, 4).join(' · ')}</span>
            </span>
          </ListBoxItem>
        )}
      </ListBox>
    </Virtualizer>
  );
});
