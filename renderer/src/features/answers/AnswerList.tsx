import { memo, useCallback } from 'react';
import type { Lang } from '@shared/domain';
import { usePreferences, useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { VirtualListbox } from '../../ui/VirtualListbox';
import type { AnswerSummary } from '../search/answerIndex';
import { StatusBadge } from './StatusBadge';

const ROW_HEIGHT = 64;

/**
 * The results, virtualized so a long list costs what a short one does. Arrows move, Enter (or a
 * double click) opens the copy dialog on the selected answer. Memoized: typing in the search box
 * does not re-render it until new results arrive.
 */
export const AnswerList = memo(function AnswerList({ hits, locale }: { hits: AnswerSummary[]; locale: Lang }) {
  const t = useT();
  const selected = useSession((s) => s.selectedAnswerId);
  const select = useSession((s) => s.select);
  const openCopy = useSession((s) => s.openCopy);
  const filters = useSession((s) => s.filters);
  const lastChannel = usePreferences((s) => s.lastChannel);
  const other: Lang = locale === 'es' ? 'en' : 'es';
  const title = useCallback((hit: AnswerSummary) => hit.title[locale] || hit.title[other], [locale, other]);

  return (
    <VirtualListbox
      items={hits}
      label={t('desk.results')}
      className="answer-list"
      optionClassName="answer-row"
      rowHeight={ROW_HEIGHT}
      getKey={(hit) => hit.id}
      textOf={title}
      selectedKey={selected}
      onSelect={select}
      onAction={(id) => {
        const hit = hits.find((h) => h.id === id);
        const lang = filters.lang ?? (hit && hit.channels[locale].length === 0 ? other : locale);
        select(id);
        openCopy({ answerId: id, lang, channel: filters.channel ?? lastChannel });
      }}
      empty={<p className="empty">{t('desk.noResults')}</p>}
      renderItem={(hit) => (
        <>
          <span className="answer-row-title">{title(hit)}</span>
          <span className="answer-row-meta">
            <StatusBadge status={hit.status} />
            {hit.hasNewerDraft && <span className="badge badge-note">{t('desk.newerDraft')}</span>}
            <span className="tags">{hit.tags.slice(0, 4).join(' · ')}</span>
          </span>
        </>
      )}
    />
  );
});
