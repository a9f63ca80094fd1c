// Quick exit: always reachable at the top, leaves via location.replace (so
// Back does not return to the app), Shift ×3 within 5 s, a skip link to it,
// and a user-configured destination.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES, VIEWPORTS, baseUrl, gotoApp, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const DEFAULT_EXIT = 'https://www.bbc.com/weather';
const BBC = { allowedExternal: ['https://www.bbc.com'] };

/** The page is at `dest` and Back does not lead back into the app. */
async function expectExited(page, dest) {
  await page.waitForURL(dest, { timeout: 5_000 });
  await page.goBack().catch(() => {}); // no history entry at all is fine too
  assert.notEqual(
    new URL(page.url()).origin,
    new URL(baseUrl()).origin,
    `Back returned to the app (${page.url()}): quick exit must use location.replace`,
  );
}

async function expectProgress(page, n) {
  const progress = page.locator('#quick-exit-progress');
  await progress.waitFor({ state: 'visible', timeout: 2_000 });
  await page
    .waitForFunction((n) => document.querySelector('#quick-exit-progress')?.textContent.trim() === `Shift pressed ${n} of 3`, n, {
      timeout: 2_000,
    })
    .catch(() => {});
  assert.equal((await progress.innerText()).trim(), `Shift pressed ${n} of 3`);
}

describe('quick exit button', () => {
  for (const vp of VIEWPORTS) {
    it(`is visible near the top of every route at ${vp.width}x${vp.height}`, (t) =>
      withPage(t, { viewport: vp }, async (page) => {
        for (const route of ROUTES.filter((r) => !r.projector)) {
          await gotoApp(page, route.path);
          const button = page.locator('#quick-exit');
          assert.ok(await button.isVisible(), `#quick-exit not visible on ${route.path}`);
          const box = await button.boundingBox();
          assert.ok(box.y < 200, `#quick-exit on ${route.path} is at y=${box.y}, expected < 200`);
        }
      }));
  }

  it('stays in view at the bottom of a long page on a phone', (t) =>
    withPage(t, { viewport: VIEWPORTS[0] }, async (page) => {
      await gotoApp(page, '/about');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction(() => window.scrollY > 500);
      const box = await page.locator('#quick-exit').boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `#quick-exit scrolled out of view: ${JSON.stringify(box)}`);
    }));

  it('after moving between pages, Back does not return to the page that was showing', (t) =>
    withPage(t, BBC, async (page) => {
      await gotoApp(page, '/');
      await page.locator('nav[aria-label="Main"] a[href$="/think"]').click();
      await page.waitForURL(/\/think$/);
      await page.locator('#quick-exit').click();
      await page.waitForURL(DEFAULT_EXIT, { timeout: 5_000 });
      await page.goBack();
      // The Safety page says honestly that Back may reach an earlier page of the app.
      assert.notEqual(new URL(page.url()).pathname, '/en/think', 'Back returned to the page that was exited');
    }));

  it('a damaged or hostile stored destination falls back to the default', (t) =>
    withPage(t, BBC, async (page) => {
      await gotoApp(page, '/');
      await page.evaluate(() =>
        localStorage.setItem('tpa:settings', JSON.stringify({ v: 1, rev: 1, data: { exit_url: 'javascript:alert(1)' } })),
      );
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('#quick-exit').getAttribute('href'), DEFAULT_EXIT);
      await page.locator('#quick-exit').click();
      await expectExited(page, DEFAULT_EXIT);
    }));

  it('leaves for the default destination and replaces the history entry', (t) =>
    withPage(t, BBC, async (page) => {
      await gotoApp(page, '/think');
      await page.locator('#quick-exit').click();
      await expectExited(page, DEFAULT_EXIT);
    }));

  it('the first Tab focuses a skip link to the quick exit', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, href: el?.getAttribute('href') };
      });
      assert.deepEqual(focused, { tag: 'A', href: '#quick-exit' });
    }));

  it('the skip links move keyboard focus to quick exit and to the main content', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/about');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'quick-exit');
      assert.equal(new URL(page.url()).origin, new URL(baseUrl()).origin, 'the skip link must not exit');
      await gotoApp(page, '/about');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    }));
});

describe('quick exit by keyboard', () => {
  it('Shift three times within 5 s exits, showing progress', (t) =>
    withPage(t, BBC, async (page) => {
      await gotoApp(page, '/cards');
      await page.keyboard.press('Shift');
      await expectProgress(page, 1);
      await page.keyboard.press('Shift');
      await expectProgress(page, 2);
      await page.keyboard.press('Shift');
      await expectExited(page, DEFAULT_EXIT);
    }));

  it('Shift three times also leaves the projector view, which shows no button', (t) =>
    withPage(t, BBC, async (page) => {
      await gotoApp(page, '/present/show');
      assert.equal(await page.locator('#quick-exit').isVisible(), false);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expectExited(page, DEFAULT_EXIT);
    }));

  it('Shift presses more than 5 s apart do not exit', (t) =>
    // bbc.com is NOT allowed here: an exit would also trip the request guard.
    withPage(t, async (page) => {
      await gotoApp(page, '/cards');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await expectProgress(page, 2);
      await page.waitForTimeout(5_500); // deliberate: let the 5 s window expire
      await page.keyboard.press('Shift');
      // The late press starts a new sequence instead of completing the old one.
      await expectProgress(page, 1);
      assert.equal(new URL(page.url()).origin, new URL(baseUrl()).origin, 'the app was left');
    }));
});

describe('configured destination', () => {
  it('is saved on /safety and used after a reload', (t) =>
    withPage(t, { allowedExternal: ['https://example.org'] }, async (page) => {
      const dest = 'https://example.org/';
      await gotoApp(page, '/safety');
      await page.locator('#exit-destination').fill(dest);
      await page.locator('#save-exit-destination').click();
      await page.waitForFunction((d) => localStorage.getItem('tpa:settings')?.includes(d), dest, { timeout: 5_000 });
      await page.reload();
      await waitForApp(page);
      await page.locator('#quick-exit').click();
      await expectExited(page, dest);
    }));
});
