/**
 * A reply slot: memory shared by the console and its search worker, where the worker writes each
 * query's answer and the console picks it up with Atomics.waitAsync.
 *
 * Why not just postMessage: right after a keystroke, Chromium holds back posted tasks (a worker's
 * message among them) until the next frame has been painted, to get the typed letter on screen
 * sooner (its "defer renderer tasks after input" policy). The answer, ready in a millisecond or
 * two, then waits a whole frame, and the results show one frame after the letter. A waitAsync
 * wake-up is not held back, so the results can join the letter's own frame. Measured in
 * `npm run bench` (keystroke → on screen) and in a bare page: about 14 ms with the slot against
 * about 30 ms by message.
 *
 * Shared memory needs a cross-origin isolated page (COOP and COEP headers, see
 * shared/security/isolation.ts). Where it is not, or an answer does not fit, the worker posts the
 * answer as a message as before.
 *
 * The console may also wait for an answer on its own thread, for a few milliseconds, inside the
 * input event (`replyWithin`): then the results are in the DOM before Chromium renders the frame
 * with the typed letter, as if the search ran on the console's thread. The worker says when it is
 * busy indexing, so the console does not wait for an answer that cannot come in time.
 *
 * Layout: three Int32 cells (and one spare, for alignment), then the bytes of the answer as UTF-8 JSON.
 * - SEQ: the query number whose answer the bytes hold; WRITING while the worker writes.
 * - LENGTH: how many bytes; SENT_BY_MESSAGE if that query's answer went by message instead.
 * - BUSY: 1 while the worker is indexing and cannot answer at once, else 0.
 * The console copies the bytes and then reads SEQ again: if the worker started another answer
 * meanwhile, the copy may be torn and is dropped (a seqlock), and the newer answer is the one
 * wanted anyway.
 */
const SEQ = 0;
const LENGTH = 1;
const BUSY = 2;
const HEADER_BYTES = 16;
const WRITING = 0;
const SENT_BY_MESSAGE = -1;

/** Room for a page of results with room to spare; a larger answer goes by message. */
export const REPLY_SLOT_BYTES = 512 * 1024;

/** Whether this page may share memory with its worker and wait on it without blocking. */
export function canShareMemory(scope: { crossOriginIsolated?: boolean } = globalThis): boolean {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' && typeof Atomics.waitAsync === 'function';
}

export function createReplySlotBuffer(bytes = REPLY_SLOT_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + bytes);
}

/** The slot's two parts, as both sides see them. */
abstract class ReplySlot {
  protected readonly header: Int32Array;
  protected readonly body: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 3);
    this.body = new Uint8Array(buffer, HEADER_BYTES);
  }
}

/** The worker's side: writes answers, or says an answer went by message. */
export class ReplySlotWriter extends ReplySlot {
  private readonly encoder = new TextEncoder();

  /** Writes `reply` as the answer to query `seq`; false (and nothing written) if it does not fit. */
  write(seq: number, reply: unknown): boolean {
    // Encoded apart, then copied: Chromium's encodeInto refuses shared memory.
    const bytes = this.encoder.encode(JSON.stringify(reply));
    if (bytes.length > this.body.length) return false;
    Atomics.store(this.header, SEQ, WRITING);
    this.body.set(bytes);
    this.publish(seq, bytes.length);
    return true;
  }

  /** Tells the console that query `seq`'s answer comes by message, so it stops waiting here. */
  sentByMessage(seq: number): void {
    Atomics.store(this.header, SEQ, WRITING);
    this.publish(seq, SENT_BY_MESSAGE);
  }

  /** Says whether the worker is busy (indexing) and would answer a query only once that is done. */
  setBusy(busy: boolean): void {
    Atomics.store(this.header, BUSY, busy ? 1 : 0);
  }

  private publish(seq: number, length: number): void {
    Atomics.store(this.header, LENGTH, length);
    Atomics.store(this.header, SEQ, seq);
    Atomics.notify(this.header, SEQ);
  }
}

/** The console's side: waits for the answer to one query. */
export class ReplySlotReader extends ReplySlot {
  private readonly decoder = new TextDecoder();

  /**
   * The answer to query `seq` once the worker has written it, or null when it will not be found
   * here: it went by message, or a later query's answer has already taken the slot.
   */
  async reply(seq: number): Promise<unknown> {
    for (;;) {
      const found = this.peek(seq);
      if (found.state === 'answer') return found.value;
      if (found.state === 'elsewhere') return null;
      const waiting = Atomics.waitAsync(this.header, SEQ, found.seq);
      if (waiting.async) await waiting.value;
    }
  }

  /**
   * Waits on this thread, blocking it, for at most `ms` for the answer to query `seq`: the answer,
   * null as in `reply`, or undefined if it did not come in time or the worker is busy indexing (it
   * would not answer in time, so waiting would only hold the thread).
   *
   * A spin, not Atomics.wait: a page's main thread may not block in Atomics.wait. It is meant for
   * the few milliseconds a query takes, spent where the thread would otherwise sit idle until the
   * answer came anyway.
   */
  replyWithin(seq: number, ms: number, clock: () => number = () => performance.now()): unknown {
    const deadline = clock() + ms;
    for (;;) {
      const found = this.peek(seq);
      if (found.state === 'answer') return found.value;
      if (found.state === 'elsewhere') return null;
      if (Atomics.load(this.header, BUSY) === 1 || clock() >= deadline) return undefined;
    }
  }

  /** What the slot holds for query `seq` right now. */
  private peek(seq: number): { state: 'answer'; value: unknown } | { state: 'elsewhere' } | { state: 'pending'; seq: number } {
    for (;;) {
      const current = Atomics.load(this.header, SEQ);
      if (current > seq) return { state: 'elsewhere' };
      if (current !== seq) return { state: 'pending', seq: current };
      const length = Atomics.load(this.header, LENGTH);
      if (length === SENT_BY_MESSAGE) return { state: 'elsewhere' };
      // A copy first: TextDecoder refuses shared memory, and the check below needs a still copy.
      const copy = this.body.slice(0, length);
      if (Atomics.load(this.header, SEQ) === seq) return { state: 'answer', value: JSON.parse(this.decoder.decode(copy)) as unknown };
    }
  }
}
