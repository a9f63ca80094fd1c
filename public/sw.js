// The app's service worker: it keeps the files of one release build, so after the first visit
// the app opens and works with no network at all (deep links too). Each page in each language is
// a file of its own (`en/think/index.html`, rendered at build time); any other address of the
// app gets the shell (index.html), whose app draws the page.
//
// Languages: it keeps the shared files and the languages in use (those of the open pages and those
// an earlier build kept), not every language: a language's files are its pages (`./ru/…`) and its
// guidance chunks (`split_guidance_think_ru.wasm`…, src/language_pack.rs). Another language's files are
// kept once a page in it is opened with a network; offline, its pages are not there (the app
// says so in words, and the shell answers addresses that have no kept page).
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
// Every language of the build (each has its home page), and the one a file belongs to (none: shared).
const LANGS = FILES.map((f) => /^\.\/([a-z]{2,3})\/index\.html$/.exec(f)?.[1]).filter(Boolean);
// One pattern for every language (a RegExp built per file and language cost the install
// ~350 ms of a throttled phone's CPU, beside the page starting).
const LANGUAGE_IN = /^\.\/([a-z]{2,3})\/|\/split_guidance_[a-z]+_([a-z]{2,3})\.wasm$/;
const languageOf = (file) => {
  const [, page, guidance] = LANGUAGE_IN.exec(file) ?? [];
  return LANGS.find((lang) => lang === (page ?? guidance));
};
const filesOf = (langs) => FILES.filter((file) => !languageOf(file) || langs.includes(languageOf(file)));
const ROOT = new URL('./', self.location).pathname;
const languageOfUrl = (href) => languageOf(`./${new URL(href).pathname.slice(ROOT.length)}`);
// The languages to keep: those of the app's open pages, and those an earlier build kept (a person
// who reads Russian keeps Russian through updates). None known: all of them.
const languagesInUse = async () => {
  const langs = new Set();
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const lang = languageOfUrl(client.url);
    if (lang) langs.add(lang);
  }
  for (const name of (await caches.keys()).filter((k) => k.startsWith(PREFIX))) {
    const cache = await caches.open(name);
    for (const lang of LANGS) if (await cache.match(`./${lang}/index.html`)) langs.add(lang);
  }
  return langs.size ? [...langs] : LANGS;
};
// Keeps the files of these languages and the shared ones not kept yet, all or nothing: on a
// failure what this call added goes again (on install, the whole new cache).
const keep = async (langs, { install = false } = {}) => {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const file of filesOf(langs)) if (install || !(await cache.match(file))) missing.push(file);
  // Every fetch ends (kept or not) before a failure removes what was kept.
  const results = await Promise.allSettled(
    missing.map(async (file) => {
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
    if (install) await caches.delete(CACHE);
    else await Promise.all(missing.map((file) => cache.delete(file)));
    throw failed.reason;
  }
};
// One keep at a time, in order: a page that is not kept asks for many files at once, and each
// later keep finds what the one before brought (and adds only what is still missing).
let keeping = Promise.resolve();
const keepInTurn = (langs) => (keeping = keeping.catch(() => {}).then(() => keep(langs)));
self.addEventListener('install', (event) => event.waitUntil(languagesInUse().then((langs) => keep(langs, { install: true }))));

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

// The kept copy first; the network only for what is not kept: a file of a language not kept yet,
// a file of no build, or after "erase everything" on My data removed the app's caches. Then that
// language (and whatever else of the build is missing) is kept for next time, so every page in it
// works offline once more. A page that cannot be fetched gets the shell, whose app says in words
// what is missing.
async function fromCache(key, request, event) {
  const cache = await caches.open(CACHE);
  const page = key === INDEX || PAGES.has(key);
  const kept = (await cache.match(key)) ?? (page ? undefined : await caches.match(key));
  if (kept) return kept;
  const url = page ? key : request.url;
  if (page || FILES.some((f) => new URL(f, self.location).href === url)) {
    const langs = languagesInUse().then((inUse) => [...new Set([...inUse, languageOfUrl(url)])].filter(Boolean));
    event.waitUntil(langs.then(keepInTurn).then(() => cache.put(RAN, new Response(''))).catch(() => {}));
  }
  try {
    return await fetch(request);
  } catch (error) {
    const shell = page && (await cache.match(INDEX));
    if (shell) return shell;
    throw error;
  }
}
