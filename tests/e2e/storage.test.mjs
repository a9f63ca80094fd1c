// Local storage robustness: unreadable or too-new data is kept (backed up,
// never overwritten) and offered for download; a full storage is reported
// without losing what the user typed; a normal save round-trips.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { auditA11y, gotoApp, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const KEY = 'tpa:settings';
const BACKUP_PREFIX = 'tpa:backup:settings:';

const dumpStorage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** Assert the visible element `sel` is an alert whose text matches `re`. */
async function expectAlert(page, sel, re) {
  const el = page.locator(sel);
  await el.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await el.getAttribute('role'), 'alert', `${sel} needs role="alert"`);
  assert.match(await el.innerText(), re);
}

/** Put `raw` into tpa:settings, reload, and check nothing was lost. */
async function unreadableSettings(page, raw) {
  await gotoApp(page, '/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await page.reload();
  await waitForApp(page);

  await expectAlert(page, '#storage-notice', /could not read/i);

  const store = await dumpStorage(page);
  assert.equal(store[KEY], raw, `${KEY} was overwritten`);
  const backups = Object.entries(store).filter(([k]) => k.startsWith(BACKUP_PREFIX));
  assert.ok(
    backups.some(([, v]) => v === raw),
    `no ${BACKUP_PREFIX}* key holds the original text; keys: ${Object.keys(store).join(', ')}`,
  );

  // The download link must actually hand the unreadable data to the user.
  const link = page.locator('#storage-notice a[download]');
  assert.ok(await link.first().isVisible(), '#storage-notice has no visible a[download] link');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5_000 }), link.first().click()]);
  const body = await readFile(await download.path(), 'utf8');
  assert.ok(
    body.includes(raw) || body.includes(JSON.stringify(raw).slice(1, -1)),
    `the download does not contain the unreadable data:\n${body.slice(0, 500)}`,
  );

  await auditA11y(page, 'page with #storage-notice');
}

describe('storage', () => {
  it('corrupt settings are kept, backed up and offered for download', (t) =>
    withPage(t, (page) => unreadableSettings(page, '{not json')));

  it('settings from a newer schema version are kept, backed up and offered for download', (t) =>
    withPage(t, (page) => unreadableSettings(page, '{"v":999,"rev":1,"data":{}}')));

  it('a full storage is reported and the typed text is kept', (t) =>
    withPage(t, async (page) => {
      await page.addInitScript(() => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (String(key).startsWith('tpa:')) throw new DOMException('full', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      });
      const typed = 'https://example.org/quota';
      await gotoApp(page, '/safety');
      await page.locator('#exit-destination').fill(typed);
      await page.locator('#save-exit-destination').click();
      await expectAlert(page, '#storage-error', /full|space/i);
      assert.equal(await page.locator('#exit-destination').inputValue(), typed);
    }));

  it('a saved destination survives a reload in the documented format', (t) =>
    withPage(t, async (page) => {
      const dest = 'https://example.net/safe-place';
      await gotoApp(page, '/safety');
      await page.locator('#exit-destination').fill(dest);
      await page.locator('#save-exit-destination').click();
      await page.waitForFunction(([k, d]) => localStorage.getItem(k)?.includes(d), [KEY, dest], { timeout: 5_000 });
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('#exit-destination').inputValue(), dest);
      const saved = JSON.parse((await dumpStorage(page))[KEY]);
      assert.equal(saved.v, 1);
      assert.equal(saved.data?.exit_url, dest);
    }));
});

describe('two open tabs', () => {
  it('a change saved in one tab reaches the other without a reload', (t) =>
    withPage(t, async (first) => {
      const dest = 'https://example.org/from-the-other-tab';
      await gotoApp(first, '/safety');
      // A second tab of the same browser profile shares localStorage and gets `storage` events.
      const second = await first.context().newPage();
      await gotoApp(second, '/');
      assert.notEqual(await second.locator('#quick-exit').getAttribute('href'), dest);

      await first.locator('#exit-destination').fill(dest);
      await first.locator('#save-exit-destination').click();
      await second.waitForFunction(
        (d) => document.querySelector('#quick-exit')?.getAttribute('href') === d,
        dest,
        { timeout: 5_000 },
      );
      // Without a reload, the second tab saves on top of the first tab's revision (no conflict).
      await second.locator('nav[aria-label="Main"] a[href$="/safety"]').click();
      assert.equal(await second.locator('#exit-destination').inputValue(), dest);
      await second.locator('#exit-destination').fill('https://example.org/second');
      await second.locator('#save-exit-destination').click();
      await second.locator('#exit-destination-saved').waitFor({ state: 'visible', timeout: 5_000 });
      const stored = JSON.parse(await second.evaluate((k) => localStorage.getItem(k), KEY));
      assert.equal(stored.rev, 2);
      assert.equal(stored.data.exit_url, 'https://example.org/second');
    }));
});

describe('blocked storage', () => {
  it('the app still works in memory and says so', (t) =>
    withPage(t, { allowedExternal: ['https://example.org'] }, async (page) => {
      // Some private modes and "block all cookies" settings make localStorage throw.
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await gotoApp(page, '/safety');
      await page.locator('#storage-unavailable').waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(await page.locator('#storage-unavailable').innerText(), /gone when this tab closes/);
      const dest = 'https://example.org/in-memory';
      await page.locator('#exit-destination').fill(dest);
      await page.locator('#save-exit-destination').click();
      await expectAlert(page, '#storage-error', /blocking storage/);
      assert.equal(await page.locator('#exit-destination').inputValue(), dest);
      await auditA11y(page, '/safety with storage blocked');
      // The choice still works for this tab.
      await page.locator('#quick-exit').click();
      await page.waitForURL(dest, { timeout: 5_000 });
    }));
});
