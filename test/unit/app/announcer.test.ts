import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_JOINED_LINES, TOAST_MS, useAnnouncer } from '../../../renderer/src/app/announcer';

const state = () => useAnnouncer.getState();
const texts = () => state().lines.map((l) => l.text);

describe('the announcer', () => {
  beforeEach(() => state().clear());

  it('a plain message replaces a plain one shown', () => {
    state().announce('Saved');
    state().announce('Copied');
    expect(state().message).toBe('Copied');
    expect(texts()).toEqual(['Copied']);
  });

  it('joined messages pile up as lines while one is shown, so none is lost', () => {
    state().announce('Eva: no answer. Call Luis now.', 'info', { join: true });
    state().announce('Nadia: nobody reached.', 'info', { join: true });
    state().announce('Luis: no answer. Call Marta now.', 'info', { join: true });
    expect(state().message.split('\n')).toEqual(['Eva: no answer. Call Luis now.', 'Nadia: nobody reached.', 'Luis: no answer. Call Marta now.']);
  });

  it('a joined message arriving while a plain one is shown keeps the plain one as its first line', () => {
    state().announce('Ana A: deleted');
    state().announce('Fire: Ana A: nobody left to call.', 'info', { join: true });
    expect(texts()).toEqual(['Ana A: deleted', 'Fire: Ana A: nobody left to call.']);
  });

  it('a plain message arriving while joined lines are shown is added, not put in their place', () => {
    state().announce('Fire: Ana A: nobody left to call.', 'info', { join: true });
    state().announce('Ana A: deleted');
    state().announce('Copied');
    expect(texts()).toEqual(['Fire: Ana A: nobody left to call.', 'Ana A: deleted', 'Copied']);
  });

  it('once cleared, nothing joins: the next message starts a toast of its own', () => {
    state().announce('Eva: no answer.', 'info', { join: true });
    state().clear();
    state().announce('Luis: no answer.', 'info', { join: true });
    expect(texts()).toEqual(['Luis: no answer.']);
    state().clear();
    state().announce('Copied');
    state().announce('Saved');
    expect(texts()).toEqual(['Saved']);
  });

  describe('with the clock', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-05-11T08:00:00Z') }));
    afterEach(() => vi.useRealTimers());

    it('a toast whose time is up is not joined, even before the timer that clears it has run (a console waking from sleep)', () => {
      state().announce('Carla Ruiz: No answer, recorded.');
      vi.advanceTimersByTime(TOAST_MS);
      state().announce('No answer from Carla Ruiz in 5 min. Call Dani Vega now.', 'info', { join: true });
      expect(texts()).toEqual(['No answer from Carla Ruiz in 5 min. Call Dani Vega now.']);
      vi.advanceTimersByTime(TOAST_MS + 1);
      state().announce('Carla Ruiz saved.');
      expect(texts()).toEqual(['Carla Ruiz saved.']);
    });

    it('each message gives the toast its full time again, so lines joined keep joining', () => {
      state().announce('Eva: no answer.', 'info', { join: true });
      vi.advanceTimersByTime(TOAST_MS - 1);
      state().announce('Saved');
      vi.advanceTimersByTime(TOAST_MS - 1);
      state().announce('Copied');
      expect(texts()).toEqual(['Eva: no answer.', 'Saved', 'Copied']);
    });
  });

  it('drops the oldest messages whole: never a heading without its lines', () => {
    state().announce('Nadia: nobody reached.', 'info', { join: true });
    state().announce(['Fire: 3 timeouts', 'Eva → Luis', 'Ana → Bea', 'Olga → Pau'], 'info', { join: true });
    expect(texts()).toHaveLength(5);
    state().announce(['Flood: 2 timeouts', 'Eva → Luis', 'Ana → Bea'], 'info', { join: true });
    // 8 lines do not fit in 6: the oldest message goes (1 line), then the 4-line batch, whole.
    expect(texts()).toEqual(['Flood: 2 timeouts', 'Eva → Luis', 'Ana → Bea']);
  });

  it('keeps the newest message whole even when it alone has more lines than fit', () => {
    state().announce('Copied');
    const many = ['Fire: 8 timeouts', ...Array.from({ length: MAX_JOINED_LINES + 1 }, (_, i) => `line ${i}`)];
    state().announce(many, 'info', { join: true });
    expect(texts()).toEqual(many);
  });

  it('an error among the lines keeps the toast an error, until that line goes', () => {
    state().announce('could not record', 'error', { join: true });
    state().announce('Eva: no answer.', 'info', { join: true });
    expect(state().tone).toBe('error');
    for (let i = 0; i < MAX_JOINED_LINES; i += 1) state().announce(`line ${i}`, 'info', { join: true });
    expect(texts()).toHaveLength(MAX_JOINED_LINES);
    expect(texts().at(-1)).toBe(`line ${MAX_JOINED_LINES - 1}`);
    expect(state().tone).toBe('info');
  });

  it('every announcement gets a new id (the toast restarts its timer); every line a number of its own that it keeps', () => {
    const before = state().id;
    state().announce('a', 'info', { join: true });
    state().announce(['b', 'c'], 'info', { join: true });
    expect(state().id).toBe(before + 2);
    const seqOfB = state().lines[1]!.seq;
    for (let i = 0; i < MAX_JOINED_LINES; i += 1) state().announce(`x${i}`, 'info', { join: true });
    expect(state().lines.find((l) => l.text === 'b')).toBeUndefined();
    expect(new Set(state().lines.map((l) => l.seq)).size).toBe(state().lines.length);
    expect(state().lines.every((l) => l.seq > seqOfB)).toBe(true);
  });

  test.prop([
    fc.array(
      fc.record({
        lines: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        join: fc.boolean(),
        clearFirst: fc.boolean(),
      }),
      { minLength: 1, maxLength: 20 },
    ),
  ])('lines shown are whole messages, newest last, in the order they came, with numbers that only grow', (calls) => {
    state().clear();
    const sent = new Map<number, number>();
    for (const call of calls) {
      if (call.clearFirst) state().clear();
      state().announce(call.lines.length === 1 ? call.lines[0]! : call.lines, 'info', { join: call.join });
      sent.set(state().id, call.lines.length);
      const { lines } = state();
      // The newest message is shown whole, at the end.
      expect(lines.slice(-call.lines.length).map((l) => l.text)).toEqual(call.lines);
      // Every batch shown is whole (its lines are consecutive and its count matches what was sent).
      const batches = new Map<number, number>();
      for (const l of lines) batches.set(l.batch, (batches.get(l.batch) ?? 0) + 1);
      for (const [batch, count] of batches) expect(count).toBe(sent.get(batch));
      expect([...batches.keys()]).toEqual([...batches.keys()].sort((a, b) => a - b));
      // More than the cap only when the newest message alone is.
      if (lines.length > MAX_JOINED_LINES) expect(batches.size).toBe(1);
      expect(lines.map((l) => l.seq)).toEqual([...lines.map((l) => l.seq)].sort((a, b) => a - b));
      expect(state().message).toBe(lines.map((l) => l.text).join('\n'));
    }
  });
});
