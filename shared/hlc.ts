/**
 * Hybrid logical clock (Kulkarni et al.): a wall-clock millisecond, a counter that orders events
 * within the same millisecond, and the node id that breaks the remaining ties. Stamps are strings
 * whose lexical order is their causal order, so they sort in IndexedDB indexes and in SQL.
 *
 *   000001732147200000-0000-device_1
 *   ^ 15-digit ms       ^ hex counter ^ node
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 0xffff;
/** A remote stamp further than this ahead of our wall clock is refused (a machine with a wrong clock). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`clock drift of ${Math.round(driftMs / 1000)} s exceeds the ${MAX_DRIFT_MS / 1000} s bound`);
    this.name = 'ClockDriftError';
  }
}

export function formatHlc(h: Hlc): string {
  return `${String(h.millis).padStart(15, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parseHlc(stamp: string): Hlc {
  const match = /^(\d{15})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,40})$/.exec(stamp);
  if (!match) throw new Error(`not an HLC stamp: ${stamp}`);
  return { millis: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock owned by one node. `now` is injectable so tests can move time. */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(node)) throw new Error(`invalid HLC node id: ${node}`);
    this.last = last ? parseHlc(last) : { millis: 0, counter: 0, node };
  }

  /** A stamp for a local event, greater than every stamp this clock issued or received. */
  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) this.last = { millis: wall, counter: 0, node: this.node };
    else this.last = this.bump(this.last.millis, this.last.counter + 1);
    return formatHlc(this.last);
  }

  /** Merges a stamp received from another node; refuses one too far in our future. */
  receive(stamp: string): string {
    const remote = parseHlc(stamp);
    const wall = this.now();
    if (remote.millis - wall > MAX_DRIFT_MS) throw new ClockDriftError(remote.millis - wall);
    const millis = Math.max(wall, this.last.millis, remote.millis);
    let counter = 0;
    if (millis === this.last.millis && millis === remote.millis) counter = Math.max(this.last.counter, remote.counter) + 1;
    else if (millis === this.last.millis) counter = this.last.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    this.last = this.bump(millis, counter);
    return formatHlc(this.last);
  }

  private bump(millis: number, counter: number): Hlc {
    // Counter overflow moves to the next millisecond rather than wrapping, keeping stamps monotonic.
    if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0, node: this.node };
    return { millis, counter, node: this.node };
  }
}
