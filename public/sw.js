// The app's service worker: it keeps every file of one release build, so after the first visit
// the app opens and works with no network at all (deep links too).
//
// scripts/build-wasm.sh fills in VERSION and FILES for each release build (the files are listed
// relative to this worker, so the app can live under any path). Nothing a person writes is ever
// here: the cache holds only the app's own files, and the worker never touches localStorage.
//
// Updates: a new build installs beside the running one and waits. The page shows "a new version
// is ready" (public/boot.js); only when the person chooses to reload does the page save what is
// being typed and post "skip-waiting", so no one is moved to new code in the middle of writing.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'tpa-app-';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache: the copy kept must be the one on the host now.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  // Keep the previous build's files too: a tab that still runs it may yet open a page whose
  // chunk it has not loaded. Older builds go.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const older = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
        return Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Every address of the app is the same page (a single-page app): deep links work offline.
  // Addresses of files (with an extension, e.g. /icon.svg) stay files.
  const page = request.mode === 'navigate' && !/\.[^/]*$/.test(url.pathname);
  const key = page ? INDEX : request;
  event.respondWith(fromCache(key, request));
});

// The kept copy first; the network only for what is not kept (a file of no build, or the
// cache removed by "erase everything" on My data, which is filled again as files arrive).
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const kept = (await cache.match(key)) ?? (key === INDEX ? undefined : await caches.match(key));
  if (kept) return kept;
  const response = await fetch(request);
  const url = key === INDEX ? INDEX : request.url;
  if (response.ok && FILES.some((f) => new URL(f, self.location).href === url)) {
    await cache.put(key, response.clone());
  }
  return response;
}
