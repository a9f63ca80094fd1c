// Languages: the whole app in Russian (every route, axe, no English left on screen, nothing wider
// than the screen), the first choice from the browser, the switcher (kept, URL unchanged, typed
// text kept), the static shell before the app, own cards keeping their language, present mode,
// the Russian keyboard layout and print in Russian. Screenshots: target/screenshots/ru-*.png.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocumentProxy, extractText } from 'unpdf';
import { ROUTES, VIEWPORTS, auditA11y, gotoApp, screenshot, setupE2E, withPage, waitForApp } from './harness.mjs';

setupE2E();

const ROOT = path.resolve(import.meta.dirname, '../..');
const locale = (code) => JSON.parse(readFileSync(path.join(ROOT, `locales/${code}.json`), 'utf8'));
const leaves = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(leaves));
const RU_APP = 'Думай · Планируй · Действуй';

// English interface text that must not be on a Russian page: every English string's pieces
// between placeholders, long enough to be unmistakable, and not also Russian text.
const russianText = leaves(locale('ru')).join('\n');
const ENGLISH = [
  ...new Set(
    leaves(locale('en'))
      .flatMap((text) => text.split(/\{\{[^}]*\}\}/))
      .map((piece) => piece.trim())
      .filter((piece) => piece.length >= 12 && !russianText.includes(piece)),
  ),
];

/** The English interface text found on the page, if any. */
const englishOnPage = (page) => page.evaluate((english) => english.filter((s) => document.body.innerText.includes(s)), ENGLISH);

const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null')?.data, key);
/** Waits until the choice is kept: the switch shows at once, the saving follows (a lazy chunk). */
const kept = (page, code) =>
  page.waitForFunction((c) => JSON.parse(localStorage.getItem('tpa:settings') || 'null')?.data?.language === c, code);

it('the check for English left on a page can find it', () => {
  assert.ok(ENGLISH.includes('What you write stays on this device. Nothing is sent anywhere.'));
  assert.ok(ENGLISH.length > 300, `only ${ENGLISH.length} English strings to look for`);
});

for (const vp of VIEWPORTS) {
  describe(`every route in Russian at ${vp.width}x${vp.height}`, () => {
    for (const route of ROUTES) {
      it(`${route.path} speaks Russian, fits the screen and has no axe violations`, (t) =>
        withPage(t, { viewport: vp, locale: 'ru-RU' }, async (page) => {
          const address = route.path.replace(/^\/en\//, '/ru/');
          await gotoApp(page, address);
          assert.equal(new URL(page.url()).pathname, address);
          assert.equal(await page.getAttribute('html', 'lang'), 'ru');
          await page.locator('h1 >> visible=true').first().waitFor({ timeout: 5_000 });
          await page.waitForFunction((app) => document.title.endsWith(app), RU_APP, { timeout: 5_000 }).catch(() => {});
          assert.ok((await page.title()).endsWith(RU_APP), `title: ${await page.title()}`);
          assert.deepEqual(await englishOnPage(page), [], `English left on ${route.path}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${route.path} is ${overflow}px wider than the ${vp.width}px screen`);
          // No button or link wider than its box (long Russian words).
          const clipped = await page.evaluate(() =>
            [...document.querySelectorAll('button, a, h1, h2, label')]
              .filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
              .map((el) => el.textContent.trim().slice(0, 40)),
          );
          assert.deepEqual(clipped, [], 'text cut off');
          await auditA11y(page, `${route.path} in Russian at ${vp.width}x${vp.height}`);
          await screenshot(page, `ru-${route.slug}-${vp.width}x${vp.height}`);
        }));
    }
  });
}

describe('the first language', () => {
  for (const [browser, expected] of [
    ['ru-KZ', 'ru'],
    ['ky-KG', 'ru'], // a language of Central Asia the app does not speak yet: Russian
    ['uz-Latn-UZ', 'ru'],
    ['de-DE', 'en'],
    ['en-GB', 'en'],
  ]) {
    it(`a browser in ${browser} opens in ${expected}, shell and app alike`, (t) =>
      withPage(t, { locale: browser }, async (page) => {
        // The static shell first (the wasm held back), then the app.
        await page.route('**/*.wasm', () => {});
        await page.goto('/think', { waitUntil: 'domcontentloaded' });
        assert.equal(await page.getAttribute('html', 'lang'), expected, 'static shell');
        const brand = await page.locator('.brand').innerText();
        assert.equal(brand, expected === 'ru' ? RU_APP : 'Think · Plan · Act');
        await page.unroute('**/*.wasm');
        await gotoApp(page, '/think');
        assert.equal(await page.getAttribute('html', 'lang'), expected, 'app');
        assert.equal(await page.locator('.brand').innerText(), brand);
      }));
  }
});

describe('the language switcher', () => {
  it('switches in place, keeps the address and what is typed, is remembered, and switches back', (t) =>
    withPage(t, { viewport: VIEWPORTS[0] }, async (page) => {
      await gotoApp(page, '/think');
      // On a phone the switcher is in the menu; the menu stays open through the switch.
      await page.locator('#menu-toggle').click();
      const switcher = page.locator('.language-switcher');
      assert.deepEqual(await switcher.locator('button').allInnerTexts(), ['English', 'Русский']);
      assert.equal(await switcher.locator('button[lang="ru"]').getAttribute('aria-pressed'), 'false');
      await page.getByRole('button', { name: 'See all on one page' }).click();
      await page.fill('#answer-1-benefits', 'Written just before switching');
      await switcher.locator('button[lang="ru"]').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru');
      await page.locator('.brand', { hasText: RU_APP }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/ru/think', 'the same page in the new language');
      assert.equal(await page.locator('#answer-1-benefits').inputValue(), 'Written just before switching');
      await kept(page, 'ru');
      await page.waitForFunction(() => document.activeElement?.id === 'language-ru', null, { timeout: 2_000 }).catch(() => {});
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-ru', 'focus stays on the switcher');
      assert.equal(await page.locator('#language-ru').getAttribute('aria-pressed'), 'true');
      await auditA11y(page, '/think after switching to Russian');

      await page.reload();
      await waitForApp(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'ru', 'remembered across a reload');
      assert.deepEqual(await englishOnPage(page), []);

      await page.locator('#menu-toggle').click();
      await page.locator('#language-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.locator('.brand', { hasText: 'Think · Plan · Act' }).waitFor();
      await kept(page, 'en');
    }));

  it('a form that does not save by itself asks before its text would be lost', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards/new');
      await page.fill('#card-topic-input', 'A card not saved yet');
      const asked = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        dialog.dismiss();
      });
      await page.locator('#language-ru').click();
      assert.deepEqual(asked, [locale('en').language.lose_typed]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'no switch without a yes');
      assert.equal(await page.inputValue('#card-topic-input'), 'A card not saved yet');
      page.once('dialog', (dialog) => dialog.accept());
      await page.locator('#language-ru').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru');
    }));

  it('an open lock keeps its Lock button through a switch, in the new words', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/lock');
      await page.fill('#lock-new', 'a long enough passphrase');
      await page.fill('#lock-repeat', 'a long enough passphrase');
      await page.locator('#lock-turn-on').click();
      await page.locator('#lock-now').waitFor();
      await page.locator('#language-ru').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru');
      await page.locator('#lock-now').waitFor({ timeout: 2_000 });
      assert.equal(await page.locator('#lock-now').innerText(), locale('ru').lock.now);
      assert.equal(await page.locator('#lock-now').count(), 1);
    }));

  it('a choice beats the browser language, in the static shell too', (t) =>
    withPage(t, { locale: 'ru-RU' }, async (page) => {
      await gotoApp(page, '/');
      await page.locator('#language-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await kept(page, 'en');
      await page.route('**/*.wasm', () => {});
      await page.goto('/cards', { waitUntil: 'domcontentloaded' });
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.locator('.brand').innerText(), 'Think · Plan · Act');
    }));

  it('the page and the boot words speak Russian when the app cannot start', (t) =>
    withPage(t, { locale: 'ru-RU' }, async (page) => {
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto('/about');
      // The Russian page (rendered at build time) keeps its text; the words say the rest.
      await page.waitForURL(/\/ru\/about$/);
      await page.locator('#main .fatal').waitFor();
      assert.equal(await page.locator('#main .fatal').innerText(), locale('ru').boot.failed);
      assert.ok((await page.locator('#main h1').count()) === 1, 'About is still there');
      assert.equal(await page.locator('.main-nav a').first().innerText(), locale('ru').nav.home);
      assert.equal(await page.locator('.site-footer p').first().innerText(), locale('ru').footer.promise);
      await auditA11y(page, 'static shell in Russian');
    }));
});

describe('content in Russian', () => {
  it('an own card keeps the language it was written in', (t) =>
    withPage(t, { locale: 'ru-RU' }, async (page) => {
      await gotoApp(page, '/my-cards/new');
      await page.fill('#card-topic-input', 'Кто моет посуду после праздника');
      await page.fill('#card-example', 'После семейного праздника посуду моют только женщины.');
      await page.fill('#card-questions', 'Кто решил, что так должно быть?');
      await page.locator('#save-card').click();
      await page.waitForURL(/\/cards\/my-/);
      const id = new URL(page.url()).pathname.split('/').pop();
      assert.equal((await stored(page, `tpa:card:${id}`)).lang, 'ru');
      assert.equal(await page.locator('.card-face__example').getAttribute('lang'), null, 'the page speaks its language');

      await page.locator('#language-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.locator('.card-face__example[lang="ru"]').waitFor();
      assert.equal(await page.locator('.card-face__questions').getAttribute('lang'), 'ru');
      assert.equal(await page.locator('.card-face__example').innerText(), 'После семейного праздника посуду моют только женщины.');
    }));

  it('present mode in Russian, with the letter keys on a Russian keyboard layout', (t) =>
    withPage(t, { viewport: VIEWPORTS[1], locale: 'ru-RU' }, async (page) => {
      await gotoApp(page, '/present');
      await page.getByRole('button', { name: 'Гендер и благополучие мужчин' }).click();
      await page.waitForURL(/area=/);
      await page.locator('#present-cards').click();
      await page.waitForURL('**/present/show');
      await page.locator('.stage #slide-title').waitFor();
      assert.match(await page.locator('.stage__credit').innerText(), /\(ОБСЕ\)$/);
      assert.deepEqual(await englishOnPage(page), []);
      await auditA11y(page, '/present/show in Russian');
      await screenshot(page, 'ru-present-show-card-1920x1080');
      // R with a Russian layout types «к»: the app knows the key by its place (KeyR).
      assert.equal((await stored(page, 'tpa:show')).pile.drawn.length, 0);
      await page.evaluate(() =>
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'к', code: 'KeyR', bubbles: true, cancelable: true })),
      );
      await page
        .waitForFunction(() => JSON.parse(localStorage.getItem('tpa:show')).data.pile.drawn.length === 1, null, { timeout: 2_000 })
        .catch(() => {});
      assert.equal((await stored(page, 'tpa:show')).pile.drawn.length, 1, 'к (R on a Russian layout) drew a card');
    }));

  it('the deck prints in Russian: four cards a page, each with its credit in Russian', (t) =>
    withPage(t, { locale: 'ru-RU' }, async (page) => {
      await gotoApp(page, '/cards');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'ru-cards-print');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const doc = await getDocumentProxy(new Uint8Array(pdf));
      const { text } = await extractText(doc, { mergePages: false });
      const pages = text.map((p) => p.replace(/\s+/g, ' '));
      assert.equal(pages.length, 4, '16 cards on 4 pages');
      const credit = `${locale('ru').cards.print_credit} «Вовлечение молодых мужчин в продвижение гендерного равенства» (ОБСЕ)`;
      for (const [i, p] of pages.entries()) {
        assert.equal(p.split(credit).length - 1, 4, `page ${i + 1} has four cards with the Russian credit: ${p}`);
        assert.doesNotMatch(p, /Annex|OSCE|Think · Plan · Act/, 'no English on paper');
      }
      assert.match(pages.join('\n'), /Предотвращение сексуальных домогательств на рабочем месте/);
    }));
});
