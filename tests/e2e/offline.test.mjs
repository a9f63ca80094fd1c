// Offline use (issue 8): the web app manifest and its icons, the service worker that keeps every
// file of the build, every route opened with the server gone, the update flow that keeps what is
// being typed, and the static shell painted before the wasm arrives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROUTES, VIEWPORTS, auditA11y, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';
import { startServer } from './server.mjs';

setupE2E();

const PHONE = VIEWPORTS[0];

/** Every file of a build folder, relative, with `/` separators. */
async function filesOf(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The list of files a built sw.js keeps. */
async function keptBy(dir) {
  const source = await readFile(path.join(dir, 'sw.js'), 'utf8');
  const match = source.match(/const FILES = (\[[^\]]*\]);/);
  assert.ok(match, 'sw.js has its list of files filled in (a release build)');
  return JSON.parse(match[1]);
}

/** The language a kept file belongs to (its pages, its guidance chunk), as sw.js sees it. */
const languageOf = (file) => /^\.\/(en|ru)\//.exec(file)?.[1] ?? /\/split_guidance_[a-z]+_(en|ru)\.wasm$/.exec(file)?.[1];
/** The files the worker keeps for these languages: theirs and the shared ones. */
const keptFor = (files, langs) => files.filter((f) => !languageOf(f) || langs.includes(languageOf(f)));

/** A server of the test's own, on a copy of dist/ the test may change or stop. */
async function ownServer() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tpa-offline-'));
  await cp(DIST, dir, { recursive: true });
  const server = await startServer({ root: dir, port: 0 });
  return { dir, server, done: async () => (await server.close(), await rm(dir, { recursive: true, force: true })) };
}

/** THINK with every question on one page (the choice is remembered: press it only when off). */
async function openThink(page) {
  await page.goto('/think');
  await waitForApp(page);
  const onePage = page.getByRole('button', { name: 'See all on one page' });
  if ((await onePage.getAttribute('aria-pressed')) === 'false') await onePage.click();
}

/** Runs `body(page, own)` on a page of a server of the test's own (service workers allowed). */
async function withOwnServer(t, opts, body) {
  const own = await ownServer();
  try {
    await withPage(t, { ...opts, base: own.server.url, serviceWorkers: 'allow' }, (page) => body(page, own));
  } finally {
    await own.done();
  }
}

/** Opens the app, waits until the worker controls the page and has kept every file. */
async function install(page, files) {
  await page.goto('/');
  await waitForApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page that registered the worker is controlled once the worker has claimed it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(
    async (wanted) => {
      const names = (await caches.keys()).filter((k) => k.startsWith('tpa-app-'));
      if (names.length !== 1) return false;
      const kept = new Set((await (await caches.open(names[0])).keys()).map((r) => r.url));
      return wanted.every((f) => kept.has(new URL(f, location.origin + '/').href));
    },
    files,
    { polling: 200, timeout: 30_000 },
  );
}

describe('installable, offline-first', () => {
  it('the service worker keeps every file of the release build, under names that change with content', async () => {
    const files = await filesOf(DIST);
    const kept = await keptBy(DIST);
    // Every page in both languages too (en/think/index.html); not the host's 404.html.
    const expected = ['./', ...files.filter((f) => !['sw.js', 'index.html', '404.html'].includes(f)).map((f) => `./${f}`)];
    assert.ok(kept.includes('./ru/cards/money-matters/index.html'), 'the pages rendered at build time');
    assert.deepEqual([...kept].sort(), expected.sort());
    assert.ok(kept.some((f) => /^\.\/wasm-[0-9a-f]{16}\/app_bg\.wasm$/.test(f)), 'the wasm, under its hashed folder');
    assert.ok(kept.filter((f) => f.endsWith('.wasm')).length > 10, 'every lazy chunk too');
    for (const lang of ['en', 'ru']) {
      for (const part of ['think', 'deck', 'facilitator']) {
        assert.ok(kept.some((f) => f.endsWith(`/split_guidance_${part}_${lang}.wasm`)), `the guidance (${part}) in ${lang}: a chunk of its own`);
      }
    }
    const source = await readFile(path.join(DIST, 'sw.js'), 'utf8');
    assert.match(source, /const VERSION = '[0-9a-f]{16}';/);
  });

  it('has a manifest with a name, standalone display, colours and 192/512/maskable/SVG icons', (t) =>
    withPage(t, async (page) => {
      await page.goto('/');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const response = await page.request.get(href);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /application\/manifest\+json/);
      const manifest = await response.json();
      for (const field of ['name', 'short_name', 'start_url', 'theme_color', 'background_color']) {
        assert.ok(manifest[field], `manifest.${field}`);
      }
      assert.equal(manifest.display, 'standalone');
      const icon = (size, purpose) =>
        manifest.icons.find((i) => i.sizes === size && i.purpose.split(' ').includes(purpose));
      for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
        const entry = icon(size, purpose);
        assert.ok(entry, `a ${size} ${purpose} icon`);
        const png = await (await page.request.get(new URL(entry.src, response.url()).href)).body();
        // A PNG's width and height are the big-endian words at bytes 16 and 20.
        const [w, h] = size.split('x').map(Number);
        assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h], `${entry.src} is ${size}`);
      }
      assert.ok(manifest.icons.some((i) => i.type === 'image/svg+xml'), 'an SVG icon');
    }));

  it('opens and works with no network after the first visit: every route, deep links, an answer kept', (t) =>
    withOwnServer(t, { viewport: PHONE }, async (page, own) => {
      await install(page, keptFor(await keptBy(own.dir), ['en']));
      // Gone for good: no server and no network.
      await own.server.close();
      await page.context().setOffline(true);

      await page.reload();
      await waitForApp(page);
      // Deep links, typed or opened from a bookmark, in a new tab.
      for (const route of ROUTES) {
        const tab = await page.context().newPage();
        const response = await tab.goto(route.path);
        assert.ok(response.fromServiceWorker(), `${route.path} answered by the worker`);
        await waitForApp(tab);
        assert.equal(await tab.title(), route.title, `${route.path} opens offline`);
        await tab.close();
      }
      // An address without a language (a bookmark from before): the kept shell leads to the
      // kept page in the person's language.
      const old = await page.context().newPage();
      await old.goto('/cards/money-matters');
      await old.waitForURL((url) => url.pathname === '/en/cards/money-matters');
      await waitForApp(old);
      assert.match(await old.locator('main h1').innerText(), /Money matters/i);
      await old.close();
      await openThink(page);
      await page.fill('#answer-1-men_and_boys', 'Written with no network.');
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'Written with no network.');
      await auditA11y(page, '/think offline');
    }));

  it('keeps the shared files and the language in use; another language is kept once opened, and offline before that it says so', (t) =>
    withOwnServer(t, { viewport: PHONE }, async (page, own) => {
      const files = await keptBy(own.dir);
      await install(page, keptFor(files, ['en']));
      const keptNow = async () => {
        const names = await page.evaluate(() => caches.keys());
        return page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), names[0]);
      };
      const kept = await keptNow();
      assert.ok(!kept.some((f) => f.startsWith('/ru/') || f.endsWith('_ru.wasm')), 'nothing Russian kept');
      assert.ok(kept.some((f) => f.endsWith('split_guidance_think_en.wasm')), 'the English guidance kept');

      // Offline, the interface switches (its words are in the app), and a page of guidance in a
      // language never opened here says in words that it is not on this device yet.
      await page.context().setOffline(true);
      await page.locator('#menu-toggle').click();
      await page.locator('#language-ru').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru');
      // (The menu stays open through the switch.)
      await page.locator('#main-nav a[href="/ru/think"]').click();
      await page.locator('main h1', { hasText: 'Этой страницы пока нет на этом устройстве' }).waitFor();
      await auditA11y(page, 'a page in a language not kept, offline');

      // With a network, opening a Russian page keeps Russian: afterwards it works offline.
      await page.context().setOffline(false);
      await page.goto('/ru/cards');
      await waitForApp(page);
      await install(page, keptFor(files, ['en', 'ru']));
      await own.server.close();
      await page.context().setOffline(true);
      const tab = await page.context().newPage();
      await tab.goto('/ru/think');
      await waitForApp(tab);
      assert.match(await tab.locator('main h1').innerText(), /ДУМАЙ|Думай/i);
      await tab.close();
    }));

  it('after "erase everything" removed the offline copy, the next load keeps the whole build again', (t) =>
    withOwnServer(t, {}, async (page, own) => {
      const files = await keptBy(own.dir);
      await install(page, keptFor(files, ['en']));
      await page.goto('/my-data');
      await waitForApp(page);
      await page.locator('#erase-all').click();
      await page.locator('#erase-yes').click();
      await page.locator('#erased').waitFor();
      await page.waitForFunction(async () => (await caches.keys()).length === 0);
      // Reloading (with a network) keeps every file again, pages never opened included.
      await page.reload();
      await waitForApp(page);
      await install(page, keptFor(files, ['en']));
      await own.server.close();
      await page.context().setOffline(true);
      const tab = await page.context().newPage();
      await tab.goto('/present');
      await waitForApp(tab);
      assert.equal(await tab.title(), 'Present — Think · Plan · Act', 'a page not opened since the erase works offline');
      await tab.close();
    }));

  it('keeps nothing from a host that is halfway through a deploy, and tries again on the next load', (t) =>
    withOwnServer(t, {}, async (page, own) => {
      const files = await keptBy(own.dir);
      const page1 = await readFile(path.join(own.dir, 'index.html'), 'utf8');
      const folder = page1.match(/wasm-[0-9a-f]{16}/)[0];
      // How the first install ends: the worker becomes 'redundant' when it fails.
      await page.addInitScript(() => {
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          const registered = register.apply(this, args);
          window.__installed = registered.then(
            (r) =>
              new Promise((done) => {
                const worker = r.installing;
                if (!worker) return done(r.active ? 'activated' : 'none');
                worker.addEventListener('statechange', () => worker.state !== 'installing' && done(worker.state));
              }),
          );
          return registered;
        };
      });
      // The page gets this build's index.html; the worker's copy of it, fetched a moment later,
      // is another build's (the old one still, or the next one already) beside this build's files.
      let asked = 0;
      await page.context().route(`${own.server.url}/`, (route) =>
        asked++ === 0
          ? route.continue()
          : route.fulfill({ contentType: 'text/html', body: page1.replaceAll(folder, 'wasm-0123456789abcdef') }),
      );
      await page.goto('/');
      await waitForApp(page);
      await page.waitForFunction(() => window.__installed !== undefined);
      assert.equal(await page.evaluate(() => window.__installed), 'redundant', 'the install fails');
      assert.ok(asked >= 2, 'the worker asked for the page');
      assert.deepEqual(await page.evaluate(() => caches.keys()), [], 'no half-kept build');
      await page.context().unroute(`${own.server.url}/`);
      await page.reload();
      await waitForApp(page);
      await install(page, keptFor(files, ['en']));
    }));

  it('offers a new version and, on Reload, keeps what is being typed', (t) =>
    withOwnServer(t, {}, async (page, own) => {
      await install(page, keptFor(await keptBy(own.dir), ['en']));
      await openThink(page);
      const field = page.locator('#answer-1-men_and_boys');
      await field.fill('Started before the update');
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();

      // A new release on the host: any change to the build gives sw.js another version.
      const sw = path.join(own.dir, 'sw.js');
      const next = (await readFile(sw, 'utf8')).replace(/const VERSION = '([0-9a-f]+)';/, "const VERSION = 'next$1';");
      await writeFile(sw, next);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const banner = page.getByRole('status').filter({ hasText: 'A new version of the app is ready.' });
      await banner.waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('tpa:answer:1.men_and_boys')).then((v) => JSON.parse(v).data.text), 'Started before the update');
      await auditA11y(page, 'the new-version notice');
      await screenshot(page, 'update-ready');

      // Still typing (no pause for autosave, the focus stays in the field) when Reload is
      // chosen: the save before reloading (or, failing that, the one on leaving the page)
      // must keep these words.
      await field.pressSequentially(', and more.');
      const reloaded = page.waitForEvent('load');
      await page.evaluate(() => document.querySelector('#update-ready button').click());
      await reloaded;
      await waitForApp(page);
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'Started before the update, and more.');
      const names = await page.evaluate(() => caches.keys());
      assert.ok(names.some((n) => n.startsWith('tpa-app-next')), `the new version's files are kept: ${names}`);
      assert.equal(await page.getByRole('status').filter({ hasText: 'A new version' }).count(), 0, 'no notice after the update');
    }));
});

describe('static shell', () => {
  for (const viewport of VIEWPORTS) {
    it(`paints the page before the wasm arrives, and nothing moves when the app takes over (${viewport.width}px)`, (t) =>
      withPage(t, { viewport }, async (page) => {
        // Hold the wasm back until the shell has been measured.
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route(/app_bg\.wasm$/, async (route) => (await held, route.continue()));
        await page.goto('/en/think', { waitUntil: 'domcontentloaded' });
        await page.locator('.site-header .brand').waitFor();
        const boxes = () =>
          page.evaluate(() =>
            ['.site-header', '.brand', '.menu-toggle', '.quick-exit__button', '.main-nav'].map((s) => {
              const r = document.querySelector(s).getBoundingClientRect();
              return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
            }),
          );
        const shell = await boxes();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the app has not started');
        // The page's own text, rendered at build time (issue 20).
        assert.match(await page.locator('#main').innerText(), /What are three different common gender norms/);
        await auditA11y(page, `THINK before the app ${viewport.width}px`);
        await screenshot(page, `static-shell-${viewport.width}`);
        release();
        await waitForApp(page);
        assert.deepEqual(await boxes(), shell, 'the header and navigation stay where they were');
      }));
  }

  it('says in words when the app cannot start (no wasm), and keeps the frame', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await page.route(/app_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
      await page.goto('/');
      const message = page.locator('#main .fatal');
      await message.waitFor();
      assert.match(await message.innerText(), /could not start/);
      // The page's text, there before the app, stays readable.
      assert.ok((await page.locator('#main').innerText()).length > 200, 'the home page is still there');
      assert.ok(await page.locator('.quick-exit__button').isVisible(), 'the way out is still there');
      await auditA11y(page, 'the app could not start');
    }));
});
