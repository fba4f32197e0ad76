/**
 * In a browser, registers the service worker that precaches the built console so that it reloads
 * with no network (see renderer/service-worker.js). Inside Electron the app comes from the app://
 * protocol on disk and needs none.
 */
export async function registerOfflineCache(): Promise<'registered' | 'not-needed' | 'unsupported'> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return 'not-needed';
  if (!('serviceWorker' in navigator)) return 'unsupported';
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
  return 'registered';
}
