import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { moveBy, moveItem } from '../../../renderer/src/features/playbooks/reorder';

const list = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 });
const listAndIndex = list.chain((items) => fc.tuple(fc.constant(items), fc.nat({ max: items.length - 1 })));

describe('step reordering', () => {
  it('moves one step and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 1, -1)).toEqual({ items: ['b', 'a', 'c'], index: 0, moved: true });
    expect(moveBy(['a', 'b', 'c'], 1, 1)).toEqual({ items: ['a', 'c', 'b'], index: 2, moved: true });
  });

  it('leaves the list as it is at its edges, without touching the original', () => {
    const steps = ['a', 'b'];
    expect(moveBy(steps, 0, -1)).toEqual({ items: ['a', 'b'], index: 0, moved: false });
    expect(moveBy(steps, 1, 1)).toEqual({ items: ['a', 'b'], index: 1, moved: false });
    expect(moveItem(steps, 5, 0)).toEqual(['a', 'b']);
    expect(moveBy(steps, 1, -1).items).not.toBe(steps);
    expect(steps).toEqual(['a', 'b']);
  });

  test.prop([listAndIndex, fc.constantFrom(-1 as const, 1 as const)])('keeps the same set of steps', ([items, index], delta) => {
    const { items: moved } = moveBy(items, index, delta);
    expect([...moved].sort()).toEqual([...items].sort());
    expect(moved).toHaveLength(items.length);
  });

  test.prop([listAndIndex, fc.constantFrom(-1 as const, 1 as const)])('puts the moved step where it says, next to where it was', ([items, index], delta) => {
    const result = moveBy(items, index, delta);
    expect(result.items[result.index]).toBe(items[index]);
    expect(Math.abs(result.index - index)).toBe(result.moved ? 1 : 0);
  });

  test.prop([listAndIndex])('moving up then down is the identity (and down then up)', ([items, index]) => {
    if (index > 0) {
      const up = moveBy(items, index, -1);
      expect(moveBy(up.items, up.index, 1).items).toEqual(items);
    }
    if (index < items.length - 1) {
      const down = moveBy(items, index, 1);
      expect(moveBy(down.items, down.index, -1).items).toEqual(items);
    }
  });

  test.prop([list, fc.nat(), fc.nat()])('moveItem is undone by the reverse move', (items, a, b) => {
    const from = a % items.length;
    const to = b % items.length;
    expect(moveItem(moveItem(items, from, to), to, from)).toEqual(items);
  });
});
