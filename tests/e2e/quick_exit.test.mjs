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
    .waitForFunction((n) => document.querySelector('#quick-exit-progress')?.textContent.includes(String(n)), n, {
      timeout: 2_000,
    })
    .catch(() => {});
  assert.match(await progress.innerText(), new RegExp(String(n)), `#quick-exit-progress should show ${n}`);
}

describe('quick exit button', () => {
  for (const vp of VIEWPORTS) {
    it(`is visible near the top of every route at ${vp.width}x${vp.height}`, (t) =>
      withPage(t, { viewport: vp }, async (page) => {
        for (const route of ROUTES) {
          await gotoApp(page, route.path);
          const button = page.locator('#quick-exit');
          assert.ok(await button.isVisible(), `#quick-exit not visible on ${route.path}`);
          const box = await button.boundingBox();
          assert.ok(box.y < 200, `#quick-exit on ${route.path} is at y=${box.y}, expected < 200`);
        }
      }));
  }

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
