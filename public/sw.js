// The app's service worker: it keeps every file of one release build, so after the first visit
// the app opens and works with no network at all (deep links too). Each page in each language is
// a file of its own (`en/think/index.html`, rendered at build time); any other address of the
// app gets the shell (index.html), whose app draws the page.
//
// scripts/build-wasm.sh fills in VERSION and FILES for each release build (listed relative to
// this worker, which lives at the root, as the app does). Nothing a person writes is ever here:
// the cache holds only the app's own files, and the worker never touches localStorage.
//
// Updates: a new build installs beside the running one and waits. The page shows "a new version
// is ready" (public/boot.js); only when the person chooses to reload does the page save what is
// being typed and post "skip-waiting", so no one is moved to new code in the middle of writing.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'tpa-app-';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', self.location).href;
// Written into a build's cache when that build takes over (see `activate`).
const RAN = new URL('./.tpa-app-ran', self.location).href;

// Keeps every file of this build, or none: `cache: 'reload'` skips the HTTP cache, and what the
// host sends must belong to this build. A host that answers a missing file with index.html (a
// single-page fallback for every address), or still serves the old index.html while the new
// files arrive (a deploy in progress, a CDN's copy), fails the install; the browser tries again
// later.
const FOLDER = FILES.find((f) => /^\.\/wasm-[0-9a-f]+\//.test(f))?.split('/')[1];
const keepAll = async () => {
  const cache = await caches.open(CACHE);
  // Every fetch ends (kept or not) before a failure removes what was kept.
  const results = await Promise.allSettled(
    FILES.map(async (file) => {
      const response = await fetch(new Request(file, { cache: 'reload' }));
      const html = (response.headers.get('Content-Type') || '').startsWith('text/html');
      const page = file === './' || file.endsWith('.html');
      const fits = page ? html && (await response.clone().text()).includes(FOLDER) : !html;
      if (!response.ok || !fits) throw new Error(`not this build's ${file}`);
      // Into the cache at once: a body left unread holds one of the few connections to the host.
      await cache.put(file, response);
    }),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await caches.delete(CACHE);
    throw failed.reason;
  }
};

self.addEventListener('install', (event) => event.waitUntil(keepAll()));

self.addEventListener('activate', (event) => {
  // Keep the files of the build that ran until now: a tab that still runs it may yet open a page
  // whose chunk it has not loaded. Builds that never ran (installed, then overtaken by a newer
  // one before anyone reloaded) and older ones go.
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      const ran = [];
      for (const name of older) if (await (await caches.open(name)).match(RAN)) ran.push(name);
      const keep = ran.at(-1);
      await Promise.all(older.filter((k) => k !== keep).map((k) => caches.delete(k)));
      await (await caches.open(CACHE)).put(RAN, new Response(''));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A page's address gets its own file (`/ru/think` → ./ru/think/index.html), any other the
  // shell (a single-page app): deep links work offline. Addresses of files (with an extension,
  // e.g. /icon.svg) stay files.
  const page = request.mode === 'navigate' && !/\.[^/]*$/.test(url.pathname);
  const key = page ? pageFile(url.pathname) : request;
  event.respondWith(fromCache(key, request, event));
});

const PAGES = new Set(FILES.filter((f) => f.endsWith('/index.html')).map((f) => new URL(f, self.location).href));
const pageFile = (path) => {
  const file = new URL(`.${path.replace(/\/?$/, '/index.html')}`, self.location).href;
  return PAGES.has(file) ? file : INDEX;
};

// The kept copy first; the network only for what is not kept: a file of no build, or after
// "erase everything" on My data removed the app's caches. Then the next page load keeps the
// whole build again (when there is a network), so every page works offline once more.
async function fromCache(key, request, event) {
  const cache = await caches.open(CACHE);
  const page = key === INDEX || PAGES.has(key);
  const kept = (await cache.match(key)) ?? (page ? undefined : await caches.match(key));
  if (kept) return kept;
  if (page) event.waitUntil(keepAll().then(() => cache.put(RAN, new Response(''))).catch(() => {}));
  const response = await fetch(request);
  const url = page ? key : request.url;
  if (response.ok && FILES.some((f) => new URL(f, self.location).href === url)) {
    await cache.put(key, response.clone());
  }
  return response;
}
