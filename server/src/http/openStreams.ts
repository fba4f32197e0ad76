/**
 * The live streams open on this server, each ended when the server shuts down. One 'abort'
 * listener on the shutdown signal ends them all: a listener per stream would pile up on that one
 * signal, and past ten Node reports a leak (MaxListenersExceededWarning), although a team whose
 * consoles each keep a stream open is the normal case, not a leak.
 */
export class OpenStreams {
  private readonly closers = new Set<() => void>();

  constructor(private readonly shutdown?: AbortSignal) {
    shutdown?.addEventListener('abort', () => this.closeAll(), { once: true });
  }

  /**
   * Registers the closer of a stream that just opened; returns what unregisters it once the stream
   * ended, or null (nothing registered) when the server is already shutting down.
   */
  add(close: () => void): (() => void) | null {
    if (this.shutdown?.aborted) return null;
    this.closers.add(close);
    return () => void this.closers.delete(close);
  }

  get size(): number {
    return this.closers.size;
  }

  private closeAll(): void {
    const closers = [...this.closers];
    this.closers.clear();
    for (const close of closers) close();
  }
}
