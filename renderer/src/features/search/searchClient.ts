import type { AnswerQuery, AnswerQueryResult } from './answerIndex';
import type { FromWorker, ToWorker } from './protocol';

export interface SearchStatus {
  ready: boolean;
  count: number;
  /** During the first build: answers in the library, of which `count` are indexed so far. */
  total: number | null;
  /** Bumped each time the index changes, so views re-run their query. */
  version: number;
  error: string | null;
}

export interface SearchClient {
  query(query: AnswerQuery): Promise<AnswerQueryResult>;
  status(): SearchStatus;
  subscribe(listener: () => void): () => void;
}

/** Talks to the search worker; only the latest query's answer matters, older ones are dropped. */
export function createSearchClient(worker: Worker): SearchClient {
  let status: SearchStatus = { ready: false, count: 0, total: null, version: 0, error: null };
  const listeners = new Set<() => void>();
  const waiting = new Map<number, (result: AnswerQueryResult) => void>();
  let seq = 0;
  const setStatus = (next: Partial<SearchStatus>) => {
    status = { ...status, ...next };
    for (const l of listeners) l();
  };
  const send = (message: ToWorker) => worker.postMessage(message);

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'result') {
      // Marks let `npm run bench` split keystroke-to-screen time into its parts.
      const toLocal = (epoch: number) => epoch - performance.timeOrigin;
      performance.mark('calma:search-worker-received', { startTime: toLocal(message.timing.receivedAt) });
      performance.mark('calma:search-worker-replied', { startTime: toLocal(message.timing.repliedAt) });
      performance.mark('calma:search-result');
      waiting.get(message.seq)?.(message.result);
      waiting.delete(message.seq);
    } else if (message.type === 'progress') setStatus({ count: message.indexed, total: message.total, version: status.version + 1 });
    else if (message.type === 'ready') setStatus({ ready: true, count: message.count, total: null, version: status.version + 1 });
    else if (message.type === 'reindexed') setStatus({ count: message.count, version: status.version + 1 });
    else setStatus({ error: message.message });
  };

  return {
    query(query) {
      seq += 1;
      const mine = seq;
      return new Promise((resolve) => {
        waiting.set(mine, resolve);
        performance.mark('calma:search-sent');
        send({ type: 'query', seq: mine, query });
      });
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
