import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyPressLatencies, type TraceEvent } from '../../../scripts/bench/eventLatency.mjs';

const latency = (ph: 'b' | 'e', ts: number, local: string, type?: string, pid = 1): TraceEvent => ({
  name: 'EventLatency',
  ph,
  pid,
  ts,
  id2: { local },
  args: ph === 'b' ? { event_latency: { event_type: type } } : {},
});

describe('keyPressLatencies', () => {
  it('pairs each key press with its end, in milliseconds, and leaves out releases and other events', () => {
    const events = [
      latency('b', 1_000, '0x1', 'KEY_PRESSED'),
      latency('b', 1_500, '0x2', 'KEY_RELEASED'),
      { name: 'Graphics.Pipeline', ph: 'X', pid: 1, ts: 1_200 },
      latency('e', 2_000, '0x2'),
      latency('e', 14_250, '0x1'),
    ];
    expect(keyPressLatencies(events)).toEqual([13.25]);
  });

  it('reads ids per process, and leaves out halves that have no partner', () => {
    const events = [
      latency('b', 0, '0x1', 'KEY_PRESSED', 1),
      latency('b', 100, '0x1', 'KEY_PRESSED', 2),
      latency('e', 16_100, '0x1', undefined, 2),
      latency('e', 50, '0x9'),
    ];
    expect(keyPressLatencies(events)).toEqual([16]);
  });

  it('finds the same latencies whatever order the threads flushed the events in', () => {
    const presses = fc.array(fc.record({ start: fc.nat(1_000_000), took: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 20 });
    fc.assert(
      fc.property(presses, fc.infiniteStream(fc.nat()), (keys, shuffle) => {
        const events = keys.flatMap((k, i) => [latency('b', k.start, `0x${i}`, 'KEY_PRESSED'), latency('e', k.start + k.took, `0x${i}`)]);
        const order = shuffle.take(events.length);
        const shuffled = events.map((e, i) => ({ e, key: order.next().value as number, i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.e);
        const expected = keys.map((k) => k.took / 1000).sort((a, b) => a - b);
        expect([...keyPressLatencies(shuffled)].sort((a, b) => a - b)).toEqual(expected);
      }),
    );
  });
});
