import { readEvents } from '../../../../renderer/src/sync/transport';
import { HlcClock } from '../../../../shared/hlc';
import type { MutationArgs, MutationName } from '../../../../shared/mutations';
import { PULL_PAGE_MAX, PROTOCOL_VERSION, ROUTES, type EnrolResponse, type PullResponse, type PushedMutation, type PushResponse } from '../../../../shared/sync/protocol';
import { uuidv7 } from '../../../../shared/uuid';

/** The server answered with something other than 200 (or did not answer). */
export class HttpError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${path}: ${status} ${body.slice(0, 300)}`);
    this.name = 'HttpError';
  }
}

/**
 * One enrolled device speaking the sync protocol over HTTP with nothing else: bare fetch and
 * JSON, its own HLC clock and mutation numbers, a pull cursor. No IndexedDB, no schema checks of the
 * answers, no UI, so that what it measures is the server and the wire (the floor the console's own
 * client is compared with), and so that fifty of them in one process stay cheap for the load test.
 */
export class BenchDevice {
  seq = 0;
  cursor: string | null = null;
  readonly clock: HlcClock;

  private constructor(
    readonly baseUrl: string,
    readonly token: string,
    readonly id: string,
    readonly personId: string,
  ) {
    this.clock = new HlcClock(id);
  }

  /** Enrols with a one-time code, as the console's "Join the team" does. */
  static async enrol(baseUrl: string, code: string, deviceId: string): Promise<BenchDevice> {
    const reply = await post<EnrolResponse>(baseUrl, ROUTES.enrol, { code, deviceId, deviceName: `${deviceId} (bench)`, protocol: PROTOCOL_VERSION });
    return new BenchDevice(baseUrl, reply.token, deviceId, reply.identity.person.id);
  }

  /** The next outbox row: numbered and stamped like the console's mutate(). */
  mutation<N extends MutationName>(name: N, args: MutationArgs<N>): PushedMutation {
    this.seq += 1;
    return { seq: this.seq, id: uuidv7(), name, args, hlc: this.clock.tick(), at: new Date().toISOString() };
  }

  push(mutations: PushedMutation[]): Promise<PushResponse> {
    return post<PushResponse>(this.baseUrl, ROUTES.push, { deviceId: this.id, mutations }, this.token);
  }

  /** Every page after this device's cursor; `onPage` sees each page before the cursor moves. */
  async pullAll(onPage?: (page: PullResponse) => void): Promise<{ pages: number; rows: number; lastSeq: number }> {
    let pages = 0;
    let rows = 0;
    for (;;) {
      const page = await post<PullResponse>(this.baseUrl, ROUTES.pull, { deviceId: this.id, cursor: this.cursor, limit: PULL_PAGE_MAX }, this.token);
      onPage?.(page);
      this.cursor = page.cursor;
      pages += 1;
      rows += page.changes.length;
      if (!page.more) return { pages, rows, lastSeq: page.lastSeq };
    }
  }

  /** The live stream (Server-Sent Events), read with the console's own reader, until `signal` aborts. */
  async listen(signal: AbortSignal, onPoke: (teamVersion: number) => void): Promise<void> {
    const response = await fetch(this.baseUrl + ROUTES.events, { headers: { accept: 'text/event-stream', authorization: `Bearer ${this.token}` }, signal });
    if (!response.ok || !response.body) throw new HttpError(ROUTES.events, response.status, await response.text());
    await readEvents(response.body, signal, (event, data) => {
      if (event === 'version') onPoke((JSON.parse(data) as { teamVersion: number }).teamVersion);
    }).catch((error: unknown) => {
      if (!signal.aborted) throw error;
    });
  }
}

export async function post<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new HttpError(path, 0, error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error));
  }
  const text = await response.text();
  if (!response.ok) throw new HttpError(path, response.status, text);
  return JSON.parse(text) as T;
}
