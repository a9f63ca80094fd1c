// The passphrase lock: what a person wrote is stored sealed (AES-GCM-256 under a PBKDF2-SHA-256
// key, checked here by opening it with the browser's own Web Crypto), the app asks for the
// passphrase after a reload, on Lock, after the idle time and after quick exit; a wrong
// passphrase changes nothing; a new passphrase reseals everything; turning the lock off stores
// everything open again; a forgotten passphrase leaves erasing, and only that.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { auditA11y, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const PASS = 'a long walk home at night';
const ANSWER = 'Money at home is decided by my father, 91c2';

const local = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

/** Keys a person's writing lives under (everything sealed while the lock is on). */
const isSealedKey = (key) => key.startsWith('tpa:') && !['tpa:settings', 'tpa:journey', 'tpa:rounds', 'tpa:exported', 'tpa:lock', 'tpa:shared-device'].includes(key);

/** Goes to a page inside the app, as a person does (a link): a fresh load would ask for the
 *  passphrase again, since the key lives only in the open page. */
async function follow(page, path) {
  if (!page.url().startsWith('http')) await gotoApp(page, '/');
  if (path === '/lock') await follow(page, '/safety');
  const before = await page.locator('#main h1').innerText();
  await page.locator(path === '/lock' ? '#to-lock' : `nav.main-nav a[href="/en${path}"]`).click();
  await page.waitForURL((url) => url.pathname === `/en${path}`);
  // The router changes the address first and shows the page once its chunk is in.
  await page.waitForFunction((old) => document.querySelector('#main h1')?.innerText !== old, before);
}

/** The THINK page remembers this toggle: press it only when it is not pressed. */
async function seeAllOnOnePage(page) {
  const onePage = page.getByRole('button', { name: 'See all on one page' });
  if ((await onePage.getAttribute('aria-pressed')) === 'false') await onePage.click();
}

async function writeAnswer(page, text = ANSWER, id = 'answer-1-men_and_boys') {
  await follow(page, '/think');
  await seeAllOnOnePage(page);
  await page.fill(`#${id}`, text);
  await page.locator(`#${id}-status`).filter({ hasText: 'Saved on this device' }).waitFor();
}

async function turnLockOn(page, { passphrase = PASS, idle } = {}) {
  await follow(page, '/lock');
  await page.fill('#lock-new', passphrase);
  await page.fill('#lock-repeat', passphrase);
  if (idle !== undefined) await page.selectOption('#lock-idle-new', String(idle));
  await page.locator('#lock-turn-on').click();
  await page.locator('#lock-status').filter({ hasText: 'The lock is on' }).waitFor();
}

async function unlock(page, passphrase = PASS) {
  await page.fill('#unlock-passphrase', passphrase);
  await page.locator('#unlock').click();
}

/** Waits for the unlock page (the app leads there while the lock is closed). */
async function expectUnlockPage(page) {
  await page.waitForURL(/\/unlock\?to=/);
  // The page's text arrives before the app (rendered at build time): the field works once the
  // app has taken the page over.
  await waitForApp(page);
  await page.locator('#unlock-passphrase').waitFor();
  assert.equal(await page.locator('#main h1').innerText(), 'Your writing is locked');
  assert.equal(await page.locator('#lock-now').count(), 0, 'Lock is offered while locked');
}

/** Opens a stored sealed value with Web Crypto in the page: the format is the standard one
 *  (AES-GCM-256, the key from PBKDF2-SHA-256, the storage key's name as additional data). */
function openWithWebCrypto(page, key, passphrase = PASS) {
  return page.evaluate(
    async ({ key, passphrase }) => {
      const env = JSON.parse(localStorage.getItem(key));
      const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
      const aes = await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(env.kdf.salt), iterations: env.kdf.iterations },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['decrypt'],
      );
      // The storage key's name is the additional data: a value moved to another key does not open.
      const additionalData = new TextEncoder().encode(key);
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(env.iv), additionalData }, aes, bytes(env.ct));
      return { env, text: new TextDecoder().decode(plain) };
    },
    { key, passphrase },
  );
}

describe('passphrase lock', () => {
  it('keeps what is written sealed, asks after a reload, and a wrong passphrase changes nothing', (t) =>
    withPage(t, async (page) => {
      await writeAnswer(page, 'written before the lock');
      await turnLockOn(page);
      await auditA11y(page, '/lock with the lock on');
      await screenshot(page, 'lock-on');
      await writeAnswer(page);
      const stored = await local(page);
      const sealed = Object.keys(stored).filter(isSealedKey);
      assert.ok(sealed.includes('tpa:answer:1.men_and_boys'));
      for (const key of sealed) {
        assert.ok(!stored[key].includes('91c2') && !stored[key].includes('before the lock'), `${key} is stored open`);
        assert.equal(JSON.parse(stored[key]).sealed, 1, `${key} is not sealed`);
      }
      // The browser's own Web Crypto opens it: PBKDF2-SHA-256, 600,000 rounds, AES-GCM-256.
      const { env, text } = await openWithWebCrypto(page, 'tpa:answer:1.men_and_boys');
      assert.equal(JSON.parse(text).data.text, ANSWER);
      assert.equal(env.kdf.name, 'PBKDF2-SHA-256');
      assert.equal(env.cipher, 'AES-GCM-256');
      assert.ok(env.kdf.iterations >= 600_000);
      assert.equal(atob(env.kdf.salt).length, 16);
      assert.equal(atob(env.iv).length, 12);
      // A fresh IV per write.
      const before = JSON.parse(stored['tpa:answer:1.men_and_boys']).iv;
      await page.fill('#answer-1-men_and_boys', `${ANSWER}!`);
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
      await page.fill('#answer-1-men_and_boys', ANSWER);
      await page.locator('#answer-1-men_and_boys-status').filter({ hasText: 'Saved on this device' }).waitFor();
      assert.notEqual(JSON.parse((await local(page))['tpa:answer:1.men_and_boys']).iv, before);

      // A reload: the key is gone, the app asks and remembers where the person was.
      await page.reload();
      await waitForApp(page);
      await expectUnlockPage(page);
      assert.match(page.url(), /to=\/think/);
      await auditA11y(page, '/unlock');
      await screenshot(page, 'unlock');
      const untouched = await local(page);
      await unlock(page, 'a long walk home at noon');
      await page.locator('#unlock-message').filter({ hasText: 'does not open the lock' }).waitFor();
      assert.equal(await page.getAttribute('#unlock-passphrase', 'aria-invalid'), 'true');
      assert.deepEqual(await local(page), untouched, 'a wrong passphrase changed storage');
      await unlock(page);
      await page.waitForURL((url) => url.pathname === '/en/think');
      await page.locator('#answer-1-men_and_boys').waitFor();
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), ANSWER);
      assert.equal(await page.locator('#storage-notice').count(), 0, 'sealed values read as unreadable');
    }));

  it('locks at once on Lock, saving what is being typed first', (t) =>
    withPage(t, async (page) => {
      await turnLockOn(page);
      await follow(page, '/think');
      await seeAllOnOnePage(page);
      // Typed, and Lock pressed before the pause that would save it, the field keeping the focus
      // (a click would move it, and leaving the field saves by itself).
      await page.locator('#answer-1-men_and_boys').pressSequentially('typed just before locking');
      await page.evaluate(() => document.getElementById('lock-now').click());
      await expectUnlockPage(page);
      const stored = (await local(page))['tpa:answer:1.men_and_boys'];
      assert.ok(stored && !stored.includes('typed just before'), 'the text was lost or stored open');
      await unlock(page);
      await page.waitForURL((url) => url.pathname === '/en/think');
      await page.locator('#answer-1-men_and_boys').waitFor();
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'typed just before locking');
    }));

  it('locks by itself after the chosen idle time, and not before', (t) =>
    withPage(t, async (page) => {
      await page.clock.install();
      await turnLockOn(page, { idle: 1 });
      await writeAnswer(page);
      await page.clock.runFor(40_000);
      assert.match(page.url(), /\/think$/, 'locked before the idle time');
      // Use restarts the wait.
      await page.locator('#answer-1-men_and_boys').press('End');
      await page.clock.runFor(40_000);
      assert.match(page.url(), /\/think$/, 'use did not count');
      await page.clock.runFor(30_000);
      await expectUnlockPage(page);
    }));

  it('quick exit saves what is being typed, closes the lock and leaves', (t) =>
    withPage(t, { allowedExternal: ['https://www.bbc.com'] }, async (page) => {
      await turnLockOn(page);
      await writeAnswer(page);
      // Still typing (no pause, focus in the field) when Shift is pressed three times.
      await page.locator('#answer-1-men_and_boys').pressSequentially(' and more');
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
      await page.waitForURL('https://www.bbc.com/weather', { timeout: 5_000 });
      await page.goBack();
      await waitForApp(page).catch(() => {});
      await expectUnlockPage(page);
      // Back leads to the page before (quick exit replaced the THINK page in the history).
      await unlock(page);
      await page.waitForURL((url) => url.pathname === '/en/lock');
      await follow(page, '/think');
      await seeAllOnOnePage(page);
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), `${ANSWER} and more`);
    }));

  it('a new passphrase reseals everything, all of it; the old one no longer opens it', (t) =>
    withPage(t, async (page) => {
      await turnLockOn(page);
      await writeAnswer(page);
      await follow(page, '/lock');
      // A wrong current passphrase changes nothing.
      const before = await local(page);
      await page.fill('#lock-current', 'not the passphrase');
      await page.fill('#lock-change-new', 'another long sentence');
      await page.fill('#lock-change-repeat', 'another long sentence');
      await page.locator('#lock-change').click();
      await page.locator('#lock-outcome').filter({ hasText: 'does not open the lock' }).waitFor();
      assert.deepEqual(await local(page), before);
      // Repeated wrongly: refused before anything is derived.
      await page.fill('#lock-current', PASS);
      await page.fill('#lock-change-repeat', 'another long sentense');
      await page.locator('#lock-change').click();
      await page.locator('#lock-outcome').filter({ hasText: 'not the same' }).waitFor();
      await page.fill('#lock-change-repeat', 'another long sentence');
      await page.locator('#lock-change').click();
      await page.locator('#lock-outcome').filter({ hasText: 'The passphrase is changed' }).waitFor();
      const { text } = await openWithWebCrypto(page, 'tpa:answer:1.men_and_boys', 'another long sentence');
      assert.equal(JSON.parse(text).data.text, ANSWER);
      await assert.rejects(openWithWebCrypto(page, 'tpa:answer:1.men_and_boys', PASS));
      await page.reload();
      await waitForApp(page);
      await expectUnlockPage(page);
      await unlock(page, PASS);
      await page.locator('#unlock-message').filter({ hasText: 'does not open the lock' }).waitFor();
      await unlock(page, 'another long sentence');
      await page.waitForURL((url) => url.pathname === '/en/lock');
    }));

  it('turning the lock off stores everything open again', (t) =>
    withPage(t, async (page) => {
      await turnLockOn(page);
      await writeAnswer(page);
      await follow(page, '/lock');
      await page.fill('#lock-off-current', PASS);
      await page.locator('#lock-turn-off').click();
      await page.locator('#lock-outcome').filter({ hasText: 'The lock is off' }).waitFor();
      const stored = await local(page);
      assert.equal(stored['tpa:lock'], undefined);
      assert.equal(JSON.parse(stored['tpa:answer:1.men_and_boys']).data.text, ANSWER);
      assert.equal(await page.locator('#lock-now').count(), 0);
      await page.reload();
      await waitForApp(page);
      assert.match(page.url(), /\/lock$/);
    }));

  it('a forgotten passphrase leaves erasing everything, said up front', (t) =>
    withPage(t, async (page) => {
      await turnLockOn(page);
      await writeAnswer(page);
      await page.evaluate(() => localStorage.setItem('other-site', 'theirs'));
      await page.reload();
      await waitForApp(page);
      await expectUnlockPage(page);
      assert.match(await page.locator('#forgotten-heading + p').innerText(), /only way on is to erase everything/);
      await page.locator('#forgotten-erase').click();
      await page.locator('#forgotten-yes').click();
      await page.waitForURL((url) => url.pathname === '/en/think');
      await waitForApp(page);
      assert.deepEqual(await local(page), { 'other-site': 'theirs' });
      await seeAllOnOnePage(page);
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), '');
    }));

  it('a copy in a file can be locked with a passphrase, and is brought back only with it', (t) =>
    withPage(t, async (page) => {
      await writeAnswer(page);
      await gotoApp(page, '/my-data');
      await page.locator('#export-locked').check();
      await page.fill('#export-passphrase', PASS);
      await page.fill('#export-repeat', `${PASS}!`);
      await page.locator('#export-all').click();
      await page.locator('#export-message').filter({ hasText: 'not the same' }).waitFor();
      await page.fill('#export-repeat', PASS);
      await auditA11y(page, '/my-data, a locked copy');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-all').click()]);
      assert.match(download.suggestedFilename(), /^think-plan-act-data-\d{4}-\d{2}-\d{2}-locked\.json$/);
      const buffer = await readFile(await download.path());
      const text = buffer.toString('utf8');
      assert.ok(!text.includes('91c2'), 'the locked file shows the answer');
      const env = JSON.parse(text);
      assert.equal(env.sealed, 1);
      assert.equal(env.kdf.name, 'PBKDF2-SHA-256');
      assert.ok(env.kdf.iterations >= 600_000);

      // Another device: nothing stored. A wrong passphrase changes nothing and can be tried again.
      await page.evaluate(() => localStorage.clear());
      await gotoApp(page, '/my-data');
      await page.setInputFiles('#data-file', { name: download.suggestedFilename(), mimeType: 'application/json', buffer });
      await page.locator('#data-file-passphrase').waitFor();
      await page.fill('#data-file-passphrase', 'not the passphrase');
      await page.locator('#data-file-open').click();
      await page.locator('#data-import-message').filter({ hasText: 'does not open this file' }).waitFor();
      assert.deepEqual(await local(page), {});
      await page.fill('#data-file-passphrase', PASS);
      await page.locator('#data-file-open').click();
      await page.locator('#preview-heading').waitFor();
      await page.locator('#data-import').click();
      await page.locator('#data-import-message').filter({ hasText: 'Done' }).waitFor();
      assert.equal(JSON.parse((await local(page))['tpa:answer:1.men_and_boys']).data.text, ANSWER);
    }));

  it('a new passphrase chosen in another tab: this tab asks again and writes nothing it could not read', (t) =>
    withPage(t, async (page) => {
      await turnLockOn(page);
      await writeAnswer(page);
      const other = await page.context().newPage();
      await other.goto('/unlock?to=/lock');
      await waitForApp(other);
      await unlock(other);
      await other.waitForURL((url) => url.pathname === '/en/lock');
      await other.locator('#lock-current').waitFor();
      await other.fill('#lock-current', PASS);
      await other.fill('#lock-change-new', 'another long sentence');
      await other.fill('#lock-change-repeat', 'another long sentence');
      await other.locator('#lock-change').click();
      await other.locator('#lock-outcome').filter({ hasText: 'The passphrase is changed' }).waitFor();
      await expectUnlockPage(page);
      const stored = await local(page);
      assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith('tpa:backup:')), [], 'backups of values this tab could not read');
      const { text } = await openWithWebCrypto(page, 'tpa:answer:1.men_and_boys', 'another long sentence');
      assert.equal(JSON.parse(text).data.text, ANSWER);
      await other.close();
    }));

  it('a lock turned on in another tab closes this one; a damaged lock leaves only erasing', (t) =>
    withPage(t, async (page) => {
      await writeAnswer(page);
      const other = await page.context().newPage();
      await turnLockOn(other);
      await expectUnlockPage(page);
      await other.close();
      await page.evaluate(() => localStorage.setItem('tpa:lock', '{"v":1,"rev":1,"data":{"check":"damaged"}}'));
      await unlock(page);
      await page.locator('#unlock-message').filter({ hasText: 'cannot be read' }).waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('tpa:lock')), '{"v":1,"rev":1,"data":{"check":"damaged"}}');
    }));
});
