import { describe, expect, it } from 'vitest';
import { createHttpTransport, UnreachableError } from '../../../renderer/src/sync/transport';

/** A fake server's event stream: writes what `script` says, when it says, then stays open or ends. */
function streamingFetch(script: (write: (text: string) => void, close: () => void) => void): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
        script(
          (text) => controller.enqueue(encoder.encode(text)),
          () => controller.close(),
        );
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the live stream', () => {
  it('stays open past the request timeout while heartbeats arrive, and delivers pokes', async () => {
    const pokes: number[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:1',
      token: () => 't',
      timeoutMs: 50,
      listenIdleMs: 1_000,
      fetch: streamingFetch((write, close) => {
        let n = 0;
        const timer = setInterval(() => {
          n += 1;
          write(n % 3 === 0 ? `event: version\ndata: {"teamVersion":${n}}\n\n` : ': heartbeat\n\n');
          if (n === 12) {
            clearInterval(timer);
            close();
          }
        }, 40);
      }),
    });
    const started = Date.now();
    await transport.listen(new AbortController().signal, (v) => pokes.push(v));
    // 12 writes 40 ms apart: far longer than the 50 ms request timeout, never silent for a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(pokes).toEqual([3, 6, 9, 12]);
  });

  it('ends as unreachable when nothing arrives for the idle time, heartbeats included', async () => {
    const transport = createHttpTransport({
      baseUrl: 'http://127.0.0.1:1',
      token: () => 't',
      listenIdleMs: 100,
      fetch: streamingFetch((write) => write(': heartbeat\n\n')),
    });
    await expect(transport.listen(new AbortController().signal, () => undefined)).rejects.toBeInstanceOf(UnreachableError);
  });

  it('ends quietly when the device stops listening', async () => {
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:1', token: () => 't', listenIdleMs: 10_000, fetch: streamingFetch(() => undefined) });
    const stop = new AbortController();
    const listening = transport.listen(stop.signal, () => undefined);
    await sleep(30);
    stop.abort();
    await expect(listening).resolves.toBeUndefined();
  });
});
