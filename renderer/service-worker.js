// Calma's service worker (browser only; Electron serves the app from app:// and never registers it).
// The build prepends `const CACHE = 'calma-<hash>'` and `const PRECACHE = [...]`: every file of that
// build. Install caches them all; afterwards the console loads from the cache, so it reloads with
// the network down. A new build has a new hash: it installs beside the old cache and replaces it.
/* global CACHE, PRECACHE */

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('calma-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Page loads get the cached app shell; everything else the cached file, else the network.
  const lookup = request.mode === 'navigate' ? caches.match('./index.html', { cacheName: CACHE }) : caches.match(request, { cacheName: CACHE });
  event.respondWith(lookup.then((hit) => hit ?? fetch(request)));
});
