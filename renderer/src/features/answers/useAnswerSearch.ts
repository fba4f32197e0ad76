import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Lang } from '@shared/domain';
import { useServices } from '../../app/services';
import { useNow } from '../../app/useNow';
import type { AnswerFilters } from '../../app/uiStore';
import type { AnswerQueryResult } from '../search/answerIndex';

export const RESULT_LIMIT = 100;

/**
 * How long the search box's input event waits for the worker's answer, blocking the console's
 * thread. The worker answers most queries in 1–3 ms even over 50,000 answers; waiting that long
 * inside the input event puts the results in the same frame as the typed letter. A query slower
 * than this is shown when it comes, a frame or so later.
 */
export const TYPING_WAIT_MS = 8;

/**
 * Asks the search worker for the answers matching a text and filters: for `text`, again whenever
 * the filters, the locale or the index change, and for any text given to `type`.
 *
 * `type` is for the search box's input event: the query reaches the worker before React renders
 * anything, and the event waits a few milliseconds for the answer (TYPING_WAIT_MS), so the results
 * usually reach the DOM before Chromium renders the frame that shows the typed letter. Waiting for
 * a render and an effect first, or for a posted task, costs at least a whole frame.
 */
export function useAnswerSearch(text: string, filters: AnswerFilters, locale: Lang, limit = RESULT_LIMIT) {
  const { search } = useServices();
  const status = useSyncExternalStore(search.subscribe, search.status);
  // This box's own line of queries: another box asking meanwhile (the palette over the desk) does
  // not make this one's answers moot.
  const lane = useMemo(() => search.lane(), [search]);
  // The result remembers the text it answers, so the screen can say which query it shows.
  const [answered, setAnswered] = useState<{ result: AnswerQueryResult; text: string } | null>(null);
  const latest = useRef({ seq: 0, text });

  const ask = useCallback(
    (query: string, waitMs: number) => {
      const seq = latest.current.seq + 1;
      latest.current = { seq, text: query };
      // Only the newest query's answer is shown; an older one arriving late is dropped.
      // Committed at once: left to React's scheduler, the render would be a posted task, which
      // Chromium holds back until the frame after a keystroke has been painted.
      const show = (result: AnswerQueryResult | null) => {
        if (result && latest.current.seq === seq) flushSync(() => setAnswered({ result, text: query }));
      };
      const asked = { text: query, filters, locale, limit, now: Date.now() };
      if (waitMs <= 0) {
        void lane.query(asked).then(show);
        return;
      }
      const quick = lane.queryWithin(asked, waitMs);
      if (quick.now) show(quick.result);
      else void quick.later.then(show);
    },
    [lane, filters, locale, limit],
  );
  // A worker that failed will not answer: then typing does not wait for it.
  const type = useCallback((query: string) => ask(query, search.status().error ? 0 : TYPING_WAIT_MS), [ask, search]);

  // The worker judges expiry when it answers: the results are asked again when an approval among
  // them lapses, so no row goes on saying "Approved" past its expiry.
  const lapses = useNow(null, approvalEnds(answered?.result));

  // One query per change: a new `text`, new filters or locale (new `ask`), a changed index (an
  // edit, the first build progressing) or a lapsed approval, which re-asks whatever was asked last.
  const lastText = useRef(text);
  useEffect(() => {
    if (lastText.current !== text) {
      lastText.current = text;
      latest.current = { ...latest.current, text };
    }
    ask(latest.current.text, 0);
  }, [ask, text, status.version, lapses]);

  return { result: answered?.result ?? null, resultText: answered?.text ?? null, status, type };
}

/** When the approvals of the answers shown run out. */
function approvalEnds(result: AnswerQueryResult | undefined): number[] {
  return result?.hits.flatMap((hit) => (hit.status === 'approved' && hit.expiresAt ? [Date.parse(hit.expiresAt)] : [])) ?? [];
}
