// My data: what is stored, a copy out (export), a copy in (import: preview, add or replace,
// all or nothing), the committed corpus of hostile files, erasing everything, the printable
// copy of reflections, asking the browser to keep the data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, auditA11y, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const CORPUS = path.join(ROOT, 'tests/corpus/data_import');

const dumpStorage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

const envelope = (data, rev = 1) => JSON.stringify({ v: 1, rev, data });

/** A device with a little of everything a person writes. */
const SEEDED = {
  'tpa:answer:1.benefits': envelope({ text: 'My own answer, written here', updated_at: 1_700_000_000_000 }),
  'tpa:answer:1.costs': envelope({ text: 'Second answer', updated_at: 1_700_000_000_001 }),
  'tpa:note:parental-leave': envelope({ text: 'A note on a card', updated_at: 1_700_000_000_002 }),
  'tpa:agenda:plan-1': envelope({ title: 'Tuesday group', items: [], updated_at: 1 }),
};

async function seed(page, entries = SEEDED) {
  await gotoApp(page, '/');
  await page.evaluate((all) => {
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, entries);
}

/** Pick a file (a path, or { name, buffer }) in the import field. */
async function pick(page, file) {
  await page.setInputFiles('#data-file', file);
  await page.locator('#preview-heading, #data-import-message').first().waitFor({ timeout: 10_000 });
}

async function exportFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-all').click()]);
  assert.match(download.suggestedFilename(), /^think-plan-act-data-\d{4}-\d{2}-\d{2}\.json$/);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

describe('my data', () => {
  it('shows what is stored, in words and numbers, and passes axe', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-data');
      await page.locator('#stored-empty').waitFor();
      await seed(page);
      await gotoApp(page, '/my-data');
      const summary = await page.locator('#stored-summary').innerText();
      assert.match(summary, /Answers\s*2/);
      assert.match(summary, /Notes on cards\s*1/);
      assert.match(summary, /Session plans\s*1/);
      assert.match(await page.locator('#main').innerText(), /about \d+ (B|kB) of this browser's storage/);
      // navigator.storage.estimate() answers in Chromium.
      assert.match(await page.locator('#storage-estimate').innerText(), /lets this site keep about [\d.]+ (MB|GB)/);
      await auditA11y(page, '/my-data with data');
      await screenshot(page, 'my-data');
    }));

  it('exports everything, and the copy brings it all back on an empty device', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await gotoApp(page, '/my-data');
      assert.match(await page.locator('#exported-at').innerText(), /No copy saved yet/);
      const file = await exportFile(page);
      const json = JSON.parse(file.buffer.toString('utf8'));
      assert.equal(json.format, 'think-plan-act/data');
      assert.equal(json.version, 1);
      for (const [k, v] of Object.entries(SEEDED)) assert.deepEqual(json.entries[k], JSON.parse(v), k);
      assert.match(await page.locator('#exported-at').innerText(), /Last copy saved/);
      const before = await dumpStorage(page);

      // A new device: nothing stored.
      await page.evaluate(() => localStorage.clear());
      await gotoApp(page, '/my-data');
      await pick(page, file);
      const table = await page.locator('.data-table').innerText();
      assert.match(table, /Answers\s*2\s*0\s*0/);
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').waitFor();
      assert.match(await page.locator('#data-import-message').innerText(), /Done\. Written: \d+\. Removed: 0\./);
      await expectFocus(page, 'data-import-message');
      const after = await dumpStorage(page);
      for (const k of Object.keys(SEEDED)) {
        assert.deepEqual(JSON.parse(after[k]).data, JSON.parse(before[k]).data, k);
      }
      // And the answers are there for the person.
      await gotoApp(page, '/reflections');
      const values = await page.locator('textarea').evaluateAll((all) => all.map((t) => t.value));
      assert.ok(values.includes('My own answer, written here'), values.join(' | '));
    }));

  it('adding keeps what differs here unless asked; replacing removes what the file lacks', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await gotoApp(page, '/my-data');
      const file = await exportFile(page);
      // Written after the copy: one answer changed, one added.
      await page.evaluate(() => {
        const env = (text) => JSON.stringify({ v: 1, rev: 5, data: { text, updated_at: 2 } });
        localStorage.setItem('tpa:answer:1.benefits', env('Changed after the copy'));
        localStorage.setItem('tpa:answer:2.benefits', env('Only on this device'));
      });
      await gotoApp(page, '/my-data');
      await pick(page, file);
      assert.match(await page.locator('.data-table').innerText(), /Answers\s*0\s*1\s*1/);
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').waitFor();
      let stored = await dumpStorage(page);
      assert.equal(JSON.parse(stored['tpa:answer:1.benefits']).data.text, 'Changed after the copy');
      assert.ok(stored['tpa:answer:2.benefits']);

      await pick(page, file);
      await page.locator('#take-changed').check();
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').waitFor();
      stored = await dumpStorage(page);
      assert.equal(JSON.parse(stored['tpa:answer:1.benefits']).data.text, 'My own answer, written here');
      // The revision moved past the one here, so a tab holding the old one cannot write over it.
      assert.equal(JSON.parse(stored['tpa:answer:1.benefits']).rev, 6);
      assert.ok(stored['tpa:answer:2.benefits'], 'adding never removes');

      await pick(page, file);
      await page.locator('#mode-replace').check();
      assert.match(await page.locator('.data-preview').innerText(), /are removed: 2\./);
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').waitFor();
      stored = await dumpStorage(page);
      assert.equal(stored['tpa:answer:2.benefits'], undefined);
      assert.ok(stored['tpa:answer:1.benefits']);
    }));

  it('a change made in another tab after the preview stops the import', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await gotoApp(page, '/my-data');
      const file = await exportFile(page);
      await pick(page, file);
      await page.evaluate(() =>
        localStorage.setItem('tpa:answer:1.benefits', JSON.stringify({ v: 1, rev: 9, data: { text: 'typed elsewhere', updated_at: 3 } })),
      );
      const before = await dumpStorage(page);
      await page.locator('#mode-replace').check();
      await page.locator('#data-import').click();
      await page.locator('#data-import-error').waitFor();
      assert.match(await page.locator('#data-import-error').innerText(), /changed in another tab/);
      assert.deepEqual(await dumpStorage(page), before);
    }));

  it('a full storage during an import changes nothing and says so', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await gotoApp(page, '/my-data');
      const file = await exportFile(page);
      await page.evaluate(() => localStorage.clear());
      await seed(page, { 'tpa:answer:3.benefits': envelope({ text: 'kept', updated_at: 1 }) });
      await gotoApp(page, '/my-data');
      const before = await dumpStorage(page);
      await pick(page, file);
      // The storage fills up partway through: 200 bytes more than it holds now (what it held
      // before always fits again, so putting things back works, as with a real quota).
      await page.evaluate(() => {
        const used = () => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
        const limit = used() + 200;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          const old = localStorage.getItem(key);
          const after = used() - (old === null ? 0 : key.length + old.length) + key.length + String(value).length;
          if (after > limit) throw new DOMException('full', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      });
      await page.locator('#mode-replace').check();
      await page.locator('#data-import').click();
      await page.locator('#data-import-error').waitFor();
      assert.match(await page.locator('#data-import-error').innerText(), /full|space/i);
      assert.deepEqual(await dumpStorage(page), before);
    }));

  it('every file of the committed corpus is refused or previewed as expected, losing nothing', (t) =>
    withPage(t, async (page) => {
      const expected = JSON.parse(await readFile(path.join(CORPUS, 'expected.json'), 'utf8'));
      const files = (await readdir(CORPUS)).filter((f) => f !== 'expected.json' && f !== 'README.md');
      assert.deepEqual(files.sort(), Object.keys(expected).sort(), 'expected.json names every corpus file');
      await seed(page);
      await gotoApp(page, '/my-data');
      const before = await dumpStorage(page);
      for (const name of files) {
        const want = expected[name];
        await pick(page, path.join(CORPUS, name));
        if (want.refused) {
          const message = await page.locator('#data-import-message').innerText();
          assert.match(message, /Nothing was changed\.$/, name);
          const words = {
            newer: /newer version/, cards: /file of cards/, not_data: /not a copy of your data/,
            unreadable: /could not be read/, truncated: /ends too early/, empty: /empty/,
          }[want.refused];
          assert.match(message, words, name);
        } else {
          const preview = await page.locator('.data-preview').innerText();
          if (want.left_out) assert.match(preview, new RegExp(`cannot be used: ${want.left_out}`), name);
          else assert.doesNotMatch(preview, /cannot be used/, name);
          // Add without taking the file's version of what differs: nothing here may change.
          await page.locator('#data-import').click();
          await page.locator('#data-import-message').waitFor();
        }
        const now = await dumpStorage(page);
        for (const [k, v] of Object.entries(before)) assert.equal(now[k], v, `${name}: ${k} changed`);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, `${name} ran script`);
        assert.equal(await page.evaluate(() => ({}).polluted), undefined, `${name} polluted Object`);
      }
      await auditA11y(page, '/my-data after the corpus');
    }));

  it('markup in an imported answer is shown as text, never run', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-data');
      await pick(page, path.join(CORPUS, 'markup-and-script.json'));
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').waitFor();
      await gotoApp(page, '/reflections');
      const text = await page.locator('#main').innerText();
      assert.ok(text.includes('<script>window.__pwned=2</script>') || (await page.locator('textarea').first().inputValue()).includes('<script>'));
      assert.equal(await page.locator('#main img, #main script').count(), 0);
      await gotoApp(page, '/reflections?print');
      const printable = await page.locator('#printable-reflections').innerText();
      assert.ok(printable.includes('<img src=x onerror="window.__pwned=1">'), printable);
      assert.equal(await page.locator('#printable-reflections img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    }));

  it('a huge file is refused before it is read', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-data');
      const huge = Buffer.alloc(16_000_001, 0x20);
      await pick(page, { name: 'huge.json', mimeType: 'application/json', buffer: huge });
      assert.match(await page.locator('#data-import-message').innerText(), /too large/);
    }));

  it('erase names what goes, waits for a yes, and removes everything of ours', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await page.evaluate(() => {
        localStorage.setItem('tpa:backup:settings:1', '{broken');
        localStorage.setItem('someone-else', 'not ours');
      });
      await gotoApp(page, '/my-data');
      await page.locator('#erase-all').click();
      const confirm = await page.locator('#erase-confirm').innerText();
      await expectFocus(page, 'erase-cancel', 'focus on the safe choice');
      assert.match(confirm, /Answers: 2/);
      assert.match(confirm, /Copies of text that could not be read: 1/);
      await page.locator('#erase-cancel').click();
      assert.ok((await dumpStorage(page))['tpa:answer:1.benefits'], 'cancel erased');
      await expectFocus(page, 'erase-all', 'focus back after Cancel');
      await page.locator('#erase-all').click();
      await auditA11y(page, '/my-data erase confirmation');
      await page.locator('#erase-yes').click();
      await page.locator('#erased').waitFor();
      const left = await dumpStorage(page);
      assert.deepEqual(Object.keys(left).filter((k) => k.startsWith('tpa:')), []);
      assert.equal(left['someone-else'], 'not ours');
      await page.locator('#stored-empty').waitFor();
    }));

  it('erase also removes caches the app made', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-data');
      await page.evaluate(() => caches.open('tpa-offline').then((c) => c.put('/x', new Response('x'))));
      assert.deepEqual(await page.evaluate(() => caches.keys()), ['tpa-offline']);
      await page.locator('#erase-all').click();
      await page.locator('#erase-yes').click();
      await page.waitForFunction(() => caches.keys().then((k) => k.length === 0), null, { timeout: 5_000 });
    }));

  it('the printable copy holds the reflections as text and prints alone', (t) =>
    withPage(t, async (page) => {
      await seed(page);
      await gotoApp(page, '/my-data');
      await page.locator('#print-link').click();
      await page.waitForURL('**/reflections?print');
      const printable = page.locator('#printable-reflections');
      await printable.waitFor();
      assert.match(await printable.innerText(), /My own answer, written here/);
      assert.match(await printable.innerText(), /A note on a card/);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.round').first().isVisible(), false, 'the editable answers print too');
      assert.equal(await page.locator('.site-header').isVisible(), false);
      assert.ok(await printable.isVisible());
      await screenshot(page, 'my-data-print');
    }));

  it('asking the browser to keep the data gives an answer in words', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-data');
      const status = page.locator('#keep-status');
      await page.waitForFunction(() => !/does not say/.test(document.querySelector('#keep-status')?.textContent ?? 'does not say'));
      if (await page.locator('#ask-keep').isVisible()) {
        await page.locator('#ask-keep').click();
        await page.waitForFunction(
          () => document.querySelector('#ask-refused') || /has agreed/.test(document.querySelector('#keep-status').textContent),
        );
      }
      assert.match(await status.innerText(), /agreed to keep|may clear/);
    }));

  it('the reminder appears after much writing, and Not now rests it', (t) =>
    withPage(t, async (page) => {
      const many = Object.fromEntries(
        ['benefits', 'costs', 'norms', 'change'].flatMap((q) =>
          [1, 2, 3].map((r) => [`tpa:answer:${r}.${q}`, envelope({ text: `answer ${r} ${q}`, updated_at: 1_700_000_000_000 + r })]),
        ),
      );
      await seed(page, many);
      await gotoApp(page, '/reflections');
      await page.locator('#export-reminder').waitFor();
      await page.locator('#export-reminder button').click();
      await page.locator('#export-reminder').waitFor({ state: 'detached' });
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('#export-reminder').count(), 0);
      assert.ok(JSON.parse((await dumpStorage(page))['tpa:exported']).data.reminder_dismissed_at > 0);
    }));
});
