import type { z } from 'zod';
import { RATE_LIMITED_ERROR, type ErrorBody, type seqGapSchema } from '../../shared/sync/protocol';

type SeqGap = z.infer<typeof seqGapSchema>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 503;

/**
 * A refusal the client can act on: an HTTP status, a stable code, a sentence for people and, for
 * bad input, the fields at fault. Admin commands print the same sentence.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get body(): ErrorBody | Record<string, unknown> {
    return { error: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } satisfies ErrorBody;
  }
}

/** 409 on push: the device skipped seqs; its body (seqGapSchema) says where to resume. */
export class SeqGapError extends ApiError {
  constructor(readonly expectedSeq: number, got: number) {
    super(409, 'seq-gap', `this device's next mutation is seq ${expectedSeq}, the push started at ${got}: resend from ${expectedSeq}`);
  }

  override get body(): SeqGap {
    return { error: 'seq-gap', message: this.message, expectedSeq: this.expectedSeq };
  }
}

/** 429: too many failures from here; the body and the Retry-After header say when to try again. */
export class RateLimitedError extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(waitMs: number, message: string) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    super(429, RATE_LIMITED_ERROR, `${message}; try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }

  override get body(): ErrorBody {
    return { error: this.code, message: this.message, retryAfterSeconds: this.retryAfterSeconds };
  }
}
