/**
 * How many failures a key may have: `burst` at once, then one more every `windowMs / burst` (a
 * token bucket that refills completely in `windowMs`).
 */
export interface FailurePolicy {
  burst: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Counts failures (a wrong enrolment code, an unknown token) per key, in memory, with a token bucket:
 * each failure takes a token, tokens come back at a steady rate, and a key with no token left is
 * turned away until one is back.
 *
 * Only failures are counted, and the check happens before the request is looked at: a team behind
 * one address (an office, a NAT) can make any number of good requests at once and never spends
 * anything, while a guesser is slowed to the refill rate. (Limiters that count every request and
 * give successes back afterwards, as the usual middlewares do, would turn away a burst of good
 * concurrent requests from one office: each counts while it is in flight.)
 *
 * Keys that have not failed for a while cost nothing: a bucket that has refilled is the same as no
 * bucket, so it is dropped whenever the map grows past `maxKeys`, and past that the buckets that
 * failed least recently go first. Time is passed in, so the server's clock (and a test's) rules.
 */
export class FailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly policy: FailurePolicy,
    private readonly maxKeys = 10_000,
  ) {
    if (!(policy.burst >= 1) || !(policy.windowMs > 0)) throw new RangeError('a failure policy needs burst >= 1 and windowMs > 0');
    this.perMs = policy.burst / policy.windowMs;
  }

  private tokens(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.policy.burst;
    return Math.min(this.policy.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
  }

  /** 0 when `key` may try now; otherwise how many milliseconds until it may. */
  waitMs(key: string, now: number): number {
    const tokens = this.tokens(this.buckets.get(key), now);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perMs);
  }

  /** Records one failure of `key`. */
  fail(key: string, now: number): void {
    const tokens = Math.max(0, this.tokens(this.buckets.get(key), now) - 1);
    // Re-inserted so the map stays ordered by last failure.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.prune(now);
  }

  /** How many keys are remembered (for tests and logs). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) if (this.tokens(bucket, now) >= this.policy.burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
