import fc from 'fast-check';
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
    expect(await client.lane().query(query('crisis'))).toEqual(resultFor('crisis'));
    expect(emit).toHaveBeenCalledTimes(1);
  });

  it('gets answers through the reply slot where it can, with no message', async () => {
    const worker = fakeWorker();
    const emit = vi.spyOn(worker, 'emit');
    const lane = createSearchClient(worker, { shareMemory: true }).lane();
    expect(await lane.query(query('crisis'))).toEqual(resultFor('crisis'));
    expect(await lane.query(query('caída'))).toEqual(resultFor('caída'));
    expect(emit).not.toHaveBeenCalled();
  });

  it('takes an answer that did not fit in the slot by message', async () => {
    const worker = fakeWorker({ fits: (text) => text !== 'long' });
    const lane = createSearchClient(worker, { shareMemory: true }).lane();
    expect(await lane.query(query('long'))).toEqual(resultFor('long'));
    expect(await lane.query(query('short'))).toEqual(resultFor('short'));
  });

  it.each([true, false])('resolves a query overtaken by a newer answer with null (shared memory: %s)', async (shareMemory) => {
    const worker = fakeWorker({ hold: true });
    const lane = createSearchClient(worker, { shareMemory }).lane();
    const first = lane.query(query('c'));
    const second = lane.query(query('cr'));
    worker.answerAll();
    expect(await second).toEqual(resultFor('cr'));
    // By message every query gets its own answer; in the slot the older one was overwritten.
    expect(await first).toEqual(shareMemory ? null : resultFor('c'));
  });

  it('answers each lane its latest query when two lanes ask at once and the slot keeps only one', async () => {
    const worker = fakeWorker({ hold: true });
    const client = createSearchClient(worker, { shareMemory: true });
    const desk = client.lane();
    const palette = client.lane();
    const deskOld = desk.query(query('c'));
    const deskNow = desk.query(query('crisis'));
    const paletteNow = palette.query(query('caída'));
    const asked = vi.spyOn(worker, 'postMessage');
    worker.answerAll(); // the palette's answer overwrites the desk's before it is read
    expect(await paletteNow).toEqual(resultFor('caída'));
    expect(await deskOld).toBeNull();
    // The desk's latest query is asked again, once; its older one is not.
    expect(asked.mock.calls).toEqual([[expect.objectContaining({ type: 'query', query: query('crisis') })]]);
    worker.answerAll();
    expect(await deskNow).toEqual(resultFor('crisis'));
  });

  it('answers every lane, whatever the order of asking and answering (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 12 }), async (steps) => {
        const worker = fakeWorker({ hold: true });
        const client = createSearchClient(worker, { shareMemory: true });
        const lanes = [client.lane(), client.lane(), client.lane()];
        const latest = new Map<number, { text: string; answer: Promise<AnswerQueryResult | null> }>();
        steps.forEach(([which, answerNow], i) => {
          const text = `q${which}-${i}`;
          latest.set(which, { text, answer: lanes[which]!.query(query(text)) });
          if (answerNow) worker.answerAll();
        });
        // The worker keeps answering whatever is asked, re-asks included, until all is quiet.
        for (let round = 0; round < 10; round++) {
          worker.answerAll();
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        for (const { text, answer } of latest.values()) expect(await answer).toEqual(resultFor(text));
      }),
      { numRuns: 60 },
    );
  });

  describe('asking from the input event (queryWithin)', () => {
    /** Asks with a worker holding its answer: not answered now, then the promise gets the answer. */
    async function answeredLater(shareMemory: boolean, ms: number) {
      const worker = fakeWorker({ hold: true });
      const quick = createSearchClient(worker, { shareMemory }).lane().queryWithin(query('crisis'), ms);
      expect(quick.now).toBe(false);
      worker.answerAll();
      expect(quick.now === false && (await quick.later)).toEqual(resultFor('crisis'));
    }

    it('has the answer at once when the worker answers in time', async () => {
      const lane = createSearchClient(fakeWorker({ atOnce: true }), { shareMemory: true }).lane();
      expect(lane.queryWithin(query('crisis'), 50)).toEqual({ now: true, result: resultFor('crisis') });
    });

    it('hands over a promise when the answer is late, which the answer then keeps', () => answeredLater(true, 2));

    it('hands over a promise when the answer went by message', async () => {
      const lane = createSearchClient(fakeWorker({ atOnce: true, fits: () => false }), { shareMemory: true }).lane();
      const quick = lane.queryWithin(query('long'), 50);
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
