// The single-file copy (issue 8, item 2): one HTML file, opened from file:// with no server and
// no network, must be the whole app: every route, writing, reloading, keeping.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTES, VIEWPORTS, auditA11y, launchBrowser, requireDist, screenshot, waitForApp } from './harness.mjs';
import { buildSingleFile } from '../../scripts/single-file/build.mjs';

const env = {};
before(async () => {
  requireDist();
  env.dir = await mkdtemp(path.join(os.tmpdir(), 'tpa-single-test-'));
  ({ out: env.file } = await buildSingleFile(path.join(env.dir, 'think-plan-act.html')));
  env.url = pathToFileURL(env.file).href;
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  if (env.dir) await rm(env.dir, { recursive: true, force: true });
});

/** A fresh page on the file, failing on any request that is not the file itself. */
async function withFilePage(body, viewport = VIEWPORTS[0]) {
  const context = await env.browser.newContext({ viewport });
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route(/^https?:/, (route) => route.abort('blockedbyclient'));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.stack || String(e)));
  try {
    await body(page);
    const elsewhere = requests.filter((u) => !u.startsWith(env.url.split('?')[0]) && !/^(data|blob):/.test(u));
    assert.deepEqual(elsewhere, [], 'nothing but the file itself is requested');
    assert.deepEqual(errors, [], 'no uncaught errors');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
  } finally {
    await context.close();
  }
}

const at = (route) => `${env.url}?p=${encodeURIComponent(route)}`;

describe('single-file copy', () => {
  it('is one self-contained file: no links to other files', async () => {
    const html = await readFile(env.file, 'utf8');
    const links = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    const toFiles = links.filter((l) => !/^(data:|\?p=|#|https:\/\/)/.test(l));
    assert.deepEqual(toFiles, []);
    assert.match(html, /connect-src 'none'/);
    assert.ok(!html.includes('__WASM__'), 'no placeholder left');
  });

  it('opens from file:// with no server: the links, every route by its address, a reload', () =>
    withFilePage(async (page) => {
      await page.goto(env.url);
      await waitForApp(page);
      assert.equal(await page.title(), ROUTES[0].title);
      // On a phone the navigation is behind Menu.
      await page.locator('#menu-toggle').click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenario cards' }).click();
      await page.waitForFunction(() => document.title.startsWith('Scenario cards'));
      assert.equal(new URL(page.url()).searchParams.get('p'), '/en/cards', 'the address is kept in ?p=');
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.title(), 'Scenario cards — Think · Plan · Act', 'a reload stays on the page');
      await page.goBack();
      await waitForApp(page);
      assert.equal(await page.title(), ROUTES[0].title, 'Back works');
      for (const route of ROUTES) {
        await page.goto(at(route.path));
        await waitForApp(page);
        assert.equal(await page.title(), route.title, `${route.path} from the file`);
      }
      await auditA11y(page, 'single file');
      await screenshot(page, 'single-file-phone');

      // A link that opens in a new tab (the presenter's notes) opens this file there too.
      await page.goto(at('/present/presenter'));
      await waitForApp(page);
      const [notes] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: /All facilitator notes/ }).click(),
      ]);
      await waitForApp(notes);
      assert.equal(new URL(notes.url()).searchParams.get('p'), '/en/present/notes');
      assert.equal(await notes.title(), 'Facilitator notes — Think · Plan · Act');
    }));

  it('keeps an answer in the browser across a reload, as the hosted app does', () =>
    withFilePage(async (page) => {
      await page.goto(at('/think'));
      await waitForApp(page);
      const onePage = page.getByRole('button', { name: 'See all on one page' });
      if ((await onePage.getAttribute('aria-pressed')) === 'false') await onePage.click();
      await page.fill('#answer-1-men_and_boys', 'Written in the single file.');
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'Written in the single file.');
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('tpa:answer:1.men_and_boys')));
      assert.equal(stored.data.text, 'Written in the single file.');
      await page.goto(at('/reflections'));
      await waitForApp(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('#main textarea')].some((t) => t.value === 'Written in the single file.'),
      );
    }, VIEWPORTS[1]));
});
