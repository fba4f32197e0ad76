import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Lang } from '@shared/domain';
import { useServices } from '../../app/services';
import type { AnswerFilters } from '../../app/uiStore';
import type { AnswerQueryResult } from '../search/answerIndex';

export const RESULT_LIMIT = 100;

/** Asks the search worker for the answers matching text and filters, again whenever the index changes. */
export function useAnswerSearch(text: string, filters: AnswerFilters, locale: Lang, limit = RESULT_LIMIT) {
  const { search } = useServices();
  const status = useSyncExternalStore(search.subscribe, search.status);
  // The result remembers the text it answers, so the screen can say which query it shows.
  const [answered, setAnswered] = useState<{ result: AnswerQueryResult; text: string } | null>(null);
  useEffect(() => {
    let current = true;
    void search.query({ text, filters, locale, limit, now: Date.now() }).then((result) => {
      if (current) setAnswered({ result, text });
    });
    return () => {
      current = false;
    };
  }, [search, text, filters, locale, limit, status.version]);
  return { result: answered?.result ?? null, resultText: answered?.text ?? null, status };
}
