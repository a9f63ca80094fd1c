// Starts the app, then offers it for use offline. A file rather than an inline script, so the
// strict Content-Security-Policy needs no hash. scripts/build-wasm.sh copies it beside app.js.
import init from './app.js';

// The words for the two messages that appear before or outside the app, in the language the page
// is in (`<html lang>`): `boot` in locales/<code>.json, filled in by scripts/fill-boot.mjs.
const WORDS = __WORDS__;
const words = () => WORDS[document.documentElement.lang] ?? WORDS.en;

// The files of the page being opened, fetched beside the main module instead of after it: the
// page's text is what a person waits for. scripts/fill-boot.mjs fills in ROOMS (each lazy room's
// chunks, from wasm-split's loader); the addresses follow the routes in src/app.rs, and
// size_budget.test.mjs checks that every page fetches exactly its own files, each once.
const ROOMS = __ROOMS__;
const ROOM_OF = [
  [/^\/think\b/, 'think_route'],
  [/^\/reflections\b/, 'reflections_route'],
  [/^\/cards\b/, 'deck_room'],
  [/^\/(my-cards|shared)\b/, 'own_cards_room'],
  [/^\/present\b/, 'present_room'],
  [/^\/[^/]+\/?$/, 'privacy_room'], // My data, Safety, About, the lock (tried last, as in app.rs)
];
// The app's path, without the language in front (`/ru/think` → `/think`, as src/model/pages.rs).
const [, named, rest] = /^\/([^/]+)(\/.*)?$/.exec(location.pathname) ?? [];
const here = Object.hasOwn(WORDS, named ?? '') ? rest || '/' : location.pathname;
const room = location.protocol !== 'file:' && ROOM_OF.find(([address]) => address.test(here))?.[1];
// The parts of the guidance a room shows, in the page's language: chunks of their own
// (src/language_pack.rs; the same parts as `WithGuidance` in src/app.rs).
const PARTS = {
  think_route: ['think'],
  reflections_route: ['think', 'deck'],
  deck_room: ['deck'],
  own_cards_room: ['deck'],
  present_room: ['think', 'deck', 'facilitator'],
};
const lang = Object.hasOwn(WORDS, named ?? '') ? named : null;
const view = room && Object.keys(ROOMS).find((name) => name.startsWith(`__${room}_view_`));
const loaders = [view, ...(lang ? (PARTS[room] ?? []).map((part) => `guidance_${part}_${lang}`) : [])];
const files = [];
for (const name of loaders.filter((n) => n && ROOMS[n])) {
  files.push(`split_${name}.wasm`, ...ROOMS[name].map((n) => `chunk_${n}.wasm`));
}
for (const file of new Set(files)) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous'; // as the loader's fetch() asks, so the preloaded copy is used
  link.href = new URL(file, import.meta.url).href;
  document.head.append(link);
}

// Until the app starts, the static shell's "Exit this page" leaves without an entry to go Back to.
document.querySelector('.quick-exit__button')?.addEventListener('click', (event) => {
  event.preventDefault();
  location.replace(event.currentTarget.href);
});

// shell.js is leading to this address in the person's language: the app starts there.
if (!window.tpaLeaving) init().catch(() => {
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
  if (document.getElementById('update-ready') || here === '/present/show') return;
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
