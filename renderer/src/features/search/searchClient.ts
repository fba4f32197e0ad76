import type { AnswerQuery, AnswerQueryResult } from './answerIndex';
import type { FromWorker, SearchReply, ToWorker } from './protocol';
import { canShareMemory, createReplySlotBuffer, ReplySlotReader } from './replySlot';

export interface SearchStatus {
  ready: boolean;
  count: number;
  /** During the first build: answers in the library, of which `count` are indexed so far. */
  total: number | null;
  /** Bumped each time the index changes, so views re-run their query. */
  version: number;
  error: string | null;
}

/** What `queryWithin` gives: the answer now, or the promise of it (as `query` would). */
export type QuickAnswer = { now: true; result: AnswerQueryResult | null } | { now: false; later: Promise<AnswerQueryResult | null> };

/**
 * One caller's line of queries (a search box): each query it asks makes its own older ones moot,
 * and only those. Two boxes searching at once (the desk under the palette) each get their answers.
 */
export interface SearchLane {
  /** The answer, or null if this lane asked again before it came (only its latest answer matters). */
  query(query: AnswerQuery): Promise<AnswerQueryResult | null>;
  /**
   * Asks, then waits for the answer on this thread for at most `ms` (see ReplySlotReader.replyWithin).
   * Made for the search box's input event: an answer that comes in time reaches the DOM in the same
   * frame as the typed letter. Without shared memory it never waits.
   */
  queryWithin(query: AnswerQuery, ms: number): QuickAnswer;
}

export interface SearchClient {
  /** A new lane of queries, one per search box. */
  lane(): SearchLane;
  status(): SearchStatus;
  subscribe(listener: () => void): () => void;
}

/** The worker as the client uses it: a Worker, or anything that talks the same way (tests). */
export type SearchWorkerPort = Pick<Worker, 'postMessage'> & { onmessage: ((event: MessageEvent<FromWorker>) => void) | null };

/**
 * Talks to the search worker. Answers come back through a reply slot in shared memory where the
 * page may share memory (see replySlot.ts for why), else by message.
 */
export function createSearchClient(worker: SearchWorkerPort, { shareMemory = canShareMemory() } = {}): SearchClient {
  let status: SearchStatus = { ready: false, count: 0, total: null, version: 0, error: null };
  const listeners = new Set<() => void>();
  /** A query not answered yet: whose it is, and what it asked (to ask again if its answer is lost). */
  interface Waiting {
    lane: { newest: number };
    query: AnswerQuery;
    resolve: (result: AnswerQueryResult | null) => void;
  }
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  const setStatus = (next: Partial<SearchStatus>) => {
    status = { ...status, ...next };
    for (const l of listeners) l();
  };
  const send = (message: ToWorker) => worker.postMessage(message);

  const slotBuffer = shareMemory ? createReplySlotBuffer() : null;
  const slot = slotBuffer && new ReplySlotReader(slotBuffer);
  if (slotBuffer) send({ type: 'reply-slot', buffer: slotBuffer });

  /**
   * Resolves query `answered`, and every older one still waiting: as moot if its lane has asked
   * since, else by asking again. The worker answers in order, so an older query's answer was
   * written before this one, and the slot holds one answer: another lane's newer query may have
   * taken its place before it was read.
   */
  const settle = (answered: number, reply: SearchReply) => {
    // Marks let `npm run bench` split keystroke-to-screen time into its parts.
    const toLocal = (epoch: number) => epoch - performance.timeOrigin;
    performance.mark('calma:search-worker-received', { startTime: toLocal(reply.timing.receivedAt) });
    performance.mark('calma:search-worker-replied', { startTime: toLocal(reply.timing.repliedAt) });
    performance.mark('calma:search-result');
    for (const [n, asked] of waiting) {
      if (n > answered) continue;
      waiting.delete(n);
      if (n === answered) asked.resolve(reply.result);
      else if (asked.lane.newest > n) asked.resolve(null);
      else watchSlot(dispatch(asked));
    }
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'result') settle(message.seq, message.reply);
    else if (message.type === 'progress') setStatus({ count: message.indexed, total: message.total, version: status.version + 1 });
    else if (message.type === 'ready') setStatus({ ready: true, count: message.count, total: null, version: status.version + 1 });
    else if (message.type === 'reindexed') setStatus({ count: message.count, version: status.version + 1 });
    else setStatus({ error: message.message });
  };

  /** Sends a query under a new number, which becomes its lane's newest. */
  function dispatch(asked: Waiting): number {
    seq += 1;
    asked.lane.newest = seq;
    waiting.set(seq, asked);
    performance.mark('calma:search-sent');
    send({ type: 'query', seq, query: asked.query });
    return seq;
  }
  const ask = (lane: Waiting['lane'], query: AnswerQuery) => {
    let resolve!: Waiting['resolve'];
    const answered = new Promise<AnswerQueryResult | null>((r) => (resolve = r));
    return { mine: dispatch({ lane, query, resolve }), answered };
  };
  function watchSlot(mine: number) {
    void slot?.reply(mine).then((reply) => {
      if (reply) settle(mine, reply as SearchReply);
    });
  }

  return {
    lane() {
      const lane = { newest: 0 };
      return {
        query(query) {
          const { mine, answered } = ask(lane, query);
          watchSlot(mine);
          return answered;
        },
        queryWithin(query, ms) {
          const { mine, answered } = ask(lane, query);
          const reply = slot?.replyWithin(mine, ms) as SearchReply | null | undefined;
          if (reply) {
            settle(mine, reply);
            return { now: true, result: reply.result };
          }
          // Gone by message or still coming: the usual paths deliver it.
          if (reply === undefined) watchSlot(mine);
          return { now: false, later: answered };
        },
      };
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
