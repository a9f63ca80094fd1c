// Starts the app, then offers it for use offline. A file rather than an inline script, so the
// strict Content-Security-Policy needs no hash. scripts/build-wasm.sh copies it beside app.js.
import init from './app.js';

// The words for the two messages that appear before or outside the app, in the language the page
// is in (`<html lang>`): `boot` in locales/<code>.json, filled in by scripts/fill-boot.mjs.
const WORDS = __WORDS__;
const words = () => WORDS[document.documentElement.lang] ?? WORDS.en;

// The files of the page being opened, fetched beside the main module instead of after it: the
// page's text is what a person waits for. scripts/fill-boot.mjs fills in ROOMS (each lazy room's
// chunks, from wasm-split's loader) and pageFiles (which of them an address needs).
const ROOMS = __ROOMS__;
const pageFiles = __PAGE_FILES__;
// Four at a time, each four in a task of their own: adding a link starts its fetch, and the
// ~36 links of a page added at once were one task of ~300 ms at 4x CPU throttling (issue 20).
// (Written into the page's HTML instead, they started before the first paint, and Lighthouse's
// simulation then put the page's largest text after them: LCP 3.9 -> 6.6 s.) The app starts once
// they are all added, or its loader would fetch a file a second time beside a later preload;
// the main module is on its way meanwhile (index.html preloads it).
const preloaded = new Promise((done) => {
  const files = location.protocol === 'file:' ? [] : pageFiles(location.pathname, ROOMS, Object.keys(WORDS));
  const preloadFrom = (from) => {
    for (const file of files.slice(from, from + 4)) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous'; // as the loader's fetch() asks, so the preloaded copy is used
      link.href = new URL(file, import.meta.url).href;
      document.head.append(link);
    }
    if (from + 4 < files.length) setTimeout(() => preloadFrom(from + 4));
    else done();
  };
  preloadFrom(0);
});

// Until the app starts, the static shell's "Exit this page" leaves without an entry to go Back to.
document.querySelector('.quick-exit__button')?.addEventListener('click', (event) => {
  event.preventDefault();
  location.replace(event.currentTarget.href);
});

// shell.js is leading to this address in the person's language: the app starts there.
if (!window.tpaLeaving) preloaded.then(() => init()).catch(() => {
  // The wasm could not be fetched or run: words instead of a placeholder that waits forever.
  const main = document.getElementById('main');
  if (main && document.documentElement.dataset.app !== 'ready') {
    main.removeAttribute('aria-busy');
    // A page rendered at build time keeps its text (it reads as it is); the shell's "Opening…"
    // gives way to the words.
    const rendered = document.getElementById('app')?.hasAttribute('data-prerendered');
    const message = document.createElement(rendered ? 'p' : 'h1');
    message.className = 'fatal';
    message.textContent = words().failed;
    if (rendered) main.prepend(message);
    else main.replaceChildren(message);
  }
});

const workers = navigator.serviceWorker;
// No worker for the single-file copy opened from file:// (browsers allow none there).
if (workers && location.protocol !== 'file:' && !window.tpaLeaving) {
  addEventListener('load', () => {
    workers.register(new URL('../sw.js', import.meta.url)).then(watch, () => {});
  });
}

function watch(registration) {
  if (!registration) return; // a browser that blocks workers (a test harness) may give none
  // Only an update: on the first visit the new worker is the first one, nothing to reload.
  const offer = () => registration.waiting && workers.controller && offerReload(registration);
  const follow = (worker) => worker?.addEventListener('statechange', () => worker.state === 'installed' && offer());
  offer();
  // The browser may have found the new version before this page registered (its own check on
  // loading the page): it is still installing then.
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  // The browser looks for a new version on every load; a page left open all day also looks
  // when it is shown again.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) registration.update().catch(() => {});
  });
}

// "A new version is ready": the person decides when. Reloading saves what is being typed
// first (the app's autosave listens for `tpa-save-now`), then lets the new version take over.
function offerReload(registration) {
  // Never on the projector: the audience window shows only what the room sees.
  if (document.getElementById('update-ready') || /^(\/[^/]+)?\/present\/show\/?$/.test(location.pathname)) return;
  const { ready, reload } = words();
  const box = document.createElement('div');
  box.id = 'update-ready';
  box.className = 'notice update-ready';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = ready;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = reload;
  button.addEventListener('click', () => {
    // A save that fails (a full storage) cancels the event: then nothing reloads, and the words
    // stay on screen with the app's own message about them.
    if (!dispatchEvent(new Event('tpa-save-now', { cancelable: true }))) return;
    button.disabled = true;
    // The version waiting now (an even newer one may have replaced the one first offered);
    // none: another tab has already let it take over.
    const waiting = registration.waiting;
    if (!waiting) return location.reload();
    workers.addEventListener('controllerchange', () => location.reload());
    waiting.postMessage('skip-waiting');
  });
  box.append(text, button);
  document.body.append(box);
}
