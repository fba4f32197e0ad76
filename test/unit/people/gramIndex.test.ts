import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { GramIndex, intersect, type Candidates } from '../../../renderer/src/features/people/gramIndex';

// ASCII, Latin-1, beyond (keys above the ASCII table), an emoji's surrogate halves, and the field gap.
const unit = fc.constantFrom(...'ab a6+0', 'ÿ', 'Ā', '中', '\ud83d', '\ude00', '\u0001');
const texts = fc.array(fc.string({ unit, maxLength: 14 }), { maxLength: 12 });
const term = fc.string({ unit, minLength: 1, maxLength: 4 });

const plain = ({ ids, exact }: Candidates) => ({ ids: Array.from(ids), exact });

describe('the letter and pair index', () => {
  it('answers one or two characters exactly, and nothing for a piece no text holds', () => {
    const built = new GramIndex(['ana', 'bob', 'anabel', '中文']);
    const index = { candidates: (term: string) => plain(built.candidates(term)) };
    expect(index.candidates('a')).toEqual({ ids: [0, 2], exact: true });
    expect(index.candidates('na')).toEqual({ ids: [0, 2], exact: true });
    expect(index.candidates('中文')).toEqual({ ids: [3], exact: true });
    expect(index.candidates('z')).toEqual({ ids: [], exact: true });
    expect(index.candidates('abz')).toEqual({ ids: [], exact: true });
    // Longer terms: every text with the rarest pair, to be checked ("anab" is only in "anabel").
    expect(index.candidates('anab')).toEqual({ ids: [2], exact: false });
    expect(index.candidates('nan')).toEqual({ ids: [0, 2], exact: false });
  });

  test.prop([texts, fc.array(term, { minLength: 1, maxLength: 6 })])(
    'holds every text containing the term, in ascending order, exactly those when it says so',
    (all, terms) => {
      const index = new GramIndex(all);
      for (const t of terms) {
        const { ids, exact } = plain(index.candidates(t));
        const containing = all.flatMap((text, i) => (text.includes(t) ? [i] : []));
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
        expect(containing.every((i) => ids.includes(i))).toBe(true);
        if (exact || t.length <= 2) expect(ids).toEqual(containing);
      }
    },
  );
});

describe('intersecting id lists', () => {
  const ascending = fc.uniqueArray(fc.nat({ max: 300 }), { maxLength: 120 }).map((ids) => ids.sort((a, b) => a - b));
  test.prop([ascending, ascending])('keeps the ids in both, ascending, whichever list is longer', (a, b) => {
    const both = a.filter((id) => b.includes(id));
    // Both ways round: a short list against a long one takes the binary search, similar lengths the merge.
    expect(intersect(a, b)).toEqual(both);
    expect(intersect(b, a)).toEqual(both);
    expect(intersect(Int32Array.from(a), Int32Array.from(b))).toEqual(both);
  });

  it('finds ids at either end of a much longer list', () => {
    const long = Array.from({ length: 100 }, (_, i) => i * 2);
    expect(intersect([0, 3, 198], long)).toEqual([0, 198]);
    expect(intersect([-1, 199, 500], long)).toEqual([]);
    expect(intersect([], long)).toEqual([]);
  });
});
