// Puts the static shell of index.html into the person's language before it is painted, and
// points its "Exit this page" where the person chose. A classic script at the end of <body>:
// it runs before the first paint and long before the wasm. scripts/fill-boot.mjs fills in
// SHELL from locales/<code>.json: every language's name, and the words the shell's `data-w`
// (text) and `data-w-label` (aria-label) attributes name.
(() => {
  const SHELL = __SHELL__;
  // The app's own rule (src/model/language.rs, first_choice): a choice kept in the settings,
  // else the first of the browser's languages the app speaks, with Russian for a language of
  // Central Asia listed before those, else English. The e2e tests hold both to it.
  const READS_RUSSIAN_FIRST = ['kk', 'ky', 'uz', 'tg', 'tk'];
  const primary = (code) => String(code).split(/[-_]/)[0].toLowerCase();
  const speaks = (code) => SHELL.languages.find(([lang]) => lang === primary(code))?.[0];

  // The settings as the app stores them ({v, rev, data}), read where the app reads them: a tab in
  // shared-device mode keeps its own in sessionStorage (src/storage/shared_device.rs: the tab's
  // flag, else the device's for a new tab).
  let settings = {};
  try {
    const flag = sessionStorage.getItem('tpa:shared-device') ?? localStorage.getItem('tpa:shared-device');
    const store = flag === '1' ? sessionStorage : localStorage;
    const data = JSON.parse(store.getItem('tpa:settings') ?? 'null')?.data;
    if (data && typeof data === 'object') settings = data;
  } catch {
    // Blocked storage or unreadable text: the defaults stand, the app says more when it starts.
  }

  const pick = () => {
    const kept = typeof settings.language === 'string' && speaks(settings.language);
    if (kept) return kept;
    for (const code of navigator.languages ?? [navigator.language]) {
      const lang = speaks(code);
      if (lang) return lang;
      if (READS_RUSSIAN_FIRST.includes(primary(code))) return 'ru';
    }
    return 'en';
  };
  // Every page's address names its language (`/ru/think`, src/model/pages.rs). An address
  // without one (an old bookmark, the installed app's start `/`, a `/shared#cards=…` link) leads
  // to the same page in the person's language, before anything is painted. The single-file copy
  // (file://) keeps its addresses in its query: its app does the same there.
  const named = /^\/([^/]+)(?:\/|$)/.exec(location.pathname)?.[1];
  const inAddress = SHELL.languages.some(([code]) => code === named) ? named : null;
  if (!inAddress && location.protocol !== 'file:') {
    document.documentElement.classList.add('exiting'); // main.css: nothing shows meanwhile
    window.tpaLeaving = true; // boot.js: no app to start here
    location.replace(`/${pick()}${location.pathname}${location.search}${location.hash}`);
    return;
  }
  document.documentElement.classList.remove('choosing');
  const lang = inAddress ?? pick();
  const words = SHELL.words[lang];
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-w]')) element.textContent = words[element.dataset.w];
  for (const element of document.querySelectorAll('[data-w-label]')) element.setAttribute('aria-label', words[element.dataset.wLabel]);

  // The shell's links (on pages with no file of their own: the 404 page, a development build)
  // lead to the pages in this language.
  if (!document.getElementById('app')?.hasAttribute('data-prerendered')) {
    for (const link of document.querySelectorAll('#app a[href^="/"]')) {
      link.setAttribute('href', `/${lang}${link.getAttribute('href')}`);
    }
  }

  // The switcher's buttons are in index.html, so the first paint has their room (they work
  // once the app has started); here only which one is pressed.
  for (const button of document.querySelectorAll('.language-switcher button')) {
    button.setAttribute('aria-pressed', String(button.lang === lang));
  }

  // Menu (GOV.UK's header pattern), for the static shell and the app alike: the app draws the
  // same button and navigation (src/components/shell.rs) and leaves their working to this
  // script, which costs the first download less than the same in wasm. Menu unfolds or folds the
  // navigation; Esc (in it, or on Menu) folds it and puts the focus on Menu; following a link, or
  // Back, folds it. When the app draws the frame anew (at its start, after a change of language)
  // the new button and navigation take the state the person left them in.
  let menuOpen = false;
  const fold = (open, focusMenu = false) => {
    menuOpen = open;
    const menu = document.getElementById('menu-toggle');
    const nav = document.getElementById('main-nav');
    if (!menu || !nav) return;
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
    if (focusMenu) menu.focus();
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('#menu-toggle')) fold(!menuOpen);
    else if (menuOpen && target?.closest('a[href]')) fold(false);
  });
  document.addEventListener('keydown', (event) => {
    const at = document.activeElement;
    if (event.key === 'Escape' && menuOpen && (at === document.body || at?.closest('#main-nav, #menu-toggle'))) {
      fold(false, true);
    }
  });
  addEventListener('popstate', () => fold(false));
  // (#app itself is replaced when the app takes over a page rendered at build time.)
  const redrawn = new MutationObserver(() => fold(menuOpen));
  const followApp = () => {
    const app = document.getElementById('app');
    if (app) redrawn.observe(app, { childList: true });
  };
  followApp();
  new MutationObserver((changes) => {
    for (const change of changes) for (const old of change.removedNodes) if (old.id === 'app') carryOver(old);
    followApp();
    fold(menuOpen);
  }).observe(document.body, { childList: true });

  // The app takes over a page rendered at build time by putting its own #app in that one's
  // place (src/web.rs, take_over). What was typed or ticked there meanwhile goes into the same
  // field of the app's page, which hears it as typing (so it is saved), and the caret stays.
  let focused = null;
  document.addEventListener('focusin', (event) => (focused = event.target));
  const carryOver = (old) => {
    for (const field of old.querySelectorAll('input[id], textarea[id]')) {
      const twin = document.getElementById(field.id);
      if (!twin || twin === field || old.contains(twin)) continue;
      if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked === field.defaultChecked || twin.checked !== twin.defaultChecked) continue;
        twin.checked = field.checked;
        twin.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (field.value !== field.defaultValue && twin.value === twin.defaultValue) {
        twin.value = field.value;
        twin.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
    if (focused?.id && old.contains(focused)) {
      const twin = document.getElementById(focused.id);
      twin?.focus();
      if (twin && 'selectionStart' in focused && focused.selectionStart !== null) {
        try {
          twin.setSelectionRange(focused.selectionStart, focused.selectionEnd);
        } catch {
          // (A field without a caret.)
        }
      }
    }
  };

  // Only a web address the app would take too (src/model/settings.rs, validate_exit_url);
  // anything else keeps the shell's own destination.
  const exit = document.querySelector('.quick-exit__button');
  const url = typeof settings.exit_url === 'string' ? settings.exit_url.trim() : '';
  if (exit && url.length <= 2000 && /^https?:\/\/[a-z0-9.\-:\[\]]+(?:[/?#]\S*)?$/i.test(url)) {
    exit.href = url;
  }
})();
