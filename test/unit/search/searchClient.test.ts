import { describe, expect, it, vi } from 'vitest';
import type { AnswerQuery, AnswerQueryResult } from '../../../renderer/src/features/search/answerIndex';
import type { FromWorker, ToWorker } from '../../../renderer/src/features/search/protocol';
import { ReplySlotWriter } from '../../../renderer/src/features/search/replySlot';
import { createSearchClient, type SearchWorkerPort } from '../../../renderer/src/features/search/searchClient';

const query = (text: string): AnswerQuery => ({ text, filters: { channel: null, lang: null, status: null }, locale: 'es', limit: 10, now: 0 });
const resultFor = (text: string) => ({ hits: [], total: text.length, more: false, complete: true }) as unknown as AnswerQueryResult;
const timing = { receivedAt: Date.now(), repliedAt: Date.now() };

/**
 * A stand-in for the search worker that answers like the real one: in the reply slot when it has
 * one and the answer fits (`fits`), else by message. `hold` keeps queries until `answerAll()`;
 * `atOnce` answers inside postMessage, as a worker on another thread may while the page waits.
 */
function fakeWorker({ fits = () => true, hold = false, atOnce = false }: { fits?: (text: string) => boolean; hold?: boolean; atOnce?: boolean } = {}) {
  let slot: ReplySlotWriter | null = null;
  const held: Extract<ToWorker, { type: 'query' }>[] = [];
  const port: SearchWorkerPort & { emit(message: FromWorker): void; answerAll(): void } = {
    onmessage: null,
    emit(message) {
      port.onmessage?.({ data: message } as MessageEvent<FromWorker>);
    },
    answerAll() {
      for (const message of held.splice(0)) answer(message);
    },
    postMessage(message: ToWorker) {
      if (message.type === 'reply-slot') slot = new ReplySlotWriter(message.buffer);
      else if (hold) held.push(message);
      else if (atOnce) answer(message);
      else queueMicrotask(() => answer(message));
    },
  };
  function answer({ seq, query: { text } }: Extract<ToWorker, { type: 'query' }>) {
    const reply = { result: resultFor(text), timing };
    if (slot && fits(text) && slot.write(seq, reply)) return;
    slot?.sentByMessage(seq);
    port.emit({ type: 'result', seq, reply });
  }
  return port;
}

describe('the search client', () => {
  it('gets answers by message where the page cannot share memory', async () => {
    const worker = fakeWorker();
    const emit = vi.spyOn(worker, 'emit');
    const client = createSearchClient(worker, { shareMemory: false });
    expect(await client.query(query('crisis'))).toEqual(resultFor('crisis'));
    expect(emit).toHaveBeenCalledTimes(1);
  });

  it('gets answers through the reply slot where it can, with no message', async () => {
    const worker = fakeWorker();
    const emit = vi.spyOn(worker, 'emit');
    const client = createSearchClient(worker, { shareMemory: true });
    expect(await client.query(query('crisis'))).toEqual(resultFor('crisis'));
    expect(await client.query(query('caída'))).toEqual(resultFor('caída'));
    expect(emit).not.toHaveBeenCalled();
  });

  it('takes an answer that did not fit in the slot by message', async () => {
    const worker = fakeWorker({ fits: (text) => text !== 'long' });
    const client = createSearchClient(worker, { shareMemory: true });
    expect(await client.query(query('long'))).toEqual(resultFor('long'));
    expect(await client.query(query('short'))).toEqual(resultFor('short'));
  });

  it.each([true, false])('resolves a query overtaken by a newer answer with null (shared memory: %s)', async (shareMemory) => {
    const worker = fakeWorker({ hold: true });
    const client = createSearchClient(worker, { shareMemory });
    const first = client.query(query('c'));
    const second = client.query(query('cr'));
    worker.answerAll();
    expect(await second).toEqual(resultFor('cr'));
    // By message every query gets its own answer; in the slot the older one was overwritten.
    expect(await first).toEqual(shareMemory ? null : resultFor('c'));
  });

  describe('asking from the input event (queryWithin)', () => {
    /** Asks with a worker holding its answer: not answered now, then the promise gets the answer. */
    async function answeredLater(shareMemory: boolean, ms: number) {
      const worker = fakeWorker({ hold: true });
      const quick = createSearchClient(worker, { shareMemory }).queryWithin(query('crisis'), ms);
      expect(quick.now).toBe(false);
      worker.answerAll();
      expect(quick.now === false && (await quick.later)).toEqual(resultFor('crisis'));
    }

    it('has the answer at once when the worker answers in time', async () => {
      const client = createSearchClient(fakeWorker({ atOnce: true }), { shareMemory: true });
      expect(client.queryWithin(query('crisis'), 50)).toEqual({ now: true, result: resultFor('crisis') });
    });

    it('hands over a promise when the answer is late, which the answer then keeps', () => answeredLater(true, 2));

    it('hands over a promise when the answer went by message', async () => {
      const client = createSearchClient(fakeWorker({ atOnce: true, fits: () => false }), { shareMemory: true });
      const quick = client.queryWithin(query('long'), 50);
      expect(quick.now === false && (await quick.later)).toEqual(resultFor('long'));
    });

    it('never waits where the page cannot share memory', () => answeredLater(false, 60_000));
  });

  it('keeps the index status and tells subscribers', () => {
    const worker = fakeWorker();
    const client = createSearchClient(worker, { shareMemory: false });
    const listener = vi.fn();
    client.subscribe(listener);
    worker.emit({ type: 'progress', indexed: 250, total: 1000 });
    expect(client.status()).toMatchObject({ ready: false, count: 250, total: 1000, version: 1 });
    worker.emit({ type: 'ready', count: 1000, millis: 5 });
    expect(client.status()).toMatchObject({ ready: true, count: 1000, total: null, version: 2 });
    worker.emit({ type: 'error', message: 'IndexedDB gone' });
    expect(client.status().error).toBe('IndexedDB gone');
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
