// Size budgets, measured as brotli (quality 11) like a static host would serve
// the files. What counts is what the browser really fetches: every request a
// page makes until it is ready is mapped back to its file in dist/.
//
//  - first load: opening the home page (start_url) on a fresh device;
//  - each lazily loaded route: the extra bytes it fetches when opened after home.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, ROUTES, setupE2E, withPage, gotoApp, baseUrl } from './harness.mjs';

/** Brotli-compressed first load (home page) must stay at or under this. 150 kB until issue 9:
 *  a second language (Russian) costs the first download ≈ 9 kB — the frame's and home page's
 *  words in Russian, choosing the language (a kept choice or the browser's), the switcher, and
 *  shell.js, which puts the static shell into that language before the first paint (README,
 *  Performance). The way back under 150 kB is one language's words per download.
 *  162 kB since issue 20's first steps (moved openly, the issue stays open): the first visit of
 *  /en/ now fetches the home page's own text (en/index.html, 1.4 kB brotli, in place of the
 *  shell's 1.0 kB), the language in the address (the router's base, rewriting addresses without
 *  one) and carrying typed text into the app's page. The issue's target is 100 kB.
 *  164 kB since the guidance became one chunk per part and language (issue 20, moved openly,
 *  measured 167,411 B): the six loaders, the route wrapper that brings a page's parts and the
 *  words for a part not on this device cost the first download 2.6 kB; every page with guidance
 *  text now fetches its language only (THINK −3.3 kB, the deck −5.4 kB, own cards −5.4 kB, My
 *  reflections −8.4 kB, facilitator mode −13.8 kB in English; README, One language per download). */
const FIRST_LOAD_BUDGET = 164 * 1024; // 167936 (measured 167,411)
/** What opening one more route may add on top of the first load: the pages people open on a
 *  phone to write and read. The largest today: My reflections (with its printable copy)
 *  ≈ 128 kB, own cards (editor, import/export parsing) ≈ 127 kB, the deck ≈ 113 kB, THINK
 *  ≈ 105 kB. Was 120 kB until My data arrived (issue 7): a page that reads every
 *  kind of stored value shares code with every room, and wasm-split then cuts that code into
 *  more, smaller chunks, so every room grew by 2–5 kB with no change of its own (README,
 *  Performance). 135 kB since issue 8: My reflections shows rounds a page at a time (≈ 131 kB),
 *  so that 10,000 stored answers stay usable. 150 kB since issue 9: each room carries its words
 *  and guidance text in both languages (My reflections ≈ 147 kB, own cards ≈ 136 kB, the deck
 *  ≈ 125 kB, THINK ≈ 113 kB). Loading one language's content per download, and chunk
 *  granularity, are still to be worked on; this budget should come back down then. */
const ROUTE_BUDGET = 150 * 1024;
/** Facilitator mode (/present and its pages) loads as one chunk of five pages (the Present page,
 *  plans, notes, the audience and presenter views: ≈ 192 kB), once, on the facilitator's laptop
 *  before a workshop. It has its own, explicit budget so it cannot grow unnoticed either. */
const FACILITATOR_BUDGET = 220 * 1024; // ≈ 219 kB in two languages (issue 9), 192 kB in English only
/** My data, Safety, About and the passphrase lock (/lock, /unlock) load as one room (≈ 178 kB):
 *  My data reads and checks every kind of stored value (its import is the strictest reader in the
 *  app) and holds export, erase and shared-device mode; the lock brings its cipher (AES-GCM in
 *  Rust), Web Crypto for locked files, the unlock page and its settings (≈ 47 kB together). As
 *  rooms of their own, each made every other room 2–5 kB bigger and the first download bigger
 *  (README, Performance). Opened rarely, and by a locked device once per visit; its own budget. */
const PRIVACY_BUDGET = 195 * 1024; // ≈ 194 kB in two languages (issue 9), 178 kB in English only
const PRIVACY_ROOM = ['/my-data', '/safety', '/about', '/lock'];
/** (The routes' addresses start with their language: `/en/present`.) */
const budgetFor = (address) => {
  const path = address.replace(/^\/en\//, '/');
  return path.startsWith('/present') ? FACILITATOR_BUDGET : PRIVACY_ROOM.includes(path) ? PRIVACY_BUDGET : ROUTE_BUDGET;
};

setupE2E();

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The dist/ file a same-origin URL was served from (deep links are index.html). */
function distFile(url) {
  const p = decodeURIComponent(new URL(url).pathname);
  if (path.extname(p)) return p.slice(1);
  // A page rendered at build time (/en/think → en/think/index.html), else the shell.
  const page = path.join(p.slice(1), 'index.html');
  return existsSync(path.join(DIST, page)) ? page : 'index.html';
}

/** Record the dist/ files the page requests from now on. */
function recordRequests(page) {
  const files = [];
  page.on('request', (req) => {
    if (new URL(req.url()).origin === new URL(baseUrl()).origin) files.push(distFile(req.url()));
  });
  return files;
}

function measure(files) {
  const rows = [...new Set(files)].sort().map((file) => {
    const buf = readFileSync(path.join(DIST, file));
    return { file, raw: buf.length, gzip9: gzip(buf), brotli11: brotli(buf) };
  });
  const sum = (k) => rows.reduce((acc, r) => acc + r[k], 0);
  return { rows, total: { file: 'TOTAL', raw: sum('raw'), gzip9: sum('gzip9'), brotli11: sum('brotli11') } };
}

// Images (the favicon) are not on the critical path of the first paint or of the app starting.
const isCritical = (file) => !/\.(svg|png|ico)$/.test(file);

const baseName = (file) => file.split('/').pop();

it(`the first load (home page) is at most ${FIRST_LOAD_BUDGET} bytes brotli-compressed`, async (t) => {
  await withPage(t, async (page) => {
    const files = recordRequests(page);
    await gotoApp(page, '/en/');
    await page.waitForLoadState('networkidle');
    const { rows, total } = measure(files.filter(isCritical));
    console.table([...rows, total]);
    console.log(`first load: ${total.brotli11} B brotli of the ${FIRST_LOAD_BUDGET} B budget`);

    assert.ok(rows.some((r) => r.file.endsWith('_bg.wasm')), `the app's wasm was not loaded: ${files.join(', ')}`);
    assert.ok(
      !rows.some((r) => /\/(split_|chunk_)/.test(r.file)),
      `the home page loaded a lazy route's chunk (code splitting is broken): ${files.join(', ')}`,
    );
    assert.ok(
      total.brotli11 <= FIRST_LOAD_BUDGET,
      `first load is ${total.brotli11} B brotli, over the ${FIRST_LOAD_BUDGET} B budget by ${total.brotli11 - FIRST_LOAD_BUDGET} B`,
    );
  });
});

it(`opening any other route adds at most ${ROUTE_BUDGET} bytes brotli-compressed (facilitator mode ${FACILITATOR_BUDGET}, privacy room ${PRIVACY_BUDGET}); opened directly, it fetches its files beside the main module`, async (t) => {
  const report = [];
  const needed = new Map();
  for (const route of ROUTES.filter((r) => r.path !== '/en/')) {
    await withPage(t, async (page) => {
      await gotoApp(page, '/en/');
      await page.waitForLoadState('networkidle');
      const files = recordRequests(page);
      // A link as the app has it (main nav or a page's own link), followed by the router.
      await page.evaluate((href) => {
        const link = Object.assign(document.createElement('a'), { href, textContent: 'go' });
        document.querySelector('#main').append(link);
      }, route.path);
      await page.locator(`#main a[href="${route.path}"]`).last().click();
      // The title is set by the page's own code, so its chunks have all arrived by then.
      await page.waitForFunction((title) => document.title === title, route.title);
      const { total } = measure(files.filter(isCritical));
      report.push({ route: route.path, files: [...new Set(files)].length, brotli11: total.brotli11 });
      needed.set(route.path, [...new Set(files.filter((f) => f.endsWith('.wasm')))].sort());
    });
  }
  console.table(report);
  // Opened directly (a link, a bookmark, a reload), a page's own files are fetched beside the main
  // module (boot.js preloads them): exactly the files the router fetches for it, each once.
  for (const route of ROUTES.filter((r) => r.path !== '/en/')) {
    await withPage(t, async (page) => {
      const files = recordRequests(page);
      await gotoApp(page, route.path);
      await page.waitForFunction((title) => document.title === title, route.title);
      await page.waitForLoadState('networkidle');
      const wasm = files.filter((f) => f.endsWith('.wasm'));
      const own = wasm.filter((f) => !f.endsWith('app_bg.wasm')).sort();
      assert.deepEqual(own, needed.get(route.path), `${route.path}: its own files, each fetched once`);
      const preloaded = await page.evaluate(() => document.querySelectorAll('link[rel="preload"][href$=".wasm"]').length);
      assert.equal(preloaded, own.length + 1, `${route.path}: the main module and the page's ${own.length} files are preloaded`);
    });
  }
  // An address with no file of its own (an own card's, here) gets the shell: boot.js preloads
  // the same files for it, from the address alone.
  await withPage(t, async (page) => {
    await gotoApp(page, '/en/my-cards/no-such-card');
    await page.locator('main h1').waitFor();
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="preload"][href*="/split_"], link[rel="preload"][href*="/chunk_"]')].map((l) => l.href),
    );
    assert.deepEqual(preloaded.map(baseName).sort(), needed.get('/en/my-cards').map(baseName).sort(), 'the shell preloads an own card\'s files');
  });
  for (const { route, brotli11 } of report) {
    const budget = budgetFor(route);
    assert.ok(brotli11 <= budget, `${route} adds ${brotli11} B brotli, over the ${budget} B route budget`);
  }
});

it('a page fetches the parts of the guidance it shows, in its own language only (each a chunk of its own)', async (t) => {
  const guidance = (files) => files.filter((f) => /\/split_guidance_[a-z]+_[a-z]+\.wasm$/.test(f)).map((f) => f.split('/split_')[1]);
  for (const [address, wanted] of [
    ['/en/think', ['guidance_think_en.wasm']],
    ['/ru/think', ['guidance_think_ru.wasm']],
    ['/ru/cards/money-matters', ['guidance_deck_ru.wasm']],
    ['/en/present', ['guidance_deck_en.wasm', 'guidance_facilitator_en.wasm', 'guidance_think_en.wasm']],
    ['/ru/about', []],
  ]) {
    await withPage(t, async (page) => {
      const files = recordRequests(page);
      await gotoApp(page, address);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const fetched = guidance(files);
      assert.deepEqual([...new Set(fetched)].sort(), wanted, `${address}: its parts of the guidance, in its language`);
      assert.equal(fetched.length, wanted.length, `${address}: each fetched once`);
      const { total } = measure(files.filter((f) => /\/split_guidance_/.test(f)));
      console.log(`${address}: ${wanted.join(', ') || 'no guidance'}: ${total.brotli11} B brotli`);
    });
  }
});

it('following a link, a page fetches its parts of the guidance beside its code, not after it', async (t) => {
  await withPage(t, async (page) => {
    await gotoApp(page, '/en/');
    await page.waitForLoadState('networkidle');
    // THINK's code is held back until its part of the guidance has been asked for: fetched one
    // after the other, the guidance would never be asked for and the page would not open.
    let asked;
    const guidanceAsked = new Promise((resolve) => (asked = resolve));
    page.on('request', (req) => req.url().endsWith('/split_guidance_think_en.wasm') && asked());
    await page.route(/split___think_route_view_\d+\.wasm$/, async (route) => {
      const inTime = await Promise.race([guidanceAsked.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
      assert.ok(inTime, 'the guidance was asked for while the page\'s code was still on its way');
      await route.continue();
    });
    await page.locator('#main-nav a[href="/en/think"]').first().dispatchEvent('click');
    await page.waitForFunction(() => document.title.startsWith('Think'));
    await page.locator('main h1').waitFor();
  });
});
