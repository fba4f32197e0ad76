/**
 * Exponential backoff with "full jitter" (AWS architecture blog): after the n-th failure in a row
 * wait a random time between half the cap and the cap, so a whole team coming back online at once
 * does not hammer the server in lockstep.
 */
export function backoffDelay(failures: number, random: () => number, baseMs = 1_000, maxMs = 60_000): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** A wait that something else can cut short: local edits, a poke, the network coming back. */
export class Wakeup {
  private wake: (() => void) | null = null;
  private pending = false;

  /** Resolves after `ms`, or as soon as `signal()` is called (also if it was called before). */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * Wakes the waiter in a task of its own, never in the caller's microtasks: a signal sent from
   * inside a Dexie transaction (a mutation's onCommit while an import writes its parts in one
   * transaction) would otherwise run the sync loop in that transaction's zone, where its reads join
   * the transaction and end it early (Dexie carries its zone across microtasks).
   */
  signal(): void {
    const wake = this.wake;
    if (wake) setTimeout(wake, 0);
    else this.pending = true;
  }
}
