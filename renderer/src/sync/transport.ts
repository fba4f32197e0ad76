import type { z } from 'zod';
import {
  REVOKED_ERRORS,
  ROUTES,
  enrolResponseSchema,
  errorBodySchema,
  identitySchema,
  pokeSchema,
  pullResponseSchema,
  pushResponseSchema,
  rowsResponseSchema,
  seqGapSchema,
  type ChangedRow,
  type EnrolRequest,
  type EnrolResponse,
  type ErrorBody,
  type Identity,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '@shared/sync/protocol';
import type { DomainTable } from '@shared/mutations/store';

/** The server could not be reached at all (no network, DNS, refused, timed out). */
export class UnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreachableError';
  }
}

/** The server answered with an error status; `body` says why, in its own words. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
    this.name = 'ServerError';
  }
  /** 401 saying this device or its person was removed from the team: the team's data must go. */
  get revoked(): boolean {
    return this.status === 401 && (REVOKED_ERRORS as readonly string[]).includes(this.body.error);
  }
  /** 429: too many failures from this address; asking again before this many ms is pointless. */
  get retryAfterMs(): number {
    return this.status === 429 ? (this.body.retryAfterSeconds ?? 60) * 1000 : 0;
  }
}

/** 409 on push: the server expects this device's mutations to resume at `expectedSeq`. */
export class SeqGapError extends Error {
  constructor(readonly expectedSeq: number, message: string) {
    super(message);
    this.name = 'SeqGapError';
  }
}

/** Everything the sync engine asks of the team server. Tests drive the real server in process. */
export interface SyncTransport {
  health(): Promise<boolean>;
  enrol(request: EnrolRequest): Promise<EnrolResponse>;
  me(): Promise<Identity>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  rows(refs: { table: DomainTable; id: string }[]): Promise<ChangedRow[]>;
  leave(): Promise<void>;
  /** Listens for pokes until `signal` aborts or the stream ends (then it resolves). */
  listen(signal: AbortSignal, onPoke: (teamVersion: number) => void): Promise<void>;
}

export interface HttpTransportOptions {
  baseUrl: string;
  token: () => string | null;
  fetch?: typeof fetch;
  /** A request that has not answered after this long counts as unreachable. */
  timeoutMs?: number;
  /** How long the live stream may stay silent before it counts as dead (default LISTEN_IDLE_MS). */
  listenIdleMs?: number;
}

/** Normalises what a person typed as the server's address: scheme required, no trailing slash. */
export function normaliseServerUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('the address must start with https:// or http://');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const listenIdleMs = options.listenIdleMs ?? LISTEN_IDLE_MS;

  /** A request; `signal` may end it early. Unless `timeout` is false, it also ends after timeoutMs. */
  async function send(path: string, init: RequestInit & { auth?: boolean }, signal?: AbortSignal, timeout = true): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const token = options.token();
    if (init.auth !== false && token) headers.set('authorization', `Bearer ${token}`);
    const signals = [signal, timeout ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
    try {
      return await doFetch(options.baseUrl + path, { ...init, headers, signal: signals.length > 0 ? AbortSignal.any(signals) : undefined });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new UnreachableError(error instanceof Error ? error.message : String(error));
    }
  }

  async function errorOf(response: Response): Promise<ServerError> {
    const text = await response.text().catch(() => '');
    let body: ErrorBody = { error: 'http-' + response.status, message: text.slice(0, 300) || response.statusText };
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) body = parsed.data;
    } catch {
      // Not JSON (a proxy's error page, say): keep the status and the start of the text.
    }
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    if (body.retryAfterSeconds === undefined && Number.isInteger(retryAfter) && retryAfter >= 0) body = { ...body, retryAfterSeconds: retryAfter };
    return new ServerError(response.status, body);
  }

  async function json<S extends z.ZodType>(schema: S, path: string, init: RequestInit & { auth?: boolean } = {}): Promise<z.output<S>> {
    const response = await send(path, init);
    if (!response.ok) throw await errorOf(response);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new ServerError(502, { error: 'bad-response', message: `the server's answer to ${path} is not what this version of Calma expects` });
    return parsed.data;
  }

  const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

  return {
    async health() {
      try {
        const response = await send(ROUTES.health, { auth: false });
        return response.ok;
      } catch {
        return false;
      }
    },
    enrol: (request) => json(enrolResponseSchema, ROUTES.enrol, { ...post(request), auth: false }),
    me: () => json(identitySchema, ROUTES.me),
    async push(request) {
      const response = await send(ROUTES.push, post(request));
      if (response.status === 409) {
        const body = await response.clone().json().catch(() => null);
        const gap = seqGapSchema.safeParse(body);
        if (gap.success) throw new SeqGapError(gap.data.expectedSeq, gap.data.message);
      }
      if (!response.ok) throw await errorOf(response);
      const parsed = pushResponseSchema.safeParse(await response.json());
      if (!parsed.success) throw new ServerError(502, { error: 'bad-response', message: 'the server answered a push with something unexpected' });
      return parsed.data;
    },
    pull: (request) => json(pullResponseSchema, ROUTES.pull, post(request)),
    rows: async (refs) => (await json(rowsResponseSchema, ROUTES.rows, post({ refs }))).rows,
    async leave() {
      const response = await send(ROUTES.leave, { method: 'POST' });
      if (!response.ok && response.status !== 401) throw await errorOf(response);
    },
    async listen(signal, onPoke) {
      // The stream stays open for as long as the device listens, so no overall timeout: it ends
      // when nothing at all has arrived for a while, heartbeats included (a link that died quietly).
      const idle = new AbortController();
      let watchdog = setTimeout(() => idle.abort(), listenIdleMs);
      const alive = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => idle.abort(), listenIdleMs);
      };
      const either = AbortSignal.any([signal, idle.signal]);
      const silent = () => idle.signal.aborted && !signal.aborted;
      const silence = () => new UnreachableError(`no heartbeat from the server for ${Math.round(listenIdleMs / 1000)} s`);
      try {
        const response = await send(ROUTES.events, { headers: { accept: 'text/event-stream' } }, either, false);
        if (!response.ok || !response.body) throw await errorOf(response);
        alive();
        await readEvents(
          response.body,
          either,
          (event, data) => {
            if (event !== 'version') return;
            const poke = pokeSchema.safeParse(safeJson(data));
            if (poke.success) onPoke(poke.data.teamVersion);
          },
          alive,
        );
        if (silent()) throw silence();
      } catch (error) {
        throw silent() ? silence() : error;
      } finally {
        clearTimeout(watchdog);
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The longest the live stream may be silent: the server writes a heartbeat every 15 s, so three
 * missed ones mean the link is gone even if no error says so (a laptop lid closed, a Wi-Fi change).
 */
export const LISTEN_IDLE_MS = 45_000;

/** A minimal Server-Sent Events reader (EventSource cannot send an Authorization header). */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: string, data: string) => void,
  /** Called on every chunk received, heartbeats included. */
  onActivity: () => void = () => undefined,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const abort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', abort, { once: true });
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onActivity();
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length > 0) onEvent(event, data.join('\n'));
      }
    }
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
