// Phone first (issue 19): on a 320, 360 and 390 px phone, in English and Russian, every page's
// heading starts in the top fifth of the screen, the header is one row of at most 64 px with
// quick exit on screen and uncovered, nothing is wider than the screen and every link and button
// is at least 24 px each way (WCAG 2.2, 2.5.8); the same with the passphrase lock open, with
// shared-device mode on and with a storage notice shown. The Menu button (a disclosure) opens,
// closes, traps nothing and closes on Esc; wide screens keep the whole navigation on one line;
// Undo after a delete is in sight; words for a touch screen speak of the button, not of Shift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES, auditA11y, inLanguage, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const PHONES = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];
const SMALLEST = PHONES[0];
const PHONE = PHONES[1];
/** The browser's language decides the app's (no choice kept yet). */
const BROWSER = { en: 'en-US', ru: 'ru-RU' };
/** Every page with the app's frame (the projector's page has none). */
const PAGES = ROUTES.filter((r) => !r.projector);

/** Where things are on the screen right after a page opens (not scrolled). */
function frameFacts(page) {
  return page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const exit = document.querySelector('.quick-exit__button');
    const e = box(exit);
    const hit = document.elementFromPoint(e.left + e.width / 2, e.top + e.height / 2);
    return {
      vw: innerWidth,
      vh: innerHeight,
      lang: document.documentElement.lang,
      h1Top: Math.round(box(document.querySelector('#main h1')).top + scrollY),
      header: Math.round(box(document.querySelector('.site-header')).height),
      exit: { left: e.left, right: e.right, top: e.top, bottom: e.bottom },
      exitCovered: !hit?.closest('.quick-exit__button'),
      overflow: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

/** Links, buttons and fields smaller than 24×24 px. A link inside a sentence is exempt (WCAG
 *  2.5.8's inline exception): it is inline and its block holds more text than the link. */
function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (el.closest('.skip-link, .visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      if (style.display === 'inline') {
        const block = el.parentElement.closest('p, li, dd, td, div');
        if (block && block.textContent.trim().length > el.textContent.trim().length + 3) continue;
      }
      if (r.width < 24 || r.height < 24) {
        const name = (el.id ? `#${el.id}` : el.tagName.toLowerCase()) + ` "${(el.textContent || el.value || '').trim().slice(0, 30)}"`;
        small.push(`${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  });
}

function assertFrame(facts, label) {
  const limit = facts.vh * 0.2;
  assert.ok(facts.h1Top <= limit, `${label}: the h1 starts at ${facts.h1Top}px, below the top 20% (${limit}px)`);
  assert.ok(facts.header <= 64, `${label}: the header is ${facts.header}px tall`);
  const { left, right, top, bottom } = facts.exit;
  assert.ok(left >= 0 && right <= facts.vw && top >= 0 && bottom <= facts.vh, `${label}: quick exit is off screen (${JSON.stringify(facts.exit)})`);
  assert.equal(facts.exitCovered, false, `${label}: something covers quick exit`);
  assert.ok(facts.overflow <= 0, `${label}: the page is ${facts.overflow}px wider than the screen`);
}

/** Opens a page inside the app without loading afresh (an open lock lives only in the page):
 *  the router follows history like a link. */
async function openInApp(page, path) {
  const before = await page.locator('#main h1').innerText();
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await page.waitForFunction((old) => {
    const h1 = document.querySelector('#main h1');
    return h1 && h1.innerText !== old;
  }, before, { timeout: 10_000 }).catch(() => {});
  await page.locator('#main h1').first().waitFor();
}

for (const lang of ['en', 'ru']) {
  for (const vp of PHONES) {
    describe(`every page at ${vp.width}x${vp.height} in ${lang}`, () => {
      it('shows its heading in the top fifth, one header row, quick exit on screen, targets of 24 px', (t) =>
        withPage(t, { viewport: vp, locale: BROWSER[lang] }, async (page) => {
          for (const route of PAGES) {
            await gotoApp(page, inLanguage(route.path, lang));
            const facts = await frameFacts(page);
            assert.equal(facts.lang, lang);
            assertFrame(facts, `${route.path} (${lang}, ${vp.width}px)`);
            assert.deepEqual(await smallTargets(page), [], `${route.path} (${lang}, ${vp.width}px): targets under 24 px`);
            if (vp === PHONE) await screenshot(page, `phone-${route.slug}-${lang}-360x740`);
          }
        }));
    });
  }
}

describe('with the safety features on', () => {
  const cases = [
    { lang: 'en', vp: PHONE },
    { lang: 'ru', vp: SMALLEST },
  ];
  for (const { lang, vp } of cases) {
    it(`shared-device mode: the one-line banner, and every heading still in the top fifth (${lang}, ${vp.width}px)`, (t) =>
      withPage(t, { viewport: vp, locale: BROWSER[lang] }, async (page) => {
        await gotoApp(page, '/');
        // This tab and every new one in the mode, as "start every new tab this way" leaves it.
        await page.evaluate(() => {
          localStorage.setItem('tpa:shared-device', '1');
          sessionStorage.setItem('tpa:shared-device', '1');
        });
        for (const route of PAGES) {
          await gotoApp(page, inLanguage(route.path, lang));
          const banner = page.locator('#shared-device-on');
          assert.ok(await banner.isVisible(), `${route.path}: no banner`);
          const lines = await banner.evaluate((el) => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)));
          assert.ok(lines <= 2, `${route.path}: the banner takes ${lines} lines`);
          const strip = await banner.boundingBox();
          assert.ok(strip.y >= 0 && strip.y + strip.height <= vp.height + 1, `${route.path}: the banner is out of view`);
          assertFrame(await frameFacts(page), `${route.path} in shared-device mode (${lang}, ${vp.width}px)`);
        }
        await screenshot(page, `phone-shared-device-${lang}-${vp.width}`);
      }));

    it(`a storage notice is in view at the bottom, the heading stays in the top fifth (${lang}, ${vp.width}px)`, (t) =>
      withPage(t, { viewport: vp, locale: BROWSER[lang] }, async (page) => {
        await gotoApp(page, '/');
        // The settings are read on every page: unreadable, they bring the notice everywhere.
        await page.evaluate(() => localStorage.setItem('tpa:settings', '{not json'));
        for (const route of PAGES.filter((r) => ['/en/', '/en/think', '/en/cards', '/en/reflections', '/en/my-data', '/en/safety'].includes(r.path))) {
          await gotoApp(page, inLanguage(route.path, lang));
          const notice = page.locator('#storage-notice');
          await notice.waitFor();
          const box = await notice.boundingBox();
          assert.ok(box.y >= 0 && box.y + box.height <= vp.height, `${route.path}: the notice is out of view (${JSON.stringify(box)})`);
          assertFrame(await frameFacts(page), `${route.path} with a notice (${lang}, ${vp.width}px)`);
        }
        await auditA11y(page, `a storage notice at ${vp.width}px`);
        await screenshot(page, `phone-notice-${lang}-${vp.width}`);
      }));

    it(`the passphrase lock open: a padlock in the header, every heading in the top fifth (${lang}, ${vp.width}px)`, (t) =>
      withPage(t, { viewport: vp, locale: BROWSER[lang] }, async (page) => {
        await gotoApp(page, '/lock');
        await page.fill('#lock-new', 'a long walk home at night');
        await page.fill('#lock-repeat', 'a long walk home at night');
        await page.locator('#lock-turn-on').click();
        const lock = page.locator('#lock-now');
        await lock.waitFor();
        const box = await lock.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= vp.width && box.height >= 24 && box.width >= 24, `the Lock button: ${JSON.stringify(box)}`);
        for (const route of PAGES.filter((r) => r.path !== '/en/lock')) {
          await openInApp(page, inLanguage(route.path, lang));
          assert.equal(await lock.count(), 1, `${route.path}: no Lock button`);
          assertFrame(await frameFacts(page), `${route.path} with the lock open (${lang}, ${vp.width}px)`);
        }
        await auditA11y(page, `the lock open at ${vp.width}px`);
        await screenshot(page, `phone-lock-open-${lang}-${vp.width}`);
      }));
  }
});

describe('the Menu button', () => {
  it('opens and closes the navigation, traps nothing, closes on Esc and after a link', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/think');
      const menu = page.locator('#menu-toggle');
      const nav = page.locator('nav#main-nav');
      assert.ok(await menu.isVisible(), 'no Menu button on a phone');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await menu.getAttribute('aria-controls'), 'main-nav');
      assert.equal(await nav.isVisible(), false, 'the navigation is not folded');

      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      assert.ok(await nav.locator('a[href$="/safety"]').isVisible(), 'the menu does not show its links');
      await auditA11y(page, 'the menu open');
      await screenshot(page, 'phone-menu-open-en-360x740');
      // Tab walks through the links and on past the menu: nothing is trapped.
      await menu.focus();
      const visited = [];
      for (let i = 0; i < 16; i += 1) {
        await page.keyboard.press('Tab');
        visited.push(await page.evaluate(() => (document.activeElement.closest('#main-nav') ? 'nav' : 'out')));
      }
      assert.ok(visited.includes('nav') && visited.at(-1) === 'out', `Tab order: ${visited.join(' ')}`);

      // Esc inside the menu folds it and gives the focus back to Menu.
      await nav.locator('a[href$="/cards"]').focus();
      await page.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await nav.isVisible(), false);
      await expectFocus(page, 'menu-toggle', 'Esc gives the focus back to Menu');

      // Menu, Enter, a link: the next page opens with the menu folded.
      await page.keyboard.press('Enter');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await nav.locator('a[href$="/cards"]').click();
      await page.waitForURL(/\/cards$/);
      await waitForApp(page);
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await nav.isVisible(), false);

      // Opened far down a page, it stays under the bar, in view.
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await menu.click();
      const box = await nav.boundingBox();
      assert.ok(box.y >= 0 && box.y < 80, `the open menu is at ${box.y}px`);
      assert.ok(await nav.locator('a[href$="/about"]').isVisible());
      // The menu button again folds it.
      await menu.click();
      assert.equal(await nav.isVisible(), false);
    }));

  it('works in the static shell, before the app has arrived', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/app_bg\.wasm$/, async (route) => (await held, route.continue()));
      await page.goto('/about', { waitUntil: 'domcontentloaded' });
      const menu = page.locator('#menu-toggle');
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      assert.ok(await page.locator('#main-nav a[href$="/safety"]').isVisible());
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#main-nav').isVisible(), false);
      release();
      await waitForApp(page);
    }));

  it('is folded from the first paint, before shell.js has arrived, so nothing shifts', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/shell\.js$/, async (route) => (await held, route.continue()));
      const opened = page.goto('/en/think');
      const nav = page.locator('#main-nav');
      await nav.waitFor({ state: 'attached' });
      assert.equal(await nav.isVisible(), false, 'the navigation is unfolded before shell.js');
      assert.ok(await page.locator('#menu-toggle').isVisible());
      release();
      await opened;
      await waitForApp(page);
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts <= 0.01, `layout shift ${shifts.toFixed(3)} while the page opened`);
    }));

  it('without scripts, the navigation stays unfolded and Menu is not shown', (t) =>
    withPage(t, { viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await page.goto('/');
      assert.ok(await page.locator('#main-nav a[href$="/safety"]').isVisible());
      assert.equal(await page.locator('#menu-toggle').isVisible(), false);
    }));

  it('is not there on a wide screen, where the navigation is one line', (t) =>
    withPage(t, { locale: 'ru-RU' }, async (page) => {
      for (const width of [1280, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        await gotoApp(page, '/');
        assert.equal(await page.locator('#menu-toggle').isVisible(), false);
        const tops = await page.locator('#main-nav > ul > li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, `the navigation wraps at ${width}px: ${tops}`);
      }
    }));
});

describe('in sight and in words', () => {
  it('Undo after a delete is below the header, on screen', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/');
      await page.evaluate(() => {
        const env = (text, at) => JSON.stringify({ v: 1, rev: 1, data: { text, updated_at: at } });
        localStorage.setItem('tpa:answer:1.men_and_boys', env('first answer', 1_700_000_000_000));
        localStorage.setItem('tpa:answer:1.privilege', env('second answer', 1_700_000_000_001));
        localStorage.setItem('tpa:answer:1.women_and_girls', env('third answer', 1_700_000_000_002));
      });
      await gotoApp(page, '/reflections');
      const entry = page.locator('.entry').filter({ has: page.locator('#answer-1-privilege') });
      // Scrolled so the Delete button sits right under the bar, as after reading down the page.
      await entry.getByRole('button', { name: 'Delete' }).evaluate((b) => {
        scrollBy(0, b.getBoundingClientRect().top - 70);
      });
      await entry.getByRole('button', { name: 'Delete' }).click();
      await expectFocus(page, 'undo-1-privilege');
      const facts = await page.evaluate(() => {
        const undo = document.getElementById('undo-1-privilege').getBoundingClientRect();
        const header = document.querySelector('.site-header').getBoundingClientRect();
        return { top: undo.top, bottom: undo.bottom, headerBottom: header.bottom, vh: innerHeight };
      });
      assert.ok(facts.top >= facts.headerBottom && facts.bottom <= facts.vh, `Undo is hidden: ${JSON.stringify(facts)}`);
    }));

  it('a touch screen is told of the button, a keyboard of Shift ×3', async (t) => {
    const shown = (page) => page.locator('#main').innerText();
    await withPage(t, { viewport: PHONE }, async (page) => {
      // A desktop browser: a mouse and a keyboard.
      await gotoApp(page, '/');
      assert.match(await shown(page), /press Shift three times/);
      await gotoApp(page, '/safety');
      assert.match(await shown(page), /pressing Shift three times/);
    });
    await withPage(t, { viewport: PHONE, touch: true }, async (page) => {
      assert.equal(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches), true, 'not a touch screen');
      for (const path of ['/', '/safety']) {
        await gotoApp(page, path);
        const text = await shown(page);
        assert.doesNotMatch(text, /Shift/, `${path} speaks of Shift on a touch screen`);
        assert.match(text, /Exit this page/);
      }
    });
  });

  it('"Hide my answers" says whether it is on', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/think');
      const toggle = page.getByRole('button', { name: /^Hide my answers/ });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      assert.equal(await toggle.innerText(), 'Hide my answers: off');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await toggle.innerText(), 'Hide my answers: on');
    }));
});
