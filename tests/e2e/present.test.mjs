// Facilitator mode: presenting THINK questions and cards on a projector (keys, clicker keys,
// buttons, full screen, help), the discussion timer (start, pause, finish, reload, sound only when
// chosen), session plans (build, save, run, print), the presenter's view kept in step with the
// audience window, support services, and the promise that nothing a person wrote is shown.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditA11y, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const PROJECTOR = { width: 1920, height: 1080 };
const LAPTOP = { width: 1280, height: 720 };
const title = (page) => page.locator('#slide-title').innerText();
/** The number of questions on the projector, once it is `n` (the page re-renders on the next
 *  tick after a key). */
async function expectShown(page, n) {
  await page
    .waitForFunction((want) => document.querySelectorAll('.stage .slide__questions li').length === want, n, { timeout: 2_000 })
    .catch(() => {});
  assert.equal(await page.locator('.stage .slide__questions li').count(), n, 'questions shown');
}
/** The topic or question on the projector, once it contains `text`. */
async function expectTitle(page, text) {
  await page.locator('#slide-title', { hasText: text }).first().waitFor({ timeout: 2_000 }).catch(() => {});
  assert.equal(await title(page), text);
}
/** The presentation as stored (the envelope's data). */
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('tpa:show') || 'null')?.data);

/** Starts presenting the cards of one theme on this screen, from the Present page. */
async function presentTheme(page, theme) {
  await gotoApp(page, '/present');
  await page.getByRole('button', { name: theme }).click();
  await page.waitForURL(/area=/);
  await page.locator('#present-cards').click();
  await page.waitForURL('**/present/show');
  await page.locator('.stage #slide-title').waitFor();
}

describe('presenting on one screen', () => {
  it('next and previous work from arrows, page keys (a clicker) and Space, revealing questions one by one', (t) =>
    withPage(t, { viewport: PROJECTOR }, async (page) => {
      await presentTheme(page, 'Gender and men’s well-being');
      const first = 'Masculinity and behaviour for a healthy lifestyle?';
      await expectTitle(page, first);
      await expectShown(page, 0); // topic and example first, no question yet
      await page.keyboard.press('ArrowRight');
      await expectShown(page, 1);
      await page.keyboard.press('PageDown');
      await expectShown(page, 2);
      await page.keyboard.press('Space');
      await expectTitle(page, 'Men and mental health'); // after the last question, the next card
      await expectShown(page, 0);
      await page.keyboard.press('ArrowLeft');
      await expectTitle(page, first);
      await expectShown(page, 2); // going back shows the whole card
      await page.keyboard.press('PageUp');
      await expectShown(page, 1);
      // The buttons do the same, for touch screens.
      await page.locator('#control-next').click();
      await page.locator('#control-next').click();
      await expectTitle(page, 'Men and mental health');
      // A button clicked with the mouse lets go of the focus: Space goes on, not presses it again.
      await page.locator('#control-previous').click();
      await expectShown(page, 2);
      await page.keyboard.press('Space');
      await expectTitle(page, 'Men and mental health');
      await page.keyboard.press('ArrowLeft');
      await expectShown(page, 2);
      // Where the room is survives a reload.
      await page.reload();
      await waitForApp(page);
      await expectTitle(page, first);
      await expectShown(page, 2);
      assert.equal((await stored(page)).position, 0);
    }));

  it('type is large enough for the back of the room at 1920×1080, and nothing else is on screen', (t) =>
    withPage(t, { viewport: PROJECTOR }, async (page) => {
      await presentTheme(page, 'Gender and family life');
      await page.keyboard.press('ArrowRight');
      const px = (sel) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok((await px('.stage .slide__text')) >= 36, `example at ${await px('.stage .slide__text')}px`);
      assert.ok((await px('.stage .slide__questions')) >= 36);
      assert.ok((await px('#slide-title')) > (await px('.stage .slide__text')) * 1.5, 'the topic is larger');
      for (const frame of ['.site-header', '.main-nav', '.site-footer']) {
        assert.equal(await page.locator(frame).isVisible(), false, `${frame} is on the projector`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
      await auditA11y(page, 'audience view at 1920×1080');
      await screenshot(page, 'present-live-stage-1920x1080');
      await page.setViewportSize(LAPTOP);
      await screenshot(page, 'present-live-stage-1280x720');
    }));

  it('R draws each card of the filter once, then starts a new round', (t) =>
    withPage(t, async (page) => {
      await presentTheme(page, 'Gender and family life');
      const seen = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('r');
        await page.waitForFunction((n) => JSON.parse(localStorage.getItem('tpa:show')).data.pile.drawn.length === n, i + 1);
        seen.push(await title(page));
      }
      assert.equal(new Set(seen).size, 4, `a card came twice: ${seen.join(' | ')}`);
      await page.locator('#control-random').click();
      await page.locator('.stage [role=status]').filter({ hasText: 'a new round' }).waitFor();
      assert.equal((await stored(page)).pile.drawn.length, 1);
    }));

  it('R during THINK questions draws from the guidance’s cards, never from one’s own', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      await page.evaluate(() =>
        localStorage.setItem('tpa:card:my-private', JSON.stringify({ v: 1, rev: 1, data: {
          id: 'my-private', area: 'family', topic: 'OWN-CARD-MARKER', example: '', questions: ['Why?'],
          content_note: '', lang: 'en', based_on: null, updated_at: 1 } })),
      );
      await gotoApp(page, '/present');
      await page.getByRole('button', { name: 'Present question 1' }).click();
      await page.locator('.stage #slide-title').waitFor();
      const pool = (await stored(page)).pool;
      assert.equal(pool.length, 16);
      assert.ok(!pool.some((id) => id.startsWith('my-')), `an own card in the pool: ${pool}`);
      for (let i = 0; i < 17; i++) {
        await page.keyboard.press('r');
        assert.ok(!(await page.content()).includes('OWN-CARD-MARKER'), 'an own card on the projector');
      }
    }));

  it('T starts and pauses the timer, ? shows the keys, F fills the screen, Esc leaves', (t) =>
    withPage(t, async (page) => {
      await presentTheme(page, 'Gender in the workplace');
      await page.keyboard.press('t');
      const timer = page.locator('.stage .timer');
      await timer.waitFor();
      assert.match(await timer.innerText(), /0[45]:\d\d/, 'five minutes by default');
      assert.ok((await stored(page)).timer.running_since > 0);
      await page.keyboard.press('T');
      await timer.filter({ hasText: 'Paused' }).waitFor();
      assert.equal((await stored(page)).timer.running_since, null);

      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keys for presenting' });
      await help.waitFor();
      await expectFocus(page, 'keys-close');
      await auditA11y(page, 'keys help');
      // Behind the list the page is inert: keys and buttons do nothing there.
      const before = await stored(page);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('r');
      assert.equal(await page.locator('.stage__body').getAttribute('inert'), '');
      assert.deepEqual(await stored(page), before, 'a key acted behind the open list');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
      assert.match(page.url(), /\/present\/show$/, 'Escape closed the help, it did not leave');
      await expectFocus(page, 'control-help', 'focus comes back to the button that opened it');
      assert.equal(await page.locator('.stage__body').getAttribute('inert'), null);
      // The timer panel closes with Escape even from its length field.
      await page.locator('#control-set-timer').click();
      await expectFocus(page, 'timer-close');
      await page.getByLabel('Your own length').fill('2');
      await page.keyboard.press('Escape');
      await page.locator('#timer-close').waitFor({ state: 'hidden' });
      await expectFocus(page, 'control-set-timer');

      await page.keyboard.press('f');
      await page.waitForFunction(() => document.fullscreenElement !== null);
      await page.keyboard.press('F');
      await page.waitForFunction(() => document.fullscreenElement === null);

      await page.keyboard.press('Escape');
      await page.waitForURL('**/present');
      await page.locator('h1', { hasText: 'Present' }).waitFor();
    }));

  it('single-letter keys can be switched off; arrows and buttons still work', (t) =>
    withPage(t, async (page) => {
      await presentTheme(page, 'Gender and family life');
      await page.locator('#control-help').click();
      const toggle = page.locator('#letter-keys');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await page.locator('#keys-close').click();
      const before = await stored(page);
      for (const key of ['r', 't', 'f', '?']) await page.keyboard.press(key);
      await page.waitForTimeout(300);
      const after = await stored(page);
      assert.deepEqual(after, before, 'a letter key changed the presentation');
      assert.equal(await page.evaluate(() => document.fullscreenElement), null);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('tpa:show')).data.revealed === 1);
      // The choice is remembered.
      await page.reload();
      await waitForApp(page);
      await page.keyboard.press('r');
      await page.waitForTimeout(300);
      assert.equal((await stored(page)).pile.drawn.length, 0);
    }));

  it('a THINK question is presented with its explanation', (t) =>
    withPage(t, { viewport: PROJECTOR }, async (page) => {
      await gotoApp(page, '/present');
      await page.getByRole('button', { name: 'Present question 2' }).click();
      await page.waitForURL('**/present/show');
      assert.equal(await title(page), 'How do dominant gender norms in your community affect men and boys?');
      assert.match(await page.locator('.slide__kicker').innerText(), /QUESTION 2 OF 4/i);
      await page.keyboard.press('ArrowRight');
      assert.match(await title(page), /women and girls/);
      await screenshot(page, 'present-live-question-1920x1080');
    }));
});

describe('the discussion timer', () => {
  it('counts down, highlights the end gently, survives a reload and makes no sound unless chosen', (t) =>
    withPage(t, async (page) => {
      await page.addInitScript(() => {
        window.__plays = 0;
        HTMLMediaElement.prototype.play = function () {
          window.__plays += 1;
          return Promise.resolve();
        };
      });
      await presentTheme(page, 'Gender in the workplace');
      await page.locator('#control-set-timer').click();
      await page.getByLabel('Your own length').fill('0:05');
      await page.locator('#timer-set').click();
      await page.locator('#timer-close').click();
      assert.equal(await page.locator('.stage .timer__time').innerText(), '00:05');
      await page.keyboard.press('t');
      await page.locator('.stage .timer--last-minute').waitFor();
      // A reload while it runs: the countdown goes on from where it is.
      await page.reload();
      await waitForApp(page);
      await page.locator('.stage .timer--finished', { hasText: 'Time is up' }).waitFor({ timeout: 8_000 });
      assert.equal(await page.locator('.stage .timer__time').innerText(), '00:00');
      assert.equal(await page.locator('.stage--finished').count(), 1, 'the end signal frames the screen');
      assert.equal(await page.evaluate(() => window.__plays), 0, 'sound is off by default');

      // With sound chosen, the end plays the chime once.
      await page.goto('/present');
      await waitForApp(page);
      await page.locator('#setting-timer-sound').click();
      assert.equal(await page.locator('#setting-timer-sound').getAttribute('aria-pressed'), 'true');
      await page.getByRole('button', { name: 'Present question 1' }).click();
      await page.locator('#control-set-timer').click();
      await page.getByLabel('Your own length').fill('0:01');
      await page.locator('#timer-set').click();
      await page.locator('#timer-close').click();
      await page.locator('#control-timer').click();
      await page.locator('.stage .timer--finished').waitFor({ timeout: 5_000 });
      await page.waitForFunction(() => window.__plays === 1);
    }));

  it('refuses lengths it cannot use, with a reason', (t) =>
    withPage(t, async (page) => {
      await presentTheme(page, 'Gender in the workplace');
      await page.locator('#control-set-timer').click();
      for (const [typed, reason] of [
        ['five', /minutes \(10\) or minutes and seconds/],
        ['5:75', /minutes \(10\) or minutes and seconds/],
        ['0', /at least one second/],
        ['120', /99:59/],
      ]) {
        await page.getByLabel('Your own length').fill(typed);
        await page.locator('#timer-set').click();
        assert.match(await page.locator('#timer-problem').innerText(), reason, typed);
      }
      await page.getByRole('button', { name: '10 min' }).click();
      assert.equal(await page.locator('.stage .timer__time').innerText(), '10:00');
    }));
});

describe('session plans', () => {
  it('are built, saved, listed, run with progress and planned times, and printed', (t) =>
    withPage(t, { viewport: PROJECTOR }, async (page) => {
      await gotoApp(page, '/present');
      await page.locator('#new-plan').click();
      await page.waitForURL('**/present/agenda/new');
      await page.getByLabel('Name of the plan').fill('Youth centre, Tuesday');
      await page.getByLabel('Name of the plan').press('Tab');
      await page.waitForURL(/\/present\/agenda\/plan-/);
      await page.getByLabel('An item of your own').fill('Welcome and ground rules');
      await page.locator('#add-free-button').click();
      await page.getByLabel('A THINK question').selectOption('men_and_boys');
      await page.locator('#add-question-button').click();
      await page.getByLabel('A scenario card').selectOption('parental-leave');
      await page.locator('#add-card-button').click();
      await page.locator('#add-break').click();
      assert.match(await page.locator('#plan-total').innerText(), /Items: 4 · planned time: 0 h 45 min/);
      await page.locator('#planned-0').fill('7:30');
      await page.locator('#planned-0').press('Tab');
      await page.locator('#plan-total').filter({ hasText: '0 h 48 min' }).waitFor();
      await page.locator('#planned-1').fill('soon');
      await page.locator('#planned-1').press('Tab');
      await page.getByText('Write minutes (10)').waitFor();
      // Move the card before the question (focus follows it), remove the break and bring it back.
      await page.locator('.plan-item').nth(2).getByRole('button', { name: 'Move up' }).click();
      await expectFocus(page, 'move-up-1', 'focus follows the moved row');
      assert.equal(await page.getByText('Write minutes (10)').count(), 0, 'the refused time went with the change');
      assert.match(await page.locator('.plan-item').nth(1).innerText(), /Card: Parental leave/);
      await page.locator('.plan-item').nth(3).getByRole('button', { name: 'Remove' }).click();
      assert.equal(await page.locator('.plan-item').count(), 3);
      await page.locator('#item-undo').click();
      assert.equal(await page.locator('.plan-item').count(), 4);
      await auditA11y(page, 'plan editor');
      await screenshot(page, 'present-live-plan-1920x1080');

      // Saved: it is listed after a reload, with its total.
      await page.goto('/present');
      await waitForApp(page);
      const plan = page.locator('.plan', { hasText: 'Youth centre, Tuesday' });
      await plan.waitFor();
      assert.match(await plan.innerText(), /Items: 4 · 0 h 48 min/);

      // Print: the plan alone on paper.
      await plan.getByRole('link', { name: 'Edit' }).click();
      await page.locator('#print-plan').waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.agenda-print').isVisible(), true);
      assert.equal(await page.locator('#add-break').isVisible(), false);
      const printed = await page.locator('.agenda-print').innerText();
      assert.match(printed, /Youth centre, Tuesday/);
      assert.match(printed, /Welcome and ground rules\s+7:30/);
      assert.match(printed, /Card: Parental leave, family leave, paternity leave\s+15 min/);
      await page.emulateMedia({ media: 'screen' });

      // Run: item 1 of 4, its planned time in the timer.
      await page.locator('#run-plan').click();
      await page.waitForURL('**/present/show');
      assert.match(await page.locator('.stage__progress').innerText(), /Youth centre, Tuesday · Item 1 of 4/);
      assert.equal(await title(page), 'Welcome and ground rules');
      assert.equal(await page.locator('.stage .timer__time').innerText(), '07:30');
      await page.keyboard.press('ArrowRight');
      assert.match(await page.locator('.stage__progress').innerText(), /Item 2 of 4/);
      assert.equal(await title(page), 'Parental leave, family leave, paternity leave');
      assert.equal(await page.locator('.stage .timer__time').innerText(), '15:00');
    }));
});

describe('the presenter view', () => {
  it('drives a second window for the projector and stays in step; either can drive or close', (t) =>
    withPage(t, { viewport: LAPTOP }, async (page) => {
      await gotoApp(page, '/present');
      await page.locator('#screens-two').check();
      const [audience] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('button', { name: 'Present question 1' }).click(),
      ]);
      const audienceErrors = [];
      audience.on('pageerror', (e) => audienceErrors.push(String(e)));
      await page.waitForURL('**/present/presenter');
      await audience.waitForURL('**/present/show');
      await waitForApp(audience);
      await audience.locator('.stage #slide-title').waitFor();
      const audienceTitle = () => audience.locator('#slide-title').innerText();
      assert.match(await audienceTitle(), /three different common gender norms/);
      assert.match(await page.locator('#next-up').innerText(), /THINK question 2/);

      // The presenter drives...
      await page.keyboard.press('ArrowRight');
      await audience.locator('#slide-title', { hasText: 'men and boys' }).waitFor();
      // ...the audience window drives too...
      await audience.keyboard.press('ArrowRight');
      await page.locator('.presenter #slide-title', { hasText: 'women and girls' }).waitFor();
      // ...and the timer started here counts there.
      await page.getByRole('button', { name: '3 min' }).click();
      await page.locator('#timer-toggle').click();
      await audience.locator('.stage .timer:not([hidden])').waitFor();
      assert.match(await audience.locator('.stage .timer__time').innerText(), /0[23]:\d\d/);
      // Jump to an item from the list.
      await page.getByRole('button', { name: /THINK question 4/ }).click();
      await audience.locator('#slide-title', { hasText: 'benefits' }).waitFor();
      await auditA11y(page, 'presenter view');
      await auditA11y(audience, 'audience view');
      await screenshot(page, 'present-live-presenter-1280x720');
      await page.setViewportSize(PROJECTOR);
      await screenshot(page, 'present-live-presenter-1920x1080');

      // Closing the audience window leaves the presenter usable; a new one picks up the state.
      assert.deepEqual(audienceErrors, []);
      await audience.close();
      await page.keyboard.press('ArrowLeft');
      await page.locator('.presenter #slide-title', { hasText: 'women and girls' }).waitFor();
      const [again] = await Promise.all([page.context().waitForEvent('page'), page.locator('#open-audience').click()]);
      await again.locator('#slide-title', { hasText: 'women and girls' }).waitFor();
      await again.keyboard.press('ArrowRight');
      await page.locator('.presenter #slide-title', { hasText: 'benefits' }).waitFor();
      // And closing the presenter leaves the audience window presenting.
      await page.goto('/present');
      await again.keyboard.press('ArrowLeft');
      await again.locator('#slide-title', { hasText: 'women and girls' }).waitFor();
      await again.close();
    }));

  it('says so when the browser blocks the second window, and tries again on request', (t) =>
    withPage(t, { viewport: LAPTOP }, async (page) => {
      await page.addInitScript(() => {
        window.open = () => null;
      });
      await gotoApp(page, '/present');
      await page.locator('#screens-two').check();
      await page.locator('#present-cards').click();
      await page.waitForURL('**/present/presenter?window=blocked');
      await page.locator('.presenter [role=alert]', { hasText: 'did not open the second window' }).waitFor();
      await page.locator('#open-audience').click();
      await page.locator('.presenter [role=alert]').waitFor();
    }));

  it('shows the facilitator’s notes: the card’s content note, reminders and the support services', (t) =>
    withPage(t, { viewport: LAPTOP }, async (page) => {
      // Support services, noted beforehand.
      await gotoApp(page, '/present/notes');
      await page.getByLabel('Name').fill('Youth helpline <b>free</b>');
      await page.getByLabel('Contact').fill('150');
      await page.getByLabel('Opening hours').fill('Every day, 9–21');
      await page.locator('#service-save').click();
      await page.locator('#service-save').click(); // an empty form: refused
      assert.match(await page.locator('#service-problem').innerText(), /needs a name/);
      await page.locator('.service', { hasText: 'Youth helpline' }).getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Contact').fill('150 (free, anonymous)');
      await page.locator('#service-save').click();
      await page.locator('.service', { hasText: 'anonymous' }).waitFor();
      assert.equal(await page.locator('b').count(), 0, 'markup is text');
      assert.equal(await page.locator('.advice').count(), 8, 'the eight recommendations of ACT!');
      await auditA11y(page, 'facilitator notes');
      await screenshot(page, 'present-live-notes-1280x720');

      await presentTheme(page, 'Gender in the workplace');
      await page.goto('/present/presenter');
      await waitForApp(page);
      await page.getByRole('button', { name: /sexual harassment/i }).click();
      assert.match(await page.locator('.presenter .content-note').innerText(), /sexual harassment/);
      await page.locator('summary', { hasText: 'Support services' }).click();
      assert.match(await page.locator('.presenter .services').innerText(), /150 \(free, anonymous\)/);
      // Never on the projector.
      await page.goto('/present/show');
      await waitForApp(page);
      const stage = await page.locator('#main').innerText();
      assert.ok(!stage.includes('Youth helpline'), 'a support service on the projector');
      assert.ok(!stage.includes('Before you start'), 'a facilitator note on the projector');
    }));
});

it('nothing a person wrote (an answer, a card note) ever appears in present mode', (t) =>
  withPage(t, { viewport: LAPTOP }, async (page) => {
    const ANSWER = 'ANSWER-MARKER-5821';
    const NOTE = 'NOTE-MARKER-9137';
    await gotoApp(page, '/think');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('#answer-1-men_and_boys').fill(ANSWER);
    await page.locator('#answer-1-men_and_boys').blur();
    await page.waitForFunction((m) => (localStorage.getItem('tpa:answer:1.men_and_boys') || '').includes(m), ANSWER);
    await gotoApp(page, '/cards/sexual-harassment');
    await page.getByLabel('Your thoughts on this card').fill(NOTE);
    await page.getByLabel('Your thoughts on this card').blur();
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('tpa:note:')));
    const seen = async (where) => {
      const html = await page.content();
      assert.ok(!html.includes(ANSWER), `an answer appeared on ${where}`);
      assert.ok(!html.includes(NOTE), `a card note appeared on ${where}`);
    };
    await gotoApp(page, '/present');
    await seen('/present');
    // Every card of the theme, every question revealed, on the projector and the presenter's view.
    await page.getByRole('button', { name: 'Gender in the workplace' }).click();
    await page.locator('#present-cards').click();
    await page.waitForURL('**/present/show');
    for (let i = 0; i < 16; i++) {
      await seen(`/present/show, step ${i}`);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('r');
    await seen('/present/show after R');
    await gotoApp(page, '/present/presenter');
    await seen('/present/presenter');
    await page.getByRole('button', { name: /sexual harassment/i }).click();
    await seen('/present/presenter on the card with the note');
    for (let n = 1; n <= 4; n++) {
      await gotoApp(page, '/present');
      await page.getByRole('button', { name: `Present question ${n}` }).click();
      await page.locator('.stage #slide-title').waitFor();
      await seen(`THINK question ${n}`);
    }
    await gotoApp(page, '/present/notes');
    await seen('/present/notes');
    await gotoApp(page, '/present/agenda/new');
    await seen('/present/agenda/new');
    // The markers are really stored, so the checks above could have failed.
    const all = await page.evaluate(() => JSON.stringify(localStorage));
    assert.ok(all.includes(ANSWER) && all.includes(NOTE));
  }));
