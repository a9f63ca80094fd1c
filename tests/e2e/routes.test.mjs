// Every route: deep link (SPA fallback), title, visible h1, zero axe
// violations, at phone and desktop size; client-side navigation through the
// main nav; a not-found page. Screenshots go to target/screenshots/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROUTES, VIEWPORTS, auditA11y, baseUrl, gotoApp, screenshot, setupE2E, withPage } from './harness.mjs';

setupE2E();

/** Wait (briefly) for the title, then assert it so a failure shows both values. */
async function expectTitle(page, title) {
  await page.waitForFunction((t) => document.title === t, title, { timeout: 5_000 }).catch(() => {});
  assert.equal(await page.title(), title);
}

async function expectVisibleH1(page) {
  await page.locator('h1 >> visible=true').first().waitFor({ timeout: 5_000 });
}

for (const vp of VIEWPORTS) {
  describe(`deep links at ${vp.width}x${vp.height}`, () => {
    for (const route of ROUTES) {
      it(`${route.path} loads directly, has its title, an h1 and no axe violations`, (t) =>
        withPage(t, { viewport: vp }, async (page) => {
          await gotoApp(page, route.path);
          assert.equal(new URL(page.url()).pathname, route.path);
          await expectTitle(page, route.title);
          await expectVisibleH1(page);
          // Nothing wider than the screen: no sideways scrolling on a phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${route.path} is ${overflow}px wider than the ${vp.width}px screen`);
          await auditA11y(page, `${route.path} at ${vp.width}x${vp.height}`);
          await screenshot(page, `${route.slug}-${vp.width}x${vp.height}`);
        }));
    }
  });
}

describe('dark mode (prefers-color-scheme: dark)', () => {
  for (const route of ROUTES) {
    it(`${route.path} has no axe violations in dark colours`, (t) =>
      withPage(t, { viewport: VIEWPORTS[0], colorScheme: 'dark' }, async (page) => {
        await gotoApp(page, route.path);
        // Proves the dark palette is in force, so the audit really checks dark contrast.
        const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        assert.equal(bg, 'rgb(18, 22, 21)', 'the dark background is not applied');
        await auditA11y(page, `${route.path} in dark mode`);
        if (route.path === '/en/' || route.path === '/en/safety') await screenshot(page, `${route.slug}-dark-360x740`);
      }));
  }
});

describe('navigation', () => {
  it('the main nav reaches every route without reloading the page', (t) =>
    withPage(t, { viewport: VIEWPORTS[1] }, async (page) => {
      await gotoApp(page, '/');
      // A full page load would wipe this; client-side routing keeps it.
      await page.evaluate(() => (window.__e2eNoReload = true));
      // Visit every other route, then come back home.
      const order = [...ROUTES.slice(1).filter((r) => r.nav !== false), ROUTES[0]];
      for (const route of order) {
        const links = page.locator('nav[aria-label="Main"] a');
        const index = await links.evaluateAll(
          (as, p) => as.findIndex((a) => new URL(a.href).pathname === p),
          route.path,
        );
        assert.notEqual(index, -1, `no link to ${route.path} in nav[aria-label="Main"]`);
        await links.nth(index).click();
        await page.waitForURL(baseUrl() + route.path);
        await expectTitle(page, route.title);
        await expectVisibleH1(page);
        assert.equal(
          await page.evaluate(() => window.__e2eNoReload),
          true,
          `navigating to ${route.path} reloaded the whole page`,
        );
      }
    }));

  it('an unknown path shows a not-found page with a link home', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      const homeH1 = await page.locator('h1').first().innerText();
      await gotoApp(page, '/no-such-page');
      await expectVisibleH1(page);
      const h1 = await page.locator('h1 >> visible=true').first().innerText();
      assert.notEqual(h1, homeH1, 'unknown path rendered the home page instead of a not-found page');
      assert.notEqual(await page.title(), ROUTES[0].title);
      // The link must be in the page content: the nav's home link doesn't count.
      const home = page.locator('#main a').filter({ visible: true });
      const hrefs = await home.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
      assert.ok(hrefs.includes('/en/'), `no visible link to /en/ inside #main (links: ${hrefs.join(', ') || 'none'})`);
      await auditA11y(page, '/no-such-page');
    }));
});

describe('Content-Security-Policy', () => {
  it('index.html allows only the app’s own origin', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i)?.[1]
      ?? html.match(/content="([^"]+)"\s+http-equiv="?Content-Security-Policy"?/i)?.[1];
    assert.ok(policy, 'no Content-Security-Policy meta tag in dist/index.html');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      assert.ok(policy.includes(directive), `missing ${directive} in ${policy}`);
    }
    assert.ok(!/https?:|\*|unsafe-inline|'unsafe-eval'/.test(policy), `too wide: ${policy}`);
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'an inline script would need a hash');
  });

  it('the guard sees a blocked load (so its silence elsewhere means something)', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/');
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.body.append(img);
      });
      await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 3_000 });
      assert.match((await page.evaluate(() => window.__cspViolations))[0], /img-src/);
      await page.evaluate(() => (window.__cspViolations = []));
    }));
});
