// Scenario cards: browse by theme, search, deep links, previous/next, drawing without repeats,
// private notes (autosaved, listed on My reflections), and printing cuttable cards to PDF.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { VIEWPORTS, auditA11y, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const [PHONE, PROJECTOR] = VIEWPORTS;
const tiles = (page) => page.locator('.card-tile__link');
const tileIds = (page) =>
  tiles(page).evaluateAll((as) => as.map((a) => new URL(a.href).pathname.split('/').pop()));
const query = (page) => Object.fromEntries(new URL(page.url()).searchParams);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

async function reload(page) {
  await page.reload();
  await waitForApp(page);
}

describe('browsing the deck', () => {
  for (const viewport of VIEWPORTS) {
    it(`shows the 16 cards in five themes at ${viewport.width}px`, (t) =>
      withPage(t, { viewport }, async (page) => {
        await gotoApp(page, '/cards');
        assert.equal(await tiles(page).count(), 16);
        assert.equal(await page.locator('section.area h2').count(), 5);
        assert.match(await page.locator('#card-count').innerText(), /Cards shown: 16 of 16/);
        await auditA11y(page, `/cards at ${viewport.width}px`);
        await screenshot(page, `cards-grid-${viewport.width}`);
      }));
  }

  it('a theme chip filters, is kept in the link and survives a reload', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards');
      await page.getByRole('button', { name: 'Gender and family life' }).click();
      await page.waitForURL(/area=family/);
      assert.equal(await tiles(page).count(), 4);
      assert.equal(
        await page.getByRole('button', { name: 'Gender and family life' }).getAttribute('aria-pressed'),
        'true',
      );
      assert.equal(await page.getByRole('button', { name: 'All themes' }).getAttribute('aria-pressed'), 'false');
      await reload(page);
      assert.equal(await tiles(page).count(), 4, 'the filter comes back from the link');
      assert.deepEqual(await tileIds(page), [
        'money-matters',
        'sharing-responsibilities',
        'decisions-affect-others',
        'parental-leave',
      ]);
      await page.getByRole('button', { name: 'All themes' }).click();
      await page.waitForURL((url) => !url.search.includes('area='));
      assert.equal(await tiles(page).count(), 16);
    }));

  it('search ignores case and accents, matches questions, and keeps focus while typing', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/cards');
      const search = page.getByLabel('Search the cards');
      await search.pressSequentially('PÀTERNITÝ');
      await page.waitForURL(/q=/);
      assert.deepEqual(await tileIds(page), ['parental-leave']);
      assert.equal(await focusedId(page), 'card-search', 'typing stays in the search box');
      assert.equal(await search.inputValue(), 'PÀTERNITÝ');
      assert.match(await page.locator('#card-count').innerText(), /Cards shown: 1 of 16/);

      // Words of a question (not of the topic or example) find the card; several words all count.
      await search.fill('box-ticking exercise');
      await page.waitForURL(/box-ticking/);
      assert.deepEqual(await tileIds(page), ['gender-mainstreaming']);
      await reload(page);
      assert.equal(await search.inputValue(), 'box-ticking exercise', 'the search comes back from the link');
      assert.deepEqual(await tileIds(page), ['gender-mainstreaming']);

      // Nothing matches: a message, not an empty page; markup is just text.
      await search.fill('<img src=x onerror=alert(1)> отпуск');
      await page.locator('#card-count').filter({ hasText: 'No card matches' }).waitFor();
      assert.equal(await tiles(page).count(), 0);
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('#print-cards').isDisabled(), true);
      await auditA11y(page, '/cards with no match');
    }));
});

describe('one card', () => {
  it('a deep link opens the card with its note, questions and credit, also after a reload', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards/sexual-harassment');
      assert.equal(await page.locator('h1').innerText(), 'Preventing sexual harassment in the workplace');
      assert.match(await page.locator('.content-note').innerText(), /Before you start/);
      assert.ok((await page.locator('.card-face__questions li').count()) >= 2);
      assert.match(await page.locator('.credit').innerText(), /Annex 2/);
      assert.match(await page.locator('.pager__position').innerText(), /Card 7 of 16/);
      await reload(page);
      assert.equal(await page.locator('h1').innerText(), 'Preventing sexual harassment in the workplace');
      await screenshot(page, 'card-1920');
    }));

  it('previous and next stay within the theme and move focus to the new card', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/cards?area=family');
      await page.getByRole('link', { name: /^Money matters/ }).click();
      await page.waitForURL(/\/cards\/money-matters\?area=family/);
      assert.match(await page.locator('.pager__position').innerText(), /Card 1 of 4/);
      assert.equal(await page.locator('a[rel="prev"]').count(), 0, 'no previous card before the first');
      await page.locator('a[rel="next"]').click();
      await page.waitForURL(/sharing-responsibilities\?area=family/);
      await page.waitForFunction(() => document.activeElement?.id === 'card-topic');
      assert.match(await page.locator('.pager__position').innerText(), /Card 2 of 4/);
      await page.locator('a[rel="next"]').click();
      await page.locator('a[rel="next"]').click();
      await page.waitForURL(/parental-leave/);
      assert.equal(await page.locator('a[rel="next"]').count(), 0, 'no next card after the last of the theme');
      await auditA11y(page, '/cards/parental-leave (phone)');
      await screenshot(page, 'card-360');
      await page.getByRole('link', { name: '← All cards' }).click();
      await page.waitForURL(/\/cards\?area=family$/);
      assert.equal(await tiles(page).count(), 4, 'back to the same theme');
    }));

  it('a link to a card that does not exist says so and leads back to the deck', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards/no-such-card');
      assert.equal(await page.locator('h1').innerText(), 'This card was not found');
      await auditA11y(page, '/cards/no-such-card');
      await page.locator('#main').getByRole('link', { name: '← All cards' }).click();
      await page.waitForURL(/\/cards$/);
      assert.equal(await tiles(page).count(), 16);
    }));
});

describe('drawing cards', () => {
  it('draws every card of the theme once, then offers a reshuffle', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards?area=workplace');
      const drawn = [];
      for (let i = 0; i < 3; i++) {
        const before = page.url();
        await page.locator('#draw-card').click();
        await page.waitForURL((url) => url.href !== before && url.pathname !== '/cards');
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('area'), 'workplace', 'the draw stays in the theme');
        drawn.push(url.pathname.split('/').pop());
        assert.match(await page.locator('.draw__count').innerText(), new RegExp(`Drawn so far: ${i + 1} of 3`));
      }
      assert.deepEqual(
        [...drawn].sort(),
        ['sexual-harassment', 'workplace-dynamics', 'workplace-stereotypes'],
        'each card of the theme exactly once',
      );
      const last = page.url();
      await page.locator('#draw-card').click();
      await page.locator('.draw__count').filter({ hasText: 'Every card here has come up once (3)' }).waitFor();
      assert.equal(page.url(), last, 'no card is drawn twice in a pass');
      await auditA11y(page, 'card page with all cards seen');
      await page.locator('#reshuffle').click();
      await page.locator('.draw__count').filter({ hasText: 'Reshuffled' }).waitFor();
      // A new pass: any of the three may come first (the last one too), and the count restarts.
      await page.locator('#draw-card').click();
      await page.locator('.draw__count').filter({ hasText: 'Drawn so far: 1 of 3' }).waitFor();
      assert.match(new URL(page.url()).pathname, /^\/en\/cards\/(sexual-harassment|workplace-dynamics|workplace-stereotypes)$/);
    }));

  it('draws all 16 cards without a repeat', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards');
      const drawn = new Set();
      for (let i = 0; i < 16; i++) {
        const before = page.url();
        await page.locator('#draw-card').click();
        await page.waitForURL((url) => url.href !== before);
        drawn.add(new URL(page.url()).pathname);
      }
      assert.equal(drawn.size, 16);
      await page.locator('#draw-card').click();
      await page.locator('.draw__count').filter({ hasText: 'come up once (16)' }).waitFor();
    }));
});

describe('notes on cards', () => {
  it('a note saves itself, comes back, is listed on My reflections and can be deleted and restored', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      const marker = 'My private note ✍ отпуск <b>not bold</b>';
      await gotoApp(page, '/cards/parental-leave');
      await page.fill('#note-parental-leave', marker);
      await page.locator('#note-parental-leave-status').filter({ hasText: 'Saved on this device' }).waitFor();
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('tpa:note:parental-leave')));
      assert.equal(stored.data.text, marker);
      await reload(page);
      assert.equal(await page.inputValue('#note-parental-leave'), marker);

      await gotoApp(page, '/reflections');
      const notes = page.locator('section[aria-labelledby="notes-heading"]');
      assert.equal(await notes.locator('#note-parental-leave').inputValue(), marker);
      assert.match(await notes.locator('label').innerText(), /Parental leave/);
      await auditA11y(page, '/reflections with a card note');
      await notes.getByRole('button', { name: 'Delete' }).click();
      assert.equal(await page.evaluate(() => localStorage.getItem('tpa:note:parental-leave')), null);
      await expectFocus(page, 'undo-note-parental-leave');
      await page.locator('#undo-note-parental-leave').click();
      const restored = JSON.parse(await page.evaluate(() => localStorage.getItem('tpa:note:parental-leave')));
      assert.equal(restored.data.text, marker);
      assert.equal(await page.locator('b').count(), 0, 'markup in a note is shown as text');
    }));
});

describe('printing', () => {
  /** The PDF Chromium prints for `route`, as pages of text (line breaks made spaces). */
  async function printed(page, route) {
    await gotoApp(page, route);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { text } = await extractText(doc, { mergePages: false });
    return text.map((page) => page.replace(/\s+/g, ' '));
  }

  it('the whole deck prints as four cards per A4 page, each with its credit', (t) =>
    withPage(t, async (page) => {
      const pages = await printed(page, '/cards');
      assert.equal(pages.length, 4, '16 cards on 4 pages');
      for (const [i, text] of pages.entries()) {
        const credits = text.match(/From Annex 2 of/g) ?? [];
        assert.equal(credits.length, 4, `page ${i + 1} has four cards with their credit: ${text}`);
        assert.doesNotMatch(text, /Draw a card|Search the cards|Exit this page/, 'no controls on paper');
      }
      assert.match(pages[0], /What is gender mainstreaming\?/);
      assert.match(pages[3], /Stress, pressure, and anger management/);
      assert.match(pages.join('\n'), /box-ticking/, 'questions are printed');
    }));

  it('a filtered selection prints only its cards', (t) =>
    withPage(t, async (page) => {
      const pages = await printed(page, '/cards?area=economy');
      assert.equal(pages.length, 1);
      assert.equal((pages[0].match(/From Annex 2 of/g) ?? []).length, 2);
      assert.doesNotMatch(pages[0], /gender mainstreaming/);
    }));
});
