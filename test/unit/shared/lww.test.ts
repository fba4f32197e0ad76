import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyPatch, mergeRecords } from '../../../shared/merge/lww';

interface Rec { id: string; clock: Record<string, string>; a: number; b: number }
const base: Rec = { id: 'r', clock: {}, a: 0, b: 0 };
const stamp = (n: number, node: string) => `${String(n).padStart(15, '0')}-0000-${node}`;

describe('last writer wins per field', () => {
  it('keeps a newer write of a field over an older one, field by field', () => {
    const r1 = applyPatch(base, { a: 1 }, stamp(2, 'x'));
    const r2 = applyPatch(r1, { a: 2, b: 5 }, stamp(1, 'y'));
    expect(r2.a).toBe(1);
    expect(r2.b).toBe(5);
  });

  const patch = fc.record({
    field: fc.constantFrom('a' as const, 'b' as const),
    value: fc.integer(),
    t: fc.integer({ min: 1, max: 50 }),
    node: fc.constantFrom('n1', 'n2', 'n3'),
  });

  test.prop([fc.array(patch, { maxLength: 30 }).chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })))])(
    'applying the same patches in any order gives the same record',
    ([inOrder, shuffled]) => {
      const apply = (ps: typeof inOrder) => ps.reduce((r, p) => applyPatch(r, { [p.field]: p.value }, stamp(p.t, p.node)), base);
      // Same stamp on different values would be a broken clock; give each patch a unique stamp.
      const unique = new Set(inOrder.map((p) => stamp(p.t, p.node) + p.field));
      fc.pre(unique.size === inOrder.length);
      expect(apply(shuffled)).toEqual(apply(inOrder));
    },
  );

  test.prop([fc.array(patch, { maxLength: 20 }), fc.array(patch, { maxLength: 20 })])(
    'merging two replicas is commutative',
    (left, right) => {
      const build = (ps: typeof left, node: string) => ps.reduce((r, p) => applyPatch(r, { [p.field]: p.value }, stamp(p.t, node)), base);
      const a = build(left, 'L');
      const b = build(right, 'R');
      expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    },
  );
});
