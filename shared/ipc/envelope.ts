/**
 * What every IPC handler returns, and how the preload turns it back into a value or an error.
 *
 * Handlers never throw across IPC: Electron serializes a thrown error into a generic
 * "Error invoking remote method …" message and drops everything else, so a handler's outcome
 * travels as data instead and the preload rebuilds the error on the renderer side.
 */
export type IpcErrorCode = 'forbidden' | 'invalid' | 'failed';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function success<T>(value: T): IpcEnvelope<T> {
  return { ok: true, value };
}

export function failure(code: IpcErrorCode, message: string): IpcEnvelope<never> {
  return { ok: false, error: { code, message } };
}

const ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>(['forbidden', 'invalid', 'failed']);

/** The error a bridge method rejects with. */
export class CalmaIpcError extends Error {
  override readonly name = 'CalmaIpcError';

  constructor(
    readonly code: IpcErrorCode,
    detail: string,
  ) {
    // The code is also the message's prefix, because the contextBridge copies only an Error's
    // message into the page: `code` and `name` do not survive the crossing. The renderer reads the
    // code back with BRIDGE_ERROR_MESSAGE.
    super(`[${code}] ${detail}`);
  }
}

/** How the page recovers the code from a rejected bridge call: `[code] detail`. */
export const BRIDGE_ERROR_MESSAGE = /^\[(forbidden|invalid|failed)\] ([\s\S]*)$/;

/** The value of a successful envelope; throws CalmaIpcError for a failed or malformed one. */
export function unwrapEnvelope(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null) {
    const candidate = envelope as Partial<{ ok: unknown; value: unknown; error: Partial<IpcError> }>;
    if (candidate.ok === true) return candidate.value;
    if (
      candidate.ok === false &&
      typeof candidate.error?.code === 'string' &&
      ERROR_CODES.has(candidate.error.code) &&
      typeof candidate.error.message === 'string'
    ) {
      throw new CalmaIpcError(candidate.error.code, candidate.error.message);
    }
  }
  throw new CalmaIpcError('failed', 'The main process sent a malformed response.');
}
