// THINK: the exercise journey, structured norms with the rings picture, autosave, limits,
// hiding answers, My reflections (edit, delete, undo), rounds and their comparison.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  VIEWPORTS,
  auditA11y,
  baseUrl,
  expectFocus,
  gotoApp,
  launchPersistentBrowser,
  screenshot,
  setupE2E,
  waitForApp,
  withPage,
} from './harness.mjs';

setupE2E();

const PHONE = VIEWPORTS[0];
const QUESTIONS = ['men_and_boys', 'women_and_girls', 'benefits'];

const dumpStorage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
const stored = async (page, key) => {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw);
};

/** Type into an answer and wait until the quiet indicator says it is saved. */
async function answer(page, round, question, text) {
  await page.fill(`#answer-${round}-${question}`, text);
  await page.locator(`#answer-${round}-${question}-status`).filter({ hasText: 'Saved on this device' }).waitFor();
}

async function reload(page) {
  await page.reload();
  await waitForApp(page);
}

describe('THINK journey', () => {
  it('one question per screen on a phone, with progress, Back/Next, resume and one-page view', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/think');
      const visible = async () => {
        const out = [];
        for (let i = 0; i < 4; i++) if (await page.locator(`#step-${i}`).isVisible()) out.push(i);
        return out;
      };
      assert.deepEqual(await visible(), [0]);
      assert.match(await page.locator('#step-0').innerText(), /Question 1 of 4/);
      assert.equal(await page.locator('.step-nav button').first().isDisabled(), true, 'Back is disabled on step 1');
      await auditA11y(page, '/think step 1 (phone)');
      await screenshot(page, 'think-step1-phone');

      await page.getByRole('button', { name: 'Next' }).click();
      assert.deepEqual(await visible(), [1]);
      await expectFocus(page, 'step-1', 'focus moves to the new question');
      assert.equal(await page.locator('.progress progress').getAttribute('value'), '2');
      await auditA11y(page, '/think step 2 (phone)');
      await page.getByRole('button', { name: 'Next' }).click();
      await auditA11y(page, '/think step 3 (phone)');
      await page.getByRole('button', { name: 'Next' }).click();
      assert.deepEqual(await visible(), [3]);
      assert.equal(await page.getByRole('button', { name: 'Next' }).count(), 0, 'no Next after the last question');
      // Finish leads to an ending: where it is kept, what next.
      assert.equal(await page.locator('#think-end-heading').isVisible(), false, 'the ending waits for Finish');
      await page.getByRole('button', { name: 'Finish' }).click();
      await expectFocus(page, 'think-end-heading', 'focus moves to the ending');
      assert.match(await page.locator('.think-end').innerText(), /kept on this device only, in My reflections/);
      assert.equal(await page.locator('#think-end-reflections').getAttribute('href'), '/en/reflections');
      await auditA11y(page, '/think step 4 and the ending (phone)');
      await screenshot(page, 'think-ending-phone');

      await reload(page);
      assert.deepEqual(await visible(), [3], 'comes back to the same step');
      await page.getByRole('button', { name: 'Back' }).click();
      assert.deepEqual(await visible(), [2]);

      await page.getByRole('button', { name: 'See all on one page' }).click();
      assert.deepEqual(await visible(), [0, 1, 2, 3]);
      assert.equal(await page.locator('.step-nav').isVisible(), false);
      await reload(page);
      assert.deepEqual(await visible(), [0, 1, 2, 3], 'the one-page choice is kept');
      await auditA11y(page, '/think all on one page (phone)');
    }));

  it('answers to all four questions save as you type, survive a reload, one key each', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      await page.fill('#new-norm', 'Men must not ask for help');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      for (const q of QUESTIONS) await answer(page, 1, q, `My answer to ${q}`);
      await answer(page, 1, 'aims', 'Start a fathers’ group');
      await answer(page, 1, 'privilege', 'I never had to think about walking home at night.');

      const before = await dumpStorage(page);
      for (const q of [...QUESTIONS, 'aims', 'privilege']) assert.ok(before[`tpa:answer:1.${q}`], `tpa:answer:1.${q} missing`);
      assert.equal((await stored(page, 'tpa:norms:1')).data.norms[0].text, 'Men must not ask for help');

      // Writing one answer rewrites that answer's key and nothing else.
      await answer(page, 1, 'benefits', 'Changed answer');
      const after = await dumpStorage(page);
      for (const [k, v] of Object.entries(before)) {
        if (k === 'tpa:answer:1.benefits') assert.notEqual(after[k], v);
        else assert.equal(after[k], v, `${k} was rewritten by saving another answer`);
      }

      await reload(page);
      for (const q of ['men_and_boys', 'women_and_girls']) {
        assert.equal(await page.inputValue(`#answer-1-${q}`), `My answer to ${q}`);
      }
      assert.equal(await page.inputValue('#answer-1-benefits'), 'Changed answer');
      assert.equal(await page.inputValue('#norm-0-text'), 'Men must not ask for help');
      await screenshot(page, 'think-answered-projector');
    }));

  it('answers survive closing and restarting the browser', async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'tpa-profile-'));
    const requests = [];
    try {
      let browser = await launchPersistentBrowser(profile);
      browser.on('request', (r) => requests.push(r.url()));
      let page = await browser.newPage();
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'Next' }).click();
      await answer(page, 1, 'men_and_boys', 'written before the restart');
      await browser.close();

      browser = await launchPersistentBrowser(profile);
      browser.on('request', (r) => requests.push(r.url()));
      page = await browser.newPage();
      await gotoApp(page, '/think');
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'written before the restart');
      assert.equal(await page.locator('#step-1').isVisible(), true, 'the same step as before');
      await browser.close();
      const origin = new URL(baseUrl()).origin;
      assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('an answer changed in another tab shows up here without a reload', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      const other = await page.context().newPage();
      await gotoApp(other, '/think');
      await answer(other, 1, 'benefits', 'typed in the other tab');
      await page.waitForFunction(
        () => document.querySelector('#answer-1-benefits')?.value === 'typed in the other tab',
      );
      await answer(page, 1, 'benefits', 'and edited here');
      await other.waitForFunction(
        () => document.querySelector('#answer-1-benefits')?.value === 'and edited here',
      );
      await other.close();
    }));

  it('an unreadable stored answer is kept and backed up before anything overwrites it', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      const bad = '{"v":1,"rev":2,"data":{"text":';
      await page.evaluate((v) => localStorage.setItem('tpa:answer:1.benefits', v), bad);
      await gotoApp(page, '/think');
      await page.locator('#storage-notice').waitFor();
      assert.match(await page.locator('#storage-notice').innerText(), /could not read/i);
      assert.equal(await page.evaluate(() => localStorage.getItem('tpa:answer:1.benefits')), bad, 'left as it was');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      await answer(page, 1, 'benefits', 'new text');
      const store = await dumpStorage(page);
      assert.ok(
        Object.entries(store).some(([k, v]) => k.startsWith('tpa:backup:answer:1.benefits:') && v === bad),
        `no backup of the unreadable answer: ${Object.keys(store).join(', ')}`,
      );
    }));

  it('text typed and left at once is saved: leaving the field, hiding the tab, going Back', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      await page.locator('nav a[href$="/think"]').click();
      await page.getByRole('button', { name: 'See all on one page' }).click();
      const text = async (q) => (await stored(page, `tpa:answer:1.${q}`))?.data.text;
      // No pause for the timer in any of these.
      await page.locator('#answer-1-men_and_boys').pressSequentially('left the field', { delay: 0 });
      await page.locator('#answer-1-men_and_boys').blur();
      assert.equal(await text('men_and_boys'), 'left the field');

      await page.locator('#answer-1-women_and_girls').pressSequentially('tab hidden', { delay: 0 });
      // Bubbling, as the browser fires it, so it reaches the window's listener.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      assert.equal(await text('women_and_girls'), 'tab hidden');

      await page.locator('#answer-1-benefits').pressSequentially('went elsewhere', { delay: 0 });
      await page.goBack(); // in-app Back: the field is removed with no blur and no timer
      await page.waitForFunction(() => location.pathname === '/en/');
      assert.equal(await text('benefits'), 'went elsewhere');
    }));

  it('the rings picture prints: in print the picture and legend stay, the controls go', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/think');
      await page.fill('#new-norm', 'A printed norm');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('#norm-0-details > summary').click();
      await page.selectOption('#norm-0-level', '2');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.rings__picture').isVisible(), true);
      assert.equal(await page.locator('.rings__dot').count(), 1);
      assert.match(await page.locator('.rings__legend').innerText(), /A printed norm.*Community/s);
      for (const sel of ['.site-header', '.main-nav', '.toolbar', '.norms__add', '.step-nav']) {
        assert.equal(await page.locator(sel).isVisible(), false, `${sel} is printed`);
      }
      const ring = await page.locator('.rings__ring--3').evaluate((el) => getComputedStyle(el).fill);
      assert.equal(ring, 'rgb(255, 255, 255)', 'rings print white (black and white printers)');
      await screenshot(page, 'think-print');
      await page.emulateMedia({ media: 'screen' });
    }));

  it('norms: three with tags on the rings picture, reorder, remove with undo', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/think');
      const suggestions = page.locator('.norms__suggestions .chip');
      assert.ok((await suggestions.count()) >= 3, 'at least three suggested norms');
      await suggestions.first().click();
      await suggestions.first().click();
      await page.fill('#new-norm', 'Боевой дух — a man must be tough 💪');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      assert.equal(await page.locator('.norm').count(), 3);
      assert.equal(await page.locator('.norms__suggestions .chip').count(), 2, 'used suggestions are not offered again');

      // The short path: a norm is its name; the details are folded until asked for, and do not
      // ask again what questions 2 and 3 ask (effects on men, on women).
      assert.equal(await page.locator('#norm-0-level').isVisible(), false, 'the details are not folded');
      assert.equal(await page.locator('#norm-0-men, #norm-0-women').count(), 0, 'questions 2 and 3 are repeated');
      const levels = ['0', '1', '3'];
      for (let i = 0; i < 3; i++) {
        await page.locator(`#norm-${i}-details > summary`).click();
        await page.selectOption(`#norm-${i}-level`, levels[i]);
      }
      await page.locator('#norm-0 input[type=radio]').nth(0).check();
      await page.locator('#norm-0 input[type=checkbox]').nth(4).check();
      await page.fill('#norm-0-change', 'Shared decisions');
      await page.locator('.norms .answer__status').filter({ hasText: 'Saved on this device' }).waitFor();
      // The folded summary says what is chosen.
      await page.locator('#norm-0-details').evaluate((d) => (d.open = false));
      assert.equal(await page.locator('#norm-0-details > summary').innerText(), 'Details, if you like: Men and boys · Online · Individual');

      assert.equal(await page.locator('.rings__dot').count(), 3, 'three norms on the rings');
      const legend = await page.locator('.rings__legend li').allInnerTexts();
      assert.match(legend[0], /Individual/);
      assert.match(legend[2], /Боевой дух.*Institutions and society/);
      const norm0 = (await stored(page, 'tpa:norms:1')).data.norms[0];
      assert.equal(norm0.affects, 'men_and_boys');
      assert.deepEqual(norm0.places, ['online']);
      assert.equal(norm0.level, 'individual');
      assert.equal(norm0.equality_change, 'Shared decisions');
      await auditA11y(page, '/think with three norms (phone)');
      await screenshot(page, 'think-norms-phone');

      // My reflections shows each norm with what was written about it.
      await page.locator('nav a[href$="/reflections"]').evaluate((a) => a.click());
      await page.waitForFunction(() => document.title.startsWith('My reflections'));
      const written = await page.locator('.norms-written > li').first().innerText();
      assert.ok(written.startsWith(norm0.text), `the first norm's name leads: ${written}`);
      assert.match(written, /Whom does it affect\?\s+Men and boys/);
      assert.match(written, /Where does it show\?\s+Online/);
      assert.match(written, /What would more equality change\?\s+Shared decisions/);
      await page.getByRole('button', { name: /Printable copy/ }).click();
      assert.match(await page.locator('#printable-reflections').innerText(), /Level \(socio-ecological model\) Institutions and society/);
      await page.goBack();
      await waitForApp(page);

      // Reorder: the third norm moves up.
      await page.locator('#norm-2-details > summary').click();
      await page.locator('#norm-2').getByRole('button', { name: 'Move up' }).click();
      const order = async () => (await stored(page, 'tpa:norms:1')).data.norms.map((n) => n.id);
      await page.locator('#norm-2 input[type=text]').blur();
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('tpa:norms:1')).data.norms[1].id === 2);
      assert.deepEqual(await order(), [0, 2, 1]);

      // Remove, then undo puts it back in place; remove again and it is gone after a reload.
      await page.locator('#norm-0').getByRole('button', { name: 'Remove' }).click();
      assert.equal(await page.locator('.rings__dot').count(), 2);
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await page.locator('.rings__dot').count(), 3);
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('tpa:norms:1')).data.norms.length === 3);
      await page.locator('#norm-1').getByRole('button', { name: 'Remove' }).click();
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('tpa:norms:1')).data.norms.length === 2);
      await reload(page);
      assert.equal(await page.locator('.norm').count(), 2);
      assert.equal(await page.locator('.rings__dot').count(), 2);
    }));

  it('empty, whitespace, emoji, Cyrillic, right-to-left and 50,000 characters save exactly; too long is refused, not cut', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      const samples = ['   \n\t ', 'Семья и работа 👨‍👧 — مرحبا بالعالم — שלום', 'x'.repeat(50_000)];
      for (const text of samples) {
        await answer(page, 1, 'benefits', text);
        assert.equal((await stored(page, 'tpa:answer:1.benefits')).data.text, text);
      }
      // Emptying an answer deletes it instead of keeping an empty entry.
      await page.fill('#answer-1-benefits', '');
      await page.waitForFunction(() => localStorage.getItem('tpa:answer:1.benefits') === null);

      await answer(page, 1, 'benefits', 'kept');
      const huge = 'я'.repeat(100_001);
      await page.fill('#answer-1-benefits', huge);
      const alert = page.locator('#answer-1-benefits ~ [role=alert]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /100001 characters.*Nothing has been cut/s);
      await page.waitForTimeout(900);
      assert.equal((await stored(page, 'tpa:answer:1.benefits')).data.text, 'kept', 'over-long text is not saved');
      assert.equal((await page.inputValue('#answer-1-benefits')).length, 100_001, 'the text on screen is not cut');
      await page.fill('#answer-1-benefits', 'shorter now');
      await page.locator('#answer-1-benefits-status').filter({ hasText: 'Saved on this device' }).waitFor();
      assert.equal(await alert.count(), 0);

      // The same limit for what is written about a norm.
      await page.fill('#new-norm', 'a norm');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('.norms .answer__status').filter({ hasText: 'Saved on this device' }).waitFor();
      await page.locator('#norm-0-details > summary').click();
      await page.fill('#norm-0-change', huge);
      await page.locator('.norms [role=alert]').filter({ hasText: 'Nothing has been cut' }).waitFor();
      await page.locator('#norm-0-change').blur();
      assert.equal((await stored(page, 'tpa:norms:1')).data.norms[0].equality_change, '', 'not saved');
      assert.equal((await page.inputValue('#norm-0-change')).length, 100_001);
    }));

  it('"Hide my answers" blurs answer text, is remembered, and present mode shows no answer', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'Next' }).click();
      await answer(page, 1, 'men_and_boys', 'SECRET-MARKER-123');
      const toggle = page.getByRole('button', { name: 'Hide my answers' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await page.locator('h1').click(); // nothing focused: the field is blurred
      const filter = () => page.locator('#answer-1-men_and_boys').evaluate((el) => getComputedStyle(el).filter);
      assert.match(await filter(), /blur/);
      const legend = await page.locator('.rings__legend').evaluate((el) => getComputedStyle(el).filter);
      assert.match(legend, /blur/, 'the names of the norms are hidden too');
      await auditA11y(page, '/think with answers hidden');
      await reload(page);
      assert.equal(await page.getByRole('button', { name: 'Hide my answers' }).getAttribute('aria-pressed'), 'true');
      assert.match(await filter(), /blur/);

      await page.locator('nav a[href$="/present"]').click();
      await page.waitForFunction(() => document.title.startsWith('Present'));
      assert.ok(!(await page.content()).includes('SECRET-MARKER-123'), 'an answer appeared in present mode');
    }));
});

describe('My reflections', () => {
  it('lists answers with dates, edits and deletes them one by one, with undo', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/reflections');
      assert.match(await page.locator('#main').innerText(), /Nothing written yet/);
      await auditA11y(page, '/reflections empty');

      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      await answer(page, 1, 'men_and_boys', 'first answer');
      await answer(page, 1, 'privilege', 'second answer');
      await page.getByLabel(/Expand the group of peers/).check();
      await page.waitForFunction(() => localStorage.getItem('tpa:aims:1')?.includes('peers'));
      await page.locator('nav a[href$="/reflections"]').click();
      await page.waitForFunction(() => document.title.startsWith('My reflections'));
      await page.locator('#answer-1-men_and_boys').waitFor();
      assert.equal(await page.inputValue('#answer-1-men_and_boys'), 'first answer');
      assert.equal(await page.inputValue('#answer-1-privilege'), 'second answer');
      assert.match(await page.locator('.entry__meta').first().innerText(), /Last changed \w+/);
      assert.match(await page.locator('.round').first().innerText(), /What you want to achieve\s+Expand the group of peers/);

      await answer(page, 1, 'privilege', 'edited here');
      await answer(page, 1, 'men_and_boys', 'first answer, edited');
      const entry = page.locator('.entry').filter({ has: page.locator('#answer-1-men_and_boys') });
      await entry.getByRole('button', { name: 'Delete' }).click();
      assert.equal(await stored(page, 'tpa:answer:1.men_and_boys'), null, 'deleted from storage');
      assert.equal((await stored(page, 'tpa:answer:1.privilege')).data.text, 'edited here', 'the other answer stays');
      await expectFocus(page, 'undo-1-men_and_boys', 'focus moves to Undo');
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.locator('#answer-1-men_and_boys').waitFor();
      assert.equal((await stored(page, 'tpa:answer:1.men_and_boys')).data.text, 'first answer, edited');
      await auditA11y(page, '/reflections with answers');
    }));

  it('shows ten rounds at a time, newest first; older ones on request, without resetting what is shown', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await page.goto('/');
      // 25 rounds, one answer in each, as the app stores them.
      await page.evaluate(() => {
        const put = (key, data) => localStorage.setItem(key, JSON.stringify({ v: 1, rev: 1, data }));
        put('tpa:rounds', { current: 25, started: [] });
        for (let r = 1; r <= 25; r++) put(`tpa:answer:${r}.benefits`, { text: `Round ${r} answer`, updated_at: 1764547200000 });
      });
      await gotoApp(page, '/reflections');
      const rounds = () => page.locator('section.round h2').allInnerTexts();
      assert.deepEqual((await rounds()).map((h) => h.match(/\d+/)[0]), ['25', '24', '23', '22', '21', '20', '19', '18', '17', '16']);
      assert.match(await page.locator('#main').innerText(), /Older rounds not shown yet: 15/);
      await auditA11y(page, '/reflections with older rounds waiting (phone)');

      await page.fill('#answer-25-benefits', 'Being edited while older rounds arrive');
      const field = await page.$('#answer-25-benefits');
      await page.getByRole('button', { name: 'Show older rounds' }).click();
      await expectFocus(page, 'round-15', 'focus on the first round just shown');
      assert.equal((await rounds()).length, 20);
      assert.ok(await field.evaluate((f) => f.isConnected), 'shown rounds are not rebuilt: the same field is on the page');
      assert.equal(await page.inputValue('#answer-25-benefits'), 'Being edited while older rounds arrive');
      assert.equal(await page.inputValue('#answer-15-benefits'), 'Round 15 answer');
      await page.getByRole('button', { name: 'Show older rounds' }).click();
      assert.equal((await rounds()).length, 25);
      assert.equal(await page.getByRole('button', { name: 'Show older rounds' }).count(), 0, 'nothing older left');
      assert.equal(await page.inputValue('#answer-1-benefits'), 'Round 1 answer');
    }));

  it('a new round keeps the old answers, starts empty, and two rounds compare side by side', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/think');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      await answer(page, 1, 'benefits', 'Round one thoughts');
      await gotoApp(page, '/reflections');
      assert.equal(await page.locator('#compare-heading').isVisible(), false, 'nothing to compare with one round');
      await page.getByRole('button', { name: 'Start a new round' }).click();
      assert.equal(await stored(page, 'tpa:rounds'), null, 'the first click only asks');
      await page.getByRole('button', { name: 'Yes, start a new round' }).click();
      await page.getByRole('status').filter({ hasText: 'Round 2 has started' }).waitFor();
      assert.equal((await stored(page, 'tpa:rounds')).data.current, 2);

      await gotoApp(page, '/think');
      assert.equal(await page.inputValue('#answer-2-benefits'), '', 'the new round starts empty');
      await answer(page, 2, 'benefits', 'Round two thoughts');
      assert.equal((await stored(page, 'tpa:answer:1.benefits')).data.text, 'Round one thoughts', 'round 1 is kept');

      await gotoApp(page, '/reflections');
      assert.equal(await page.locator('#compare-heading').isVisible(), true);
      const cols = await page.locator('.compare__cols').first().locator('p').allInnerTexts();
      assert.deepEqual(cols, ['Round one thoughts', 'Round two thoughts']);
      await auditA11y(page, '/reflections with two rounds (phone)');
      await screenshot(page, 'reflections-two-rounds-phone');
    }));
});
