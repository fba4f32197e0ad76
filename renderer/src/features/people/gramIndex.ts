/** Text ids in ascending order. */
export type Ids = ArrayLike<number>;

/** `exact` when every id's text contains the term, so none needs reading. */
export interface Candidates {
  ids: Ids;
  exact: boolean;
}

const NONE: Candidates = { ids: new Int32Array(0), exact: true };

/**
 * Keys: an ASCII code unit is its own key and an ASCII pair comes next, all below ASCII_KEYS;
 * other code units (below 65,536) and then other pairs come after, so no two pieces share a key.
 */
const ASCII_KEYS = 128 + 128 * 128;
const unitKey = (code: number) => (code < 128 ? code : ASCII_KEYS + code);
function pairKey(first: number, second: number): number {
  return first < 128 && second < 128 ? 128 + first * 128 + second : ASCII_KEYS + 65_536 + first * 65_536 + second;
}

/**
 * Which texts hold each one- and two-character piece (UTF-16 code units, as String#includes
 * compares them): a list of text ids per piece. A one- or two-character term is answered by its
 * list alone; a longer one by its rarest pair, which every text containing the term holds, so
 * only that list needs reading. A single letter then costs its list, not a scan of every text.
 *
 * The lists sit end to end in one Int32Array: at most two ids per character of text, so memory
 * grows with the text, never with the number of distinct pieces, and half what arrays of numbers
 * take where V8 stores each in 8 bytes (Electron, without pointer compression).
 */
export class GramIndex {
  private readonly ids: Int32Array;
  /** List of slot s: ids[starts[s]] up to ids[starts[s + 1]]. */
  private readonly starts: Int32Array;
  /** A key below ASCII_KEYS is its own slot; others get slots from ASCII_KEYS on, in order of appearance. */
  private readonly slots = new Map<number, number>();

  /** `texts[i]` is text id i. */
  constructor(texts: readonly string[]) {
    // One pass over the texts lists each text's distinct pieces (as slots) end to end, and counts
    // the texts holding each piece; `seen` has the last text (+1) that listed a slot.
    let counts = new Int32Array(ASCII_KEYS * 2);
    let seen = new Int32Array(ASCII_KEYS * 2);
    let pieces = new Int32Array(1024);
    let size = 0;
    const ends = new Int32Array(texts.length);
    const slotOf = (key: number): number => {
      if (key < ASCII_KEYS) return key;
      let slot = this.slots.get(key);
      if (slot === undefined) {
        slot = ASCII_KEYS + this.slots.size;
        this.slots.set(key, slot);
        if (slot === counts.length) {
          counts = grown(counts);
          seen = grown(seen);
        }
      }
      return slot;
    };
    const list = (slot: number, mark: number) => {
      if (seen[slot] === mark) return;
      seen[slot] = mark;
      counts[slot] = counts[slot]! + 1;
      if (size === pieces.length) pieces = grown(pieces);
      pieces[size++] = slot;
    };
    for (let id = 0; id < texts.length; id += 1) {
      const text = texts[id]!;
      let previous = -1;
      for (let at = 0; at < text.length; at += 1) {
        const code = text.charCodeAt(at);
        list(slotOf(unitKey(code)), id + 1);
        if (previous >= 0) list(slotOf(pairKey(previous, code)), id + 1);
        previous = code;
      }
      ends[id] = size;
    }
    // Then every slot's list in place, ids ascending: a counting sort of the pieces by slot.
    const slotCount = ASCII_KEYS + this.slots.size;
    this.starts = new Int32Array(slotCount + 1);
    for (let s = 0; s < slotCount; s += 1) this.starts[s + 1] = this.starts[s]! + counts[s]!;
    this.ids = new Int32Array(size);
    const next = this.starts.slice(0, slotCount);
    for (let id = 0, at = 0; id < texts.length; id += 1) {
      for (; at < ends[id]!; at += 1) {
        const slot = pieces[at]!;
        this.ids[next[slot]!] = id;
        next[slot] = next[slot]! + 1;
      }
    }
  }

  /** A superset of the ids whose text contains `term` (non-empty), in ascending order. */
  candidates(term: string): Candidates {
    if (term.length === 1) return this.list(unitKey(term.charCodeAt(0)));
    let best: Candidates | null = null;
    for (let at = 1; at < term.length; at += 1) {
      const found = this.list(pairKey(term.charCodeAt(at - 1), term.charCodeAt(at)));
      if (found.ids.length === 0) return NONE;
      if (!best || found.ids.length < best.ids.length) best = found;
    }
    return term.length === 2 ? best! : { ids: best!.ids, exact: false };
  }

  private list(key: number): Candidates {
    const slot = key < ASCII_KEYS ? key : this.slots.get(key);
    if (slot === undefined || this.starts[slot] === this.starts[slot + 1]) return NONE;
    return { ids: this.ids.subarray(this.starts[slot], this.starts[slot + 1]), exact: true };
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The ids in both ascending lists: a merge, or a binary search of `b` per id of `a` when `b` is much longer. */
export function intersect(a: Ids, b: Ids): number[] {
  const both: number[] = [];
  if (b.length > 8 * a.length) {
    let from = 0;
    for (let k = 0; k < a.length; k += 1) {
      const id = a[k]!;
      let lo = from;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < id) lo = mid + 1;
        else hi = mid;
      }
      if (b[lo] === id) both.push(id);
      from = lo;
    }
    return both;
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      both.push(x);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return both;
}
