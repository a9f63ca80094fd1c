// Shared-device mode: what is written stays in the tab (sessionStorage) and never reaches the
// device's storage; it is shown on every page while on; it can end keeping or forgetting what
// the tab holds; the choice is remembered only when asked; quick exit forgets the tab's data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditA11y, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const local = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
const session = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])));

const ANSWER = 'Written on a shared phone, 7f3a';

async function startSharedMode(page, { remember = false } = {}) {
  await gotoApp(page, '/safety');
  if (remember) await page.locator('#shared-remember').check();
  await page.locator('#shared-start').click();
  await page.locator('#shared-device-status').waitFor();
}

/** An answer stored on the device before the test (what shared-device mode must not touch). */
async function keptOnTheDevice(page, text) {
  await gotoApp(page, '/');
  await page.evaluate(
    (t) => localStorage.setItem('tpa:answer:1.costs', JSON.stringify({ v: 1, rev: 1, data: { text: t, updated_at: 1 } })),
    text,
  );
}

async function writeAnswer(page, text = ANSWER) {
  await gotoApp(page, '/think');
  const onePage = page.getByRole('button', { name: 'See all on one page' });
  if (await onePage.count()) await onePage.click();
  await page.fill('#answer-1-men_and_boys', text);
  await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
}

describe('shared-device mode', () => {
  it('keeps what is written in the tab only, and says so on every page', (t) =>
    withPage(t, async (page) => {
      await keptOnTheDevice(page, 'from before');
      await startSharedMode(page);
      await writeAnswer(page);
      assert.ok((await session(page))['tpa:answer:1.men_and_boys'], 'the answer is in the tab');
      const device = await local(page);
      assert.equal(device['tpa:answer:1.men_and_boys'], undefined, 'the answer reached the device');
      assert.equal(device['tpa:shared-device'], undefined, 'the choice was remembered without asking');
      assert.ok(device['tpa:answer:1.costs'], 'what was kept before is untouched');
      for (const path of ['/', '/think', '/reflections', '/cards', '/my-data', '/safety']) {
        await gotoApp(page, path);
        assert.ok(await page.locator('#shared-device-on').isVisible(), `no notice on ${path}`);
      }
      await auditA11y(page, '/safety in shared-device mode');
      await screenshot(page, 'safety-shared-device');
      // A reload keeps the tab's answer.
      await gotoApp(page, '/think');
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), ANSWER);
      // Another tab does not see it and is not in the mode.
      const other = await page.context().newPage();
      await other.goto('/think');
      await waitForApp(other);
      assert.equal(await other.locator('#shared-device-on').count(), 0);
      assert.equal(await other.inputValue('#answer-1-men_and_boys'), '');
      await other.close();
    }));

  it('ends keeping what the tab holds on the device, or forgetting it', (t) =>
    withPage(t, async (page) => {
      await startSharedMode(page);
      await writeAnswer(page);
      await gotoApp(page, '/safety');
      // The page loads afresh; its text is there before the app (rendered at build time).
      await Promise.all([page.waitForEvent('load'), page.locator('#shared-keep').click()]);
      await waitForApp(page);
      await page.locator('#shared-start').waitFor();
      assert.equal(await page.locator('#shared-device-on').count(), 0);
      assert.equal(JSON.parse((await local(page))['tpa:answer:1.men_and_boys']).data.text, ANSWER);
      // The tab's copy is gone; it notes only that it is an ordinary tab now.
      assert.deepEqual(await session(page), { 'tpa:shared-device': '0' });

      await startSharedMode(page);
      await writeAnswer(page, 'Only for this tab');
      await gotoApp(page, '/safety');
      await page.locator('#shared-forget').click();
      // Forgetting asks first; Cancel is where focus lands.
      await expectFocus(page, 'shared-forget-cancel');
      await Promise.all([page.waitForEvent('load'), page.locator('#shared-forget-yes').click()]);
      await waitForApp(page);
      await page.locator('#shared-start').waitFor();
      assert.equal(JSON.parse((await local(page))['tpa:answer:1.men_and_boys']).data.text, ANSWER, 'forgetting changed the device');
      // The tab's copy is gone; it notes only that it is an ordinary tab now.
      assert.deepEqual(await session(page), { 'tpa:shared-device': '0' });
    }));

  it('is remembered for new tabs only when asked, and can be forgotten again', (t) =>
    withPage(t, async (page) => {
      await startSharedMode(page, { remember: true });
      assert.equal((await local(page))['tpa:shared-device'], '1');
      const other = await page.context().newPage();
      await other.goto('/');
      await waitForApp(other);
      assert.ok(await other.locator('#shared-device-on').isVisible(), 'a new tab did not start in the mode');
      await other.close();
      await page.locator('#shared-remember').uncheck();
      assert.equal((await local(page))['tpa:shared-device'], undefined);
    }));

  it('a tab already open stays where it keeps things when another tab changes the choice', (t) =>
    withPage(t, async (page) => {
      // An ordinary tab, open and written in.
      await writeAnswer(page, 'Written in an ordinary tab');
      const other = await page.context().newPage();
      await other.goto('/safety');
      await waitForApp(other);
      await other.locator('#shared-remember').check();
      await other.locator('#shared-start').click();
      await other.locator('#shared-device-status').waitFor();
      // The first tab goes on writing to the device, and says nothing about shared mode.
      await page.fill('#answer-1-men_and_boys', 'Still an ordinary tab');
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
      assert.equal(JSON.parse((await local(page))['tpa:answer:1.men_and_boys']).data.text, 'Still an ordinary tab');
      assert.equal((await session(page))['tpa:answer:1.men_and_boys'], undefined);
      // And a shared tab stays shared when the choice is no longer remembered.
      await other.locator('#shared-remember').uncheck();
      await other.goto('/');
      await waitForApp(other);
      assert.ok(await other.locator('#shared-device-on').isVisible());
      await other.close();
    }));

  it('erasing in shared-device mode erases the tab and stays in the mode', (t) =>
    withPage(t, async (page) => {
      await keptOnTheDevice(page, 'on the device');
      await startSharedMode(page);
      await writeAnswer(page);
      await gotoApp(page, '/my-data');
      await page.locator('#erase-all').click();
      await page.locator('#erase-yes').click();
      await page.locator('#erased').waitFor();
      await expectFocus(page, 'erase-outcome');
      assert.deepEqual(await session(page), { 'tpa:shared-device': '1' });
      assert.ok((await local(page))['tpa:answer:1.costs'], 'the device was erased from a shared tab');
      await gotoApp(page, '/');
      assert.ok(await page.locator('#shared-device-on').isVisible(), 'erasing ended the mode');
    }));

  it('quick exit in an ordinary tab leaves what is stored alone', (t) =>
    withPage(t, { allowedExternal: ['https://www.bbc.com'] }, async (page) => {
      await writeAnswer(page);
      const before = await local(page);
      await page.locator('#quick-exit').click();
      await page.waitForURL('https://www.bbc.com/weather', { timeout: 5_000 });
      await page.goto('/');
      await waitForApp(page);
      assert.deepEqual(await local(page), before);
    }));

  it('quick exit forgets what the tab holds before leaving', (t) =>
    withPage(t, { allowedExternal: ['https://www.bbc.com'] }, async (page) => {
      await startSharedMode(page);
      await writeAnswer(page);
      await page.locator('#quick-exit').click();
      await page.waitForURL('https://www.bbc.com/weather', { timeout: 5_000 });
      await page.goto('/');
      await waitForApp(page);
      const tab = await session(page);
      assert.equal(tab['tpa:answer:1.men_and_boys'], undefined, 'the answer survived quick exit');
      assert.equal(tab['tpa:shared-device'], '1', 'the tab left the mode');
    }));
});
