import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextMoment } from '../../../renderer/src/app/useNow';

describe('the next moment to wake at', () => {
  it('is the earliest moment strictly after now, or none', () => {
    expect(nextMoment([], 10)).toBeNull();
    expect(nextMoment([5, 10], 10)).toBeNull();
    expect(nextMoment([30, 11, 20, 5], 10)).toBe(11);
  });

  it('is never at or before now, and no moment after now comes before it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (moments, now) => {
        const next = nextMoment(moments, now);
        const later = moments.filter((m) => m > now);
        if (later.length === 0) expect(next).toBeNull();
        else expect(next).toBe(Math.min(...later));
      }),
    );
  });
});
