import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CHANNEL_RULES, checkLength, type LengthCheck, type RevisionStatus } from '../../../shared/domain';
import { CONFIRMATIONS, copyNeeds, missingConfirmation, overLimitOf, type Confirmation } from '../../../renderer/src/features/answers/copyConfirmations';

const STATUSES: RevisionStatus[] = ['draft', 'approved', 'expired', 'superseded'];
const status = fc.constantFrom(...STATUSES);
/** Any length against a limit that is set or not, including the edges around it. */
const check: fc.Arbitrary<LengthCheck> = fc
  .tuple(fc.nat({ max: 70_000 }), fc.option(fc.integer({ min: 1, max: 64_000 }), { nil: null }), fc.integer({ min: -2, max: 2 }))
  .map(([length, limit, nudge]) => {
    const n = limit === null ? length : Math.max(0, limit + nudge);
    return { length: n, limit, over: limit !== null && n > limit };
  });
const ticks = fc.record({ unapproved: fc.boolean(), overLimit: fc.boolean() });

describe('which confirmations a copy needs', () => {
  it('asks about approval exactly when the text is not approved, and about length exactly when it is over a set limit', () => {
    fc.assert(
      fc.property(status, check, (s, c) => {
        const needs = copyNeeds(s, c);
        expect(needs.includes('unapproved')).toBe(s !== 'approved');
        expect(needs.includes('overLimit')).toBe(c.limit !== null && c.length > c.limit);
        // In the order the dialog shows the boxes, each at most once.
        expect(needs).toEqual(CONFIRMATIONS.filter((x) => needs.includes(x)));
      }),
    );
  });

  it('never asks about length on a channel without a limit, however long the text', () => {
    const unlimited = CHANNELS.filter((c) => CHANNEL_RULES[c].limit === null);
    expect(unlimited).toEqual(['email', 'press']);
    fc.assert(
      fc.property(status, fc.constantFrom(...unlimited), fc.string({ minLength: 0, maxLength: 400 }), fc.nat({ max: 20 }), (s, channel, text, times) => {
        const c = checkLength(text.repeat(times), channel);
        expect(copyNeeds(s, c)).not.toContain('overLimit');
        expect(overLimitOf(c)).toBeNull();
      }),
    );
  });

  it('counts as the channel does: on X a long link is 23, so it does not ask when the text fits that way', () => {
    const text = `${'a'.repeat(250)} https://example.com/${'p'.repeat(300)}`;
    expect(text.length).toBeGreaterThan(280);
    expect(copyNeeds('approved', checkLength(text, 'x'))).toEqual([]);
    expect(copyNeeds('approved', checkLength(text, 'sms'))).toEqual(['overLimit']);
    expect(overLimitOf(checkLength(text, 'sms'))).toEqual({ length: text.length, limit: 160 });
  });

  it('lets the copy go only when every needed box is ticked, and otherwise asks for the first one missing', () => {
    fc.assert(
      fc.property(status, check, ticks, (s, c, ticked) => {
        const needs = copyNeeds(s, c);
        const missing = missingConfirmation(needs, ticked);
        const unticked = needs.filter((n) => !ticked[n]);
        expect(missing).toBe(unticked[0] ?? null);
        // A box ticked that is not needed changes nothing.
        const extra = Object.fromEntries(CONFIRMATIONS.map((n) => [n, needs.includes(n) ? ticked[n] : true])) as Record<Confirmation, boolean>;
        expect(missingConfirmation(needs, extra)).toBe(missing);
      }),
    );
  });

  it('walks through the boxes in order: ticking the one asked for either lets the copy go or asks for a later one', () => {
    fc.assert(
      fc.property(status, check, (s, c) => {
        const needs = copyNeeds(s, c);
        const ticked: Partial<Record<Confirmation, boolean>> = {};
        const asked: Confirmation[] = [];
        for (let m = missingConfirmation(needs, ticked); m !== null; m = missingConfirmation(needs, ticked)) {
          asked.push(m);
          ticked[m] = true;
        }
        expect(asked).toEqual(needs);
      }),
    );
  });

  it('records the length and the limit only when over, and then always longer than the limit', () => {
    fc.assert(
      fc.property(check, (c) => {
        const record = overLimitOf(c);
        if (!c.over) expect(record).toBeNull();
        else expect(record).toEqual({ length: c.length, limit: c.limit });
        if (record) expect(record.length).toBeGreaterThan(record.limit);
      }),
    );
  });
});
