// The first prerendered pages (issue 20, a first step): the native `prerender` binary renders a
// page with the same components the wasm runs, into a copy of dist/. Without scripts the page's
// text is there; with them the app takes the page over without a layout shift and works.
// (The build does not write these pages into dist/ yet: language prefixes come first.)
import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, requireDist, setupE2E, waitForApp, withPage } from './harness.mjs';
import { startServer } from './server.mjs';

setupE2E();

const PHONE = { width: 360, height: 740 };
let site;
let server;

before(async () => {
  requireDist();
  execFileSync('cargo', ['build', '--quiet', '--features', 'prerender', '--bin', 'prerender'], { cwd: ROOT, stdio: 'inherit' });
  site = mkdtempSync(path.join(tmpdir(), 'tpa-prerendered-'));
  cpSync(DIST, site, { recursive: true });
  for (const [address, lang] of [['/think', 'en'], ['/cards/money-matters', 'ru']]) {
    mkdirSync(path.join(site, address), { recursive: true });
    execFileSync(path.join(ROOT, 'target/debug/prerender'), [
      path.join(DIST, 'index.html'), path.join(site, address, 'index.html'), address, lang,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  server = await startServer({ root: site });
});
after(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('a page rendered at build time', () => {
  it('shows its text without scripts, in its language', (t) =>
    withPage(t, { viewport: PHONE, javaScriptEnabled: false, base: server.url }, async (page) => {
      await page.goto('/think');
      assert.equal(await page.locator('main h1').innerText(), 'Think');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const text = await page.locator('main').textContent();
      assert.match(text, /What are three different common gender norms/);
      assert.match(text, /How do dominant gender norms in your community affect women and girls\?/);
      await page.goto('/cards/money-matters');
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      assert.match(await page.locator('main h1').innerText(), /^Денежный вопрос/);
    }));

  it('is taken over by the app with nothing shifting, and then works', (t) =>
    withPage(t, { viewport: PHONE, base: server.url }, async (page) => {
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/think');
      await waitForApp(page);
      assert.equal(await page.locator('#app').count(), 1, 'one app root');
      assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the rendered page is gone');
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts <= 0.01, `layout shift ${shifts.toFixed(3)} on taking over`);
      await page.fill('#new-norm', 'Men must not ask for help');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.waitForFunction(() => (localStorage.getItem('tpa:norms:1') ?? '').includes('Men must not ask for help'));
    }));
});
