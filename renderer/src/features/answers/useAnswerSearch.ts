import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Lang } from '@shared/domain';
import { useServices } from '../../app/services';
import type { AnswerFilters } from '../../app/uiStore';
import type { AnswerQueryResult } from '../search/answerIndex';

export const RESULT_LIMIT = 100;

/**
 * Asks the search worker for the answers matching a text and filters: for `text`, again whenever
 * the filters, the locale or the index change, and for any text given to `run`.
 *
 * `run` exists for the search box: called straight from the input event, the query reaches the
 * worker before React renders anything, so the answer usually arrives in time for the very frame
 * that shows the typed letter. Waiting for a render and an effect first costs a whole frame.
 */
export function useAnswerSearch(text: string, filters: AnswerFilters, locale: Lang, limit = RESULT_LIMIT) {
  const { search } = useServices();
  const status = useSyncExternalStore(search.subscribe, search.status);
  // The result remembers the text it answers, so the screen can say which query it shows.
  const [answered, setAnswered] = useState<{ result: AnswerQueryResult; text: string } | null>(null);
  const latest = useRef({ seq: 0, text });

  const run = useCallback(
    (query: string) => {
      const seq = latest.current.seq + 1;
      latest.current = { seq, text: query };
      void search.query({ text: query, filters, locale, limit, now: Date.now() }).then((result) => {
        // Only the newest query's answer is shown; an older one arriving late is dropped.
        // Committed at once: left to React's scheduler, the render would be a posted task, which
        // Chromium holds back until the frame after a keystroke has been painted.
        if (result && latest.current.seq === seq) flushSync(() => setAnswered({ result, text: query }));
      });
    },
    [search, filters, locale, limit],
  );

  // One query per change: a new `text`, new filters or locale (a new `run`), or a changed index (an
  // edit, the first build progressing), which re-asks whatever was asked last.
  const lastText = useRef(text);
  useEffect(() => {
    if (lastText.current !== text) {
      lastText.current = text;
      latest.current = { ...latest.current, text };
    }
    run(latest.current.text);
  }, [run, text, status.version]);

  return { result: answered?.result ?? null, resultText: answered?.text ?? null, status, run };
}
