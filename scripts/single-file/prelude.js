// Runs first in the single-file copy (scripts/single-file/build.mjs), before the app starts.
//
// 1. The wasm modules are inside the page (gzip, base64): `fetch` of a module's name answers
//    from there, so the app's own loader (app.js, __wasm_split.js) needs no change.
// 2. A file:// page may not change its path (browsers refuse `history.pushState` there), but it
//    may change its query. The app's addresses (`/think`, `/cards/…`) therefore live in `?p=`:
//    `think-plan-act.html?p=%2Fthink`. The app reads a location that shows them as paths (the
//    build points wasm-bindgen's `window.location` at `singleFileLocation`), and every address
//    it writes (history, window.open, location.href) is turned back into `?p=`.

/* global TPA_WASM */ // filled in by the build: { "app_bg.wasm": "<base64 of gzip>", … }

const bytes = (base64) => {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};

const wasmResponse = (name) =>
  new Response(new Blob([bytes(TPA_WASM[name])]).stream().pipeThrough(new DecompressionStream('gzip')), {
    headers: { 'Content-Type': 'application/wasm' },
  });

const networkFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const name = url.split(/[?#]/)[0].split('/').pop();
  return Object.hasOwn(TPA_WASM, name) ? Promise.resolve(wasmResponse(name)) : networkFetch(input, init);
};

const real = window.location;
const file = () => real.href.split(/[?#]/)[0];

/** The address the app believes it is at: file:// + the path and query kept in `?p=`. */
const appHref = () => {
  const inner = new URLSearchParams(real.search).get('p') || '/';
  return new URL(inner.startsWith('/') ? inner : '/', 'file://').href + real.hash;
};

/** An address the app wrote, as one this file can go to. Other sites are left as they are. */
const fileHref = (url) => {
  const target = new URL(String(url), appHref());
  if (target.protocol !== 'file:') return target.href;
  return `${file()}?p=${encodeURIComponent(target.pathname + target.search)}${target.hash}`;
};

globalThis.singleFileLocation = Object.freeze({
  get href() {
    return appHref();
  },
  set href(url) {
    real.href = fileHref(url);
  },
  get pathname() {
    return new URL(appHref()).pathname;
  },
  get search() {
    return new URL(appHref()).search;
  },
  get hash() {
    return real.hash;
  },
  set hash(value) {
    real.hash = value;
  },
  get origin() {
    return real.origin;
  },
  get protocol() {
    return real.protocol;
  },
  get host() {
    return real.host;
  },
  get hostname() {
    return real.hostname;
  },
  get port() {
    return real.port;
  },
  assign: (url) => real.assign(fileHref(url)),
  replace: (url) => real.replace(fileHref(url)),
  reload: () => real.reload(),
  toString: () => appHref(),
});

for (const method of ['pushState', 'replaceState']) {
  const original = history[method].bind(history);
  history[method] = (state, title, url) => original(state, title, url == null ? url : fileHref(url));
}
const open = window.open.bind(window);
window.open = (url, ...rest) => open(url ? fileHref(url) : url, ...rest);

// Links. The app's links name paths (`/think`), and a browser resolves them against the file's
// own address (`file:///C:/think` on Windows), which the router cannot read; a new tab would
// open a file that does not exist. So links to the app's pages are followed here, before the
// router sees them: in this tab through the history and a `popstate` (which the router follows,
// reading the location above), in a new tab or window through the patched `window.open`.
const follow = (event, inNewTab) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="/"]') : null;
  const to = link?.getAttribute('href');
  if (!to || to.startsWith('//') || event.defaultPrevented || link.hasAttribute('download')) return;
  event.preventDefault();
  if (inNewTab || link.target === '_blank') {
    window.open(to, '_blank');
  } else {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    window.scrollTo(0, 0);
  }
};
addEventListener('click', (e) => e.button === 0 && follow(e, e.ctrlKey || e.metaKey || e.shiftKey), true);
addEventListener('auxclick', (e) => e.button === 1 && follow(e, true), true);
