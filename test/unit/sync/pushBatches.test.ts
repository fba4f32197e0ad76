import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { jsonBytes, splitByBytes } from '../../../shared/sync/byteBudget';
import { MAX_BODY_BYTES, MAX_PUSH_MUTATIONS, pushRequestSchema, type PushedMutation } from '../../../shared/sync/protocol';
import { nextPushRequest } from '../../../shared/sync/pushBatches';

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;

/** Text mixing one-, two-, three- and four-byte characters, as people write it. */
const text = (max: number) => fc.string({ unit: fc.constantFrom('a', ' ', 'ñ', 'é', '€', '“', '😀', '"', '\\', '\n'), maxLength: max });

function mutation(seq: number, notes: string): PushedMutation {
  return { seq, id: `m-${seq}`, name: 'person.create', args: { person: { id: `p-${seq}`, name: `Persona ${seq}`, notes } }, hlc: `001772359200000-${seq.toString(16).padStart(4, '0')}-dev`, at: '2026-03-01T10:00:00.000Z' };
}

describe('jsonBytes', () => {
  it('counts UTF-8 bytes of the JSON, not characters', () => {
    expect(jsonBytes({ a: 'ñ' })).toBe(utf8('{"a":"ñ"}'));
    expect(jsonBytes('😀')).toBe(6); // two quotes and four bytes, though the string has length 2
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
      }),
    );
  });
});

describe('splitByBytes', () => {
  it('cuts a list into consecutive parts whose JSON fits the budget, in order, losing nothing', () => {
    fc.assert(
      fc.property(fc.array(text(60), { maxLength: 40 }), fc.integer({ min: 2, max: 400 }), (items, budget) => {
        const parts = splitByBytes(items, budget);
        expect(parts.flat()).toEqual(items);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          // Only an item too heavy on its own may break the budget, and then it is alone.
          if (part.length > 1) expect(jsonBytes(part)).toBeLessThanOrEqual(budget);
        }
        // Greedy: each part would have gone over the budget with the next part's first item.
        for (let i = 0; i + 1 < parts.length; i += 1) expect(jsonBytes([...parts[i]!, parts[i + 1]![0]])).toBeGreaterThan(budget);
      }),
    );
  });
});

describe('nextPushRequest', () => {
  it('packs the first waiting mutations, in order, as many as fit the body limit, measured as sent', () => {
    fc.assert(
      fc.property(fc.array(text(300), { minLength: 1, maxLength: 30 }), fc.integer({ min: 200, max: 6000 }), (notes, budget) => {
        const waiting = notes.map((n, i) => mutation(i + 1, n));
        const { request, bytes } = nextPushRequest('dev', waiting, { budget });
        expect(bytes).toBe(utf8(JSON.stringify(request)));
        expect(pushRequestSchema.safeParse(request).success).toBe(true);
        expect(request.mutations).toEqual(waiting.slice(0, request.mutations.length));
        if (request.mutations.length > 1) expect(bytes).toBeLessThanOrEqual(budget);
        const next = waiting[request.mutations.length];
        if (next) expect(utf8(JSON.stringify({ deviceId: 'dev', mutations: [...request.mutations, next] }))).toBeGreaterThan(budget);
      }),
    );
  });

  it('splits by bytes where a count of characters would not: accented text weighs more than its length', () => {
    // Each note is 1.5 million characters of "é": 3 MB. Two are 3 million characters, under the
    // 4 MB limit counted as characters, but 6 MB on the wire.
    const waiting = [1, 2, 3].map((seq) => mutation(seq, 'é'.repeat(1_500_000)));
    expect(JSON.stringify({ deviceId: 'dev', mutations: waiting.slice(0, 2) }).length).toBeLessThan(MAX_BODY_BYTES);
    const { request, bytes } = nextPushRequest('dev', waiting);
    expect(request.mutations.map((m) => m.seq)).toEqual([1]);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it('never sends more than MAX_PUSH_MUTATIONS', () => {
    const waiting = Array.from({ length: MAX_PUSH_MUTATIONS + 20 }, (_, i) => mutation(i + 1, ''));
    expect(nextPushRequest('dev', waiting).request.mutations).toHaveLength(MAX_PUSH_MUTATIONS);
  });

  it('sends a mutation too large for any request withheld, without its arguments, so the rest is not blocked', () => {
    const huge = mutation(1, 'x'.repeat(MAX_BODY_BYTES));
    const small = mutation(2, 'small');
    const { request } = nextPushRequest('dev', [huge, small]);
    expect(request.mutations).toEqual([{ seq: 1, id: 'm-1', name: 'person.create', args: undefined, hlc: huge.hlc, at: huge.at, withheldBytes: jsonBytes(huge) }, small]);
    expect(JSON.stringify(request)).not.toContain('xxxx');
    expect(pushRequestSchema.safeParse(JSON.parse(JSON.stringify(request))).success).toBe(true);
    // A mutation that fits alone but not with the one before it waits for the next request.
    const big = mutation(2, 'x'.repeat(MAX_BODY_BYTES - 1000));
    expect(nextPushRequest('dev', [mutation(1, 'x'.repeat(2000)), big]).request.mutations.map((m) => m.seq)).toEqual([1]);
    expect(nextPushRequest('dev', [big, mutation(3, 'x'.repeat(2000))]).request.mutations).toEqual([big]);
  });

  it('tries a mutation over a lowered budget alone, and withholds it only when told (a proxy refused it alone)', () => {
    const waiting = [mutation(1, 'x'.repeat(5000)), mutation(2, '')];
    expect(nextPushRequest('dev', waiting, { budget: 1000 }).request.mutations).toEqual([waiting[0]]);
    const withheld = nextPushRequest('dev', waiting, { budget: 1000, withhold: new Set([1]) }).request.mutations;
    expect(withheld).toEqual([expect.objectContaining({ seq: 1, withheldBytes: jsonBytes(waiting[0]) }), waiting[1]]);
  });
});
