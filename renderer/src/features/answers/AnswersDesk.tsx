import { useRef, useState } from 'react';
import type { Lang } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
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
  const { result, resultText, status, run } = useAnswerSearch(initialQuery, filters, locale);
  const input = useRef<HTMLInputElement>(null);
  const search = (text: string) => {
    run(text);
    setQuery(text);
  };

  return (
    <div className="desk">
      <div className="desk-toolbar">
        <div className="search" data-empty={resultText === '' || undefined}>
          <label htmlFor="desk-search">{t('desk.search')}</label>
          <input
            id="desk-search"
            ref={input}
            type="search"
            defaultValue={initialQuery}
            placeholder={t('desk.searchPlaceholder')}
            data-testid="desk-search"
            aria-describedby="result-count"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => search(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && e.currentTarget.value !== '') {
                e.currentTarget.value = '';
                search('');
              }
            }}
          />
          <button
            type="button"
            aria-label={t('desk.clearSearch')}
            onClick={() => {
              if (input.current) input.current.value = '';
              search('');
              input.current?.focus();
            }}
          >
            ×
          </button>
        </div>
        <AnswerFilters />
        <button type="button" onClick={() => openEditor('new')}>{t('desk.new')}</button>
      </div>
      <p id="result-count" className="muted small" role="status">
        {[
          !status.ready && (status.total === null ? t('desk.indexing') : t('desk.indexingProgress', { indexed: status.count, total: status.total })),
          result && (result.more
            ? t('desk.countMore', { shown: result.hits.length })
            : result.total > result.hits.length
              ? t('desk.countLimited', { shown: result.hits.length, total: result.total })
              : t('desk.count', { total: result.total })),
        ].filter(Boolean).join(' ')}
      </p>
      <div className="desk-body">
        <div className="results" data-query={resultText ?? undefined} data-total={result?.total}>{result && <AnswerList hits={result.hits} locale={locale} />}</div>
        <AnswerDetail locale={locale} />
      </div>
    </div>
  );
}
