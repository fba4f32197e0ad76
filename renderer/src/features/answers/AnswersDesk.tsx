import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { ListDetailLayout } from '../../ui/ListDetailLayout';
import { AnswerDetail } from './AnswerDetail';
import { AnswerFilters } from './AnswerFilters';
import { AnswerList } from './AnswerList';
import { useAnswerSearch } from './useAnswerSearch';

/** The approved-answers desk: search as you type, filter, read, copy. */
export function AnswersDesk({ locale }: { locale: Lang }) {
  const t = useT();
  // The box is uncontrolled: typing re-renders nothing until the results arrive (see useAnswerSearch).
  const [initialQuery] = useState(() => useSession.getState().query);
  const setQuery = useSession((s) => s.setQuery);
  const filters = useSession((s) => s.filters);
  const openEditor = useSession((s) => s.openEditor);
  const { result, resultText, status, type } = useAnswerSearch(initialQuery, filters, locale);
  // Stable, so that typing does not re-render the (memoized) search box.
  const search = useCallback(
    (text: string) => {
      type(text);
      setQuery(text);
    },
    [type, setQuery],
  );

  // ↓ or Enter in the box: to the results, on the selected one or else the first. Only results that
  // answer the text now in the box: a key pressed before they came must not act on an older list.
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef({ result, resultText });
  useLayoutEffect(() => {
    shown.current = { result, resultText };
  });
  const select = useSession((s) => s.select);
  const toResults = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
      const { result: now, resultText: answers } = shown.current;
      if (!now || now.hits.length === 0 || answers !== event.currentTarget.value) return;
      event.preventDefault();
      const selected = useSession.getState().selectedAnswerId;
      if (!now.hits.some((hit) => hit.id === selected)) select(now.hits[0]!.id);
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('.answer-list [role="option"][tabindex="0"]')?.focus());
    },
    [select],
  );

  return (
    <ListDetailLayout
      bodyRef={body}
      hint={{ id: 'desk-keys', text: t('desk.keys') }}
      search={{
        id: 'desk-search',
        label: t('desk.search'),
        placeholder: t('desk.searchPlaceholder'),
        clearLabel: t('desk.clearSearch'),
        defaultValue: initialQuery,
        empty: resultText === '',
        onChange: search,
        onKeyDown: toResults,
      }}
      toolbar={
        <>
          <AnswerFilters />
          <button type="button" onClick={() => openEditor('new')}>{t('desk.new')}</button>
        </>
      }
      count={{
        id: 'result-count',
        text: [
          !status.ready && (status.total === null ? t('desk.indexing') : t('desk.indexingProgress', { indexed: status.count, total: status.total })),
          result && (result.more
            ? t('desk.countMore', { shown: result.hits.length })
            : result.total > result.hits.length
              ? t('desk.countLimited', { shown: result.hits.length, total: result.total })
              : t('desk.count', { total: result.total })),
        ].filter(Boolean).join(' '),
      }}
      shown={{ query: resultText ?? undefined, total: result?.total }}
      list={result && <AnswerList hits={result.hits} locale={locale} />}
      detail={<AnswerDetail locale={locale} />}
    />
  );
}
