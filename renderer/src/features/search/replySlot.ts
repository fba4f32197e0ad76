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
 * Layout: two Int32 cells, then the bytes of the answer as UTF-8 JSON.
 * - SEQ: the query number whose answer the bytes hold; WRITING while the worker writes.
 * - LENGTH: how many bytes; SENT_BY_MESSAGE if that query's answer went by message instead.
 * The console copies the bytes and then reads SEQ again: if the worker started another answer
 * meanwhile, the copy may be torn and is dropped (a seqlock), and the newer answer is the one
 * wanted anyway.
 */
const SEQ = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
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
    this.header = new Int32Array(buffer, 0, 2);
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
      const current = Atomics.load(this.header, SEQ);
      if (current === seq) {
        const length = Atomics.load(this.header, LENGTH);
        if (length === SENT_BY_MESSAGE) return null;
        // A copy first: TextDecoder refuses shared memory, and the check below needs a still copy.
        const copy = this.body.slice(0, length);
        if (Atomics.load(this.header, SEQ) === seq) return JSON.parse(this.decoder.decode(copy)) as unknown;
        continue;
      }
      if (current > seq) return null;
      const waiting = Atomics.waitAsync(this.header, SEQ, current);
      if (waiting.async) await waiting.value;
    }
  }
}
