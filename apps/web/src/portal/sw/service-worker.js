// Service worker of the public portal, scope /. The build (vite.config.ts, portalServiceWorker)
// fills in VERSION and PRECACHE and writes it to dist/sw.js; the server serves it at /sw.js with
// cache-control: no-cache, so a new release is noticed on the next visit with a connection.
//
// - install: precache the portal shell (/), its scripts and styles, every guide and the directory.
// - navigations to portal pages (anything but /app and /api): the cached shell at once, refreshed
//   from the network in the background (stale-while-revalidate).
// - precached files: hashed ones straight from the cache; the others stale-while-revalidate.
// - the public guide API (/api/public/portal/: guides published from the staff app and their
//   images) and the public services directory (/api/public/hsds/): network first, the last
//   answer from the cache when offline.
// - everything else (the staff app, the rest of the API) is left alone.
const VERSION = 'dev';
const PRECACHE = [];
const PREFIX = 'acompana-portal-';
const CACHE = PREFIX + VERSION;
const SHELL = '/';
const PUBLISHED = '/api/public/portal/';
/** The public services directory (HSDS): network first too, so the last answer works offline. */
const DIRECTORY = '/api/public/hsds/';
const PUBLISHED_CACHE = PREFIX + 'published';
const precached = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(PREFIX) && key !== CACHE && key !== PUBLISHED_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** Network first; the last good answer when the network fails. */
function networkFirst(event, request) {
  return caches.open(PUBLISHED_CACHE).then((cache) =>
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') event.waitUntil(cache.put(request, response.clone()));
        return response;
      })
      .catch(() => cache.match(request).then((cached) => cached || Response.error())),
  );
}

function isPortalPage(pathname) {
  return !(pathname === '/app' || pathname.startsWith('/app/') || pathname.startsWith('/api/') || pathname === '/api');
}

/** Answers from the cache when it can, and refreshes the cached copy from the network. */
function staleWhileRevalidate(event, request, cacheKey) {
  const refresh = caches.open(CACHE).then((cache) =>
    fetch(request).then((response) => {
      if (response.ok && response.type === 'basic') return cache.put(cacheKey, response.clone()).then(() => response);
      return response;
    }),
  );
  event.waitUntil(refresh.catch(() => undefined));
  return caches.match(cacheKey, { cacheName: CACHE }).then((cached) => cached || refresh);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isPortalPage(url.pathname)) event.respondWith(staleWhileRevalidate(event, request, SHELL));
    return;
  }
  if (url.pathname.startsWith(PUBLISHED) || url.pathname.startsWith(DIRECTORY)) {
    event.respondWith(networkFirst(event, request));
    return;
  }
  if (!precached.has(url.pathname)) return;
  if (url.pathname.startsWith('/app/assets/')) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(staleWhileRevalidate(event, request, url.pathname));
});
