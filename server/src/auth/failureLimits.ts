import { ApiError, RateLimitedError } from '../errors';
import { FailureLimiter, type FailurePolicy } from './failureLimiter';

/**
 * How many failed enrolments and failed authentications the server takes before it stops looking.
 *
 * Enrolment codes carry 80 random bits and tokens 256, so guessing is hopeless anyway; the limits
 * make sure it stays so, and keep a flood of bad attempts from filling the log and the database.
 * - Enrolment, per address: someone typing a code from paper gets it wrong a few times, not ten in a
 *   minute; after ten they wait a minute per further try.
 * - Enrolment, from everywhere together: the same guesser on many addresses. When it trips,
 *   enrolling pauses for everyone for a few minutes; devices already enrolled are not affected.
 * - Authentication, per address: a device with a stale token retries with backoff (at most once a
 *   minute or so), so sixty failures a minute is far above any honest office behind one address.
 *   There is deliberately no limit "from everywhere" here: anyone could then lock the whole team out.
 */
export interface FailureLimits {
  enrolPerAddress: FailurePolicy;
  enrolEverywhere: FailurePolicy;
  authPerAddress: FailurePolicy;
}

export const DEFAULT_FAILURE_LIMITS: FailureLimits = {
  enrolPerAddress: { burst: 10, windowMs: 10 * 60_000 },
  enrolEverywhere: { burst: 200, windowMs: 10 * 60_000 },
  authPerAddress: { burst: 60, windowMs: 60_000 },
};

const EVERYWHERE = '*';

/** The server's failure limiters (in memory, per process) and the one way requests go through them. */
export class FailureGuards {
  private readonly enrolByAddress: FailureLimiter;
  private readonly enrolEverywhere: FailureLimiter;
  private readonly authByAddress: FailureLimiter;

  constructor(
    limits: FailureLimits,
    private readonly now: () => number,
  ) {
    this.enrolByAddress = new FailureLimiter(limits.enrolPerAddress);
    this.enrolEverywhere = new FailureLimiter(limits.enrolEverywhere);
    this.authByAddress = new FailureLimiter(limits.authPerAddress);
  }

  /** Runs an enrolment from `address`: refused with 429 while the limits are spent; a 4xx it ends in is a failure. */
  async enrol<T>(address: string, run: () => Promise<T>): Promise<T> {
    const everywhere = this.enrolEverywhere.waitMs(EVERYWHERE, this.now());
    if (everywhere > 0) throw new RateLimitedError(everywhere, 'too many failed enrolments on this server just now');
    return this.guard([[this.enrolByAddress, address], [this.enrolEverywhere, EVERYWHERE]], 'too many failed enrolments from this address', run);
  }

  /** Runs an authentication from `address`, likewise. */
  async authenticate<T>(address: string, run: () => Promise<T>): Promise<T> {
    return this.guard([[this.authByAddress, address]], 'too many failed sign-ins from this address', run);
  }

  private async guard<T>(keys: readonly (readonly [FailureLimiter, string])[], message: string, run: () => Promise<T>): Promise<T> {
    const wait = Math.max(0, ...keys.map(([limiter, key]) => limiter.waitMs(key, this.now())));
    if (wait > 0) throw new RateLimitedError(wait, message);
    try {
      return await run();
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) for (const [limiter, key] of keys) limiter.fail(key, this.now());
      throw error;
    }
  }
}
