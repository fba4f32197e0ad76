/**
 * In a browser, registers the service worker that precaches the built console so that it reloads
 * with no network (see renderer/service-worker.js). Inside Electron the app comes from the app://
 * protocol on disk and needs none.
 *
 * The worker serves the cached build first, so the load that fetches a new release still runs the
 * old one; the new worker installs beside it and takes over. `onUpdateReady` is called then, so the
 * console can offer a reload instead of leaving people on the old version without knowing.
 */
export async function registerOfflineCache(onUpdateReady: () => void = () => undefined): Promise<'registered' | 'not-needed' | 'unsupported'> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return 'not-needed';
  if (!('serviceWorker' in navigator)) return 'unsupported';
  watchForUpdate(navigator.serviceWorker, () => cacheServesThisBuild(document, navigator.serviceWorker.controller), onUpdateReady);
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  return 'registered';
}

/**
 * Calls `onUpdateReady` once, the first time a service worker that caches another build takes
 * control of this page. A worker caching this very build (the first visit, a reload that bypassed
 * the cache) is no update, however often it takes over.
 */
export function watchForUpdate(
  container: Pick<ServiceWorkerContainer, 'addEventListener'>,
  servesThisBuild: () => Promise<boolean>,
  onUpdateReady: () => void,
): void {
  let told = false;
  container.addEventListener('controllerchange', () => {
    void servesThisBuild().then((same) => {
      if (same || told) return;
      told = true;
      onUpdateReady();
    });
  });
}

/**
 * Whether the app shell cached by `worker` (the new controller) starts the same build as this page.
 * A worker takes control as its activation starts, before it has deleted the caches of older
 * builds, so this waits for the activation to end: then the only shell cached is the worker's.
 */
export async function cacheServesThisBuild(page: Document, worker: ServiceWorker | null): Promise<boolean> {
  if (worker && worker.state !== 'activated') {
    await new Promise<void>((resolve) => {
      const settled = () => {
        if (worker.state !== 'activated' && worker.state !== 'redundant') return;
        worker.removeEventListener('statechange', settled);
        resolve();
      };
      worker.addEventListener('statechange', settled);
      settled();
    });
  }
  const cached = await caches.match(new URL('./index.html', page.baseURI).href);
  return cached !== undefined && sameBuild(page, await cached.text());
}

/**
 * Whether `shellHtml` starts the script this page started with. Its name carries a hash of its
 * content and, through the names of the chunks it imports, of all the console's code, so the same
 * name means the same build. (A release that changed only the stylesheet is not offered; it shows on
 * the next load.) The first module script is the shell's own: the console adds none, and what it
 * loads later comes by import() and <link> preloads.
 */
export function sameBuild(page: Pick<Document, 'querySelector'>, shellHtml: string): boolean {
  const entry = page.querySelector('script[type="module"][src]')?.getAttribute('src');
  return !!entry && shellHtml.includes(`src="${entry}"`);
}
