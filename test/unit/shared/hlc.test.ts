import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, compareHlc, formatHlc, HlcClock, MAX_DRIFT_MS, parseHlc } from '../../../shared/hlc';

describe('HLC', () => {
  it('formats and parses stamps that sort lexically in time order', () => {
    const a = formatHlc({ millis: 1_700_000_000_000, counter: 5, node: 'dev1' });
    expect(parseHlc(a)).toEqual({ millis: 1_700_000_000_000, counter: 5, node: 'dev1' });
    expect(compareHlc(a, formatHlc({ millis: 1_700_000_000_000, counter: 6, node: 'a' }))).toBe(-1);
    expect(compareHlc(a, formatHlc({ millis: 1_700_000_000_001, counter: 0, node: 'a' }))).toBe(-1);
  });

  it('rejects malformed stamps and node ids', () => {
    expect(() => parseHlc('nope')).toThrow(/not an HLC/);
    expect(() => new HlcClock('bad node!')).toThrow(/invalid HLC node/);
  });

  it('keeps ticking forward when the wall clock goes backwards', () => {
    let wall = 1000;
    const clock = new HlcClock('n1', () => wall);
    const first = clock.tick();
    wall = 500;
    const second = clock.tick();
    expect(compareHlc(second, first)).toBe(1);
  });

  it('refuses a remote stamp too far in the future', () => {
    const clock = new HlcClock('n1', () => 1_000_000);
    const remote = formatHlc({ millis: 1_000_000 + MAX_DRIFT_MS + 1, counter: 0, node: 'n2' });
    expect(() => clock.receive(remote)).toThrow(ClockDriftError);
  });

  it('restores from the last stamp so a restart never reissues an old stamp', () => {
    const clock = new HlcClock('n1', () => 10);
    const last = clock.tick();
    const restarted = new HlcClock('n1', () => 5, last);
    expect(compareHlc(restarted.tick(), last)).toBe(1);
  });

  test.prop([fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })), { maxLength: 200 })])(
    'every stamp issued is greater than every stamp issued or received before it',
    (events) => {
      let wall = 0;
      const clock = new HlcClock('local', () => wall);
      let highest = '';
      for (const [isReceive, wallAt, remoteAt] of events) {
        wall = wallAt;
        const stamp = isReceive
          ? clock.receive(formatHlc({ millis: Math.min(remoteAt, wallAt + MAX_DRIFT_MS), counter: 0, node: 'remote' }))
          : clock.tick();
        expect(stamp > highest).toBe(true);
        highest = stamp;
      }
    },
  );
});
