import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canShareMemory, createReplySlotBuffer, ReplySlotReader, ReplySlotWriter } from '../../../renderer/src/features/search/replySlot';

const slot = (bytes?: number) => {
  const buffer = createReplySlotBuffer(bytes);
  return { writer: new ReplySlotWriter(buffer), reader: new ReplySlotReader(buffer) };
};

/** Whether a promise has settled after everything already queued has run. */
async function settled<T>(promise: Promise<T>): Promise<{ done: boolean; value?: T }> {
  let state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => (state = { done: true, value }));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return state;
}

describe('the reply slot', () => {
  it('hands the answer written for a query to the reader of that query, text in any script intact', async () => {
    const { writer, reader } = slot();
    const reply = { hits: [{ id: 'a', title: 'Caída del servicio — 服务中断 🚨' }], total: 1 };
    expect(writer.write(1, reply)).toBe(true);
    expect(await reader.reply(1)).toEqual(reply);
  });

  it('makes a reader wait until its answer is written', async () => {
    const { writer, reader } = slot();
    const waiting = reader.reply(1);
    expect((await settled(waiting)).done).toBe(false);
    writer.write(1, { n: 1 });
    expect(await waiting).toEqual({ n: 1 });
  });

  it('says null when the answer went by message', async () => {
    const { writer, reader } = slot();
    const waiting = reader.reply(1);
    writer.sentByMessage(1);
    expect(await waiting).toBeNull();
  });

  it('says null to the reader of a query overtaken by a later answer', async () => {
    const { writer, reader } = slot();
    writer.write(1, { n: 1 });
    writer.write(2, { n: 2 });
    expect(await reader.reply(1)).toBeNull();
    expect(await reader.reply(2)).toEqual({ n: 2 });
  });

  it('refuses an answer that does not fit and leaves the slot as it was', async () => {
    const { writer, reader } = slot(64);
    writer.write(1, { n: 1 });
    expect(writer.write(2, { text: 'x'.repeat(100) })).toBe(false);
    expect(await reader.reply(1)).toEqual({ n: 1 });
    expect((await settled(reader.reply(2))).done).toBe(false);
  });

  it('fits an answer of exactly the slot size, counting UTF-8 bytes, not characters', async () => {
    const { writer, reader } = slot(16);
    expect(writer.write(1, 'ñññññññ')).toBe(true); // 2 quotes + 7 × 2 bytes = 16
    expect(await reader.reply(1)).toBe('ñññññññ');
    expect(writer.write(2, 'ññññññññ')).toBe(false); // 18 bytes
  });

  it('answers every reader correctly, whatever the order of writes, notices and reads', async () => {
    // Writes go in query order (the worker answers queries in order); each is an answer in the
    // slot or a notice that it went by message. A reader gets its own answer or null, never another's.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ inSlot: fc.boolean(), size: fc.nat(40), readAt: fc.nat(3) }), { minLength: 1, maxLength: 12 }), async (plan) => {
        const { writer, reader } = slot(256);
        const reads: Promise<{ seq: number; got: unknown }>[] = [];
        for (let i = 0; i < plan.length; i += 1) {
          const seq = i + 1;
          const { inSlot, size, readAt } = plan[i]!;
          const read = () => reads.push(reader.reply(seq).then((got) => ({ seq, got })));
          if (readAt === 0) read();
          if (inSlot) writer.write(seq, { seq, pad: 'é'.repeat(size) });
          else writer.sentByMessage(seq);
          if (readAt > 0) read();
        }
        for (const { seq, got } of await Promise.all(reads)) {
          const last = seq === plan.length;
          if (got !== null) expect(got).toEqual({ seq, pad: 'é'.repeat(plan[seq - 1]!.size) });
          // The last query is never overtaken: its reader gets its answer unless it went by message.
          if (last) expect(got === null).toBe(!plan[seq - 1]!.inSlot);
        }
      }),
    );
  });

  describe('waiting on this thread (replyWithin)', () => {
    /** A clock that moves 1 ms per reading, so a wait ends without real time passing. */
    const ticking = () => {
      let now = 0;
      const clock = () => (now += 1);
      return Object.assign(clock, { readings: () => now });
    };

    it('gives an answer already written, and null for one that went by message or was overtaken', () => {
      const { writer, reader } = slot();
      writer.write(1, { n: 1 });
      expect(reader.replyWithin(1, 5, ticking())).toEqual({ n: 1 });
      writer.sentByMessage(2);
      expect(reader.replyWithin(2, 5, ticking())).toBeNull();
      writer.write(4, { n: 4 });
      expect(reader.replyWithin(3, 5, ticking())).toBeNull();
    });

    it('gives up after its time when no answer comes, and the answer still reaches a later reply()', async () => {
      const { writer, reader } = slot();
      const clock = ticking();
      expect(reader.replyWithin(1, 20, clock)).toBeUndefined();
      expect(clock.readings()).toBeGreaterThanOrEqual(20);
      const later = reader.reply(1);
      writer.write(1, { n: 1 });
      expect(await later).toEqual({ n: 1 });
    });

    it('does not wait while the worker says it is busy indexing, and waits again once it is not', () => {
      const { writer, reader } = slot();
      writer.setBusy(true);
      const clock = ticking();
      expect(reader.replyWithin(1, 1000, clock)).toBeUndefined();
      expect(clock.readings()).toBeLessThan(5);
      writer.setBusy(false);
      const idle = ticking();
      expect(reader.replyWithin(1, 50, idle)).toBeUndefined();
      expect(idle.readings()).toBeGreaterThanOrEqual(50);
    });

    it('still gives an answer written while the worker was busy', () => {
      const { writer, reader } = slot();
      writer.setBusy(true);
      writer.write(1, { n: 1 });
      expect(reader.replyWithin(1, 5, ticking())).toEqual({ n: 1 });
    });
  });

  it('is used only where the page is cross-origin isolated', () => {
    expect(canShareMemory({ crossOriginIsolated: true })).toBe(true);
    expect(canShareMemory({ crossOriginIsolated: false })).toBe(false);
    expect(canShareMemory({})).toBe(false);
  });
});
