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
  watchForUpdate(navigator.serviceWorker, onUpdateReady);
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  return 'registered';
}

/** What watchForUpdate needs of navigator.serviceWorker. */
export type WorkerContainer = Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>;

/**
 * Calls `onUpdateReady` once when a new service worker takes control of a page that an older one
 * already controlled. The first worker taking control of a page loaded from the network is not an
 * update: that page already runs the build the worker caches.
 */
export function watchForUpdate(container: WorkerContainer, onUpdateReady: () => void): void {
  const controlledAtLoad = container.controller !== null;
  let told = false;
  container.addEventListener('controllerchange', () => {
    if (!controlledAtLoad || told) return;
    told = true;
    onUpdateReady();
  });
}
