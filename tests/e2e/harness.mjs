// Shared helpers for the end-to-end tests (node:test + playwright-core).
//
// Every browser test goes through `withPage`, which installs two guards that a
// test cannot forget:
//   (a) no request may leave the local test server's origin (the app is
//       offline-first and must not phone home: no CDN, fonts, analytics...);
//   (b) no uncaught error may reach the page (a wasm panic shows up here).
// The accessibility guard `auditA11y` (axe-core, WCAG 2.1 A/AA + best
// practice, zero violations) is called explicitly at the points a test wants
// a page audited.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

/** Repository root (tests/e2e/../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site under test: `DIST_DIR` (relative to the repo root) or dist/. */
export const DIST = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'screenshots');

const SUFFIX = ' — Think · Plan · Act';
/** Every route at its English address (the language is the address's first segment, issue 20),
 *  its slug (for file names) and its document title; `nav: false` for routes reached from a
 *  page rather than from the main navigation; `projector: true` for the one page that fills
 *  the screen without the app's frame. */
export const ROUTES = [
  { path: '/en/', slug: 'home', title: `Home${SUFFIX}` },
  { path: '/en/think', slug: 'think', title: `Think${SUFFIX}` },
  { path: '/en/cards', slug: 'cards', title: `Scenario cards${SUFFIX}` },
  {
    path: '/en/cards/sexual-harassment',
    slug: 'card',
    title: `Preventing sexual harassment in the workplace${SUFFIX}`,
    nav: false,
  },
  { path: '/en/my-cards', slug: 'my-cards', title: `Your own cards${SUFFIX}`, nav: false },
  { path: '/en/my-cards/new', slug: 'card-editor', title: `Write a card${SUFFIX}`, nav: false },
  { path: '/en/shared', slug: 'shared', title: `Cards shared with you${SUFFIX}`, nav: false },
  { path: '/en/present', slug: 'present', title: `Present${SUFFIX}` },
  // The projector shows the item and nothing else (no header, so no quick exit button; Shift ×3
  // still leaves).
  { path: '/en/present/show', slug: 'present-show', title: `Presenting${SUFFIX}`, nav: false, projector: true },
  { path: '/en/present/presenter', slug: 'present-presenter', title: `Presenter view${SUFFIX}`, nav: false },
  { path: '/en/present/notes', slug: 'present-notes', title: `Facilitator notes${SUFFIX}`, nav: false },
  { path: '/en/present/agenda/new', slug: 'present-agenda', title: `New session plan${SUFFIX}`, nav: false },
  { path: '/en/reflections', slug: 'reflections', title: `My reflections${SUFFIX}` },
  { path: '/en/my-data', slug: 'my-data', title: `My data${SUFFIX}` },
  { path: '/en/about', slug: 'about', title: `About${SUFFIX}` },
  { path: '/en/safety', slug: 'safety', title: `Safety${SUFFIX}` },
  { path: '/en/lock', slug: 'lock', title: `Lock with a passphrase${SUFFIX}`, nav: false },
];
/** A route's address in another language: `inLanguage('/en/think', 'ru')` → `/ru/think`. */
export const inLanguage = (address, lang) => address.replace(/^\/en\//, `/${lang}/`);
/** A small phone and a full-HD desktop. */
export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
];

/** Fail early, with a message that says what to do, when there is no build. */
export function requireDist() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    assert.fail(`dist/ missing: run the release build first (no ${path.join(DIST, 'index.html')})`);
  }
}

/** Flags Debian's Chromium needs here (as root, in a container, offline); also used by the bench. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser with a profile on disk (`userDataDir`), so a test can close the whole browser and
 * start it again on the same profile, as a person restarting their browser would.
 */
export function launchPersistentBrowser(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl(),
    serviceWorkers: 'block',
  });
}

// One browser and one server per test file (node --test runs each file in
// its own process, so this module state is per file).
const env = { browser: null, server: null };

/**
 * Register before/after hooks that start the server on DIST and the browser
 * once for the calling test file. Call it at the top level of every browser
 * test file.
 */
export function setupE2E() {
  before(async () => {
    requireDist();
    env.server = await startServer({ root: DIST, port: 0 });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Base URL of this file's server, e.g. http://127.0.0.1:40123 */
export function baseUrl() {
  assert.ok(env.server, 'call setupE2E() at the top level of the test file first');
  return env.server.url;
}

// Guard state per page: requests that left the server's origin, page errors.
const guards = new WeakMap();

const NEUTRAL_PAGE = '<!doctype html><title>Neutral</title><p>neutral page</p>';

/**
 * A page in a fresh browser context (fresh storage) with guard (a) installed.
 * `allowedExternal`: exact origins (e.g. 'https://www.bbc.com') that the test
 * intentionally navigates to; they are answered locally with a neutral page.
 * Every other external request is aborted and recorded.
 * `colorScheme`: 'light' (default) or 'dark', for prefers-color-scheme.
 * `serviceWorkers`: 'block' (default) or 'allow' (the tests of offline use).
 * `locale`: the browser's language ('en-US' unless a test of languages says otherwise).
 * `touch`: a phone with a touch screen and no mouse or keyboard.
 */
export async function newPage(
  browser,
  base,
  { viewport = VIEWPORTS[1], allowedExternal = [], colorScheme = 'light', serviceWorkers = 'block', locale = 'en-US', touch = false, javaScriptEnabled = true } = {},
) {
  const origin = new URL(base).origin;
  const allowed = new Set(allowedExternal.map((o) => new URL(o).origin));
  const isExternal = (url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  };

  // The app's service worker (offline use) is blocked unless a test asks for it
  // (`serviceWorkers: 'allow'`, offline.test.mjs): otherwise every test would also
  // download the whole build into its cache, and the size test would count it. In
  // Chromium, the worker's own requests still pass through context.route and the
  // 'request' event, so guard (a) holds for them too.
  // `touch`: a phone's touch screen with no mouse (pointer: coarse, hover: none).
  // `javaScriptEnabled: false`: a browser with scripts off (only the static pages work then).
  const context = await browser.newContext({
    viewport, baseURL: base, colorScheme, serviceWorkers, locale, hasTouch: touch, isMobile: touch,
    javaScriptEnabled,
  });
  const log = { external: [], allowed, pageErrors: [] };

  // The log is fed by the 'request' event, which also sees requests that are
  // later aborted, so a blocked request is still reported.
  context.on('request', (req) => {
    if (isExternal(req.url())) log.external.push(req.url());
  });
  // Nothing leaves the machine: intended destinations get a local neutral
  // page, everything else external is aborted.
  await context.route(
    (url) => isExternal(url.href) && !allowed.has(url.origin),
    (route) => route.abort('blockedbyclient'),
  );
  for (const o of allowed) {
    await context.route(`${o}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL_PAGE }),
    );
  }

  // Guard (c): the Content-Security-Policy of index.html must never have to block anything the
  // app does (a blocked request or style would be a broken feature in a strict browser).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => log.pageErrors.push(err.stack || String(err)));
  guards.set(page, log);
  return page;
}

/** Guard (a): fail listing every request that went to a non-allowed origin. */
export function assertNoExternalRequests(page) {
  const log = guards.get(page);
  assert.ok(log, 'page was not created by newPage()');
  const bad = [...new Set(log.external.filter((u) => !log.allowed.has(new URL(u).origin)))];
  if (bad.length) {
    assert.fail(`external requests (the app must not load anything from another origin):\n  ${bad.join('\n  ')}`);
  }
}

/** Guard: fail on any uncaught exception / unhandled rejection in the page. */
export function assertNoPageErrors(page) {
  const log = guards.get(page);
  assert.ok(log, 'page was not created by newPage()');
  if (log.pageErrors.length) assert.fail(`uncaught page errors:\n${log.pageErrors.join('\n---\n')}`);
}

/** Guard (c): fail listing every Content-Security-Policy violation the page reported. */
export async function assertNoCspViolations(page) {
  if (page.isClosed()) return;
  const seen = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
  if (seen.length) assert.fail(`Content-Security-Policy violations:\n  ${seen.join('\n  ')}`);
}

/**
 * Run `body(page)` on a fresh page, then assert both guards. The context is
 * always closed. `opts` may be omitted: withPage(t, async (page) => ...). `opts.base`: another
 * server's URL (a test that stops its own server to go offline).
 */
export async function withPage(t, opts, body) {
  if (typeof opts === 'function') [opts, body] = [{}, opts];
  assert.ok(env.browser, 'call setupE2E() at the top level of the test file first');
  const page = await newPage(env.browser, opts.base ?? env.server.url, opts);
  try {
    await body(page);
    assertNoExternalRequests(page);
    assertNoPageErrors(page);
    await assertNoCspViolations(page);
  } catch (err) {
    // Page errors often explain a failed step: attach them to the report.
    for (const e of guards.get(page).pageErrors) t?.diagnostic?.(`page error: ${e}`);
    throw err;
  } finally {
    await page.context().close();
  }
}

/**
 * Wait until the Leptos app has mounted (it sets <html data-app="ready">) and
 * the page has its heading: lazy routes render when their wasm chunk arrives.
 */
export async function waitForApp(page, timeout = 15_000) {
  await page.waitForFunction(
    () => document.documentElement.dataset.app === 'ready' && document.querySelector('body #main h1') !== null,
    null,
    { timeout },
  );
}

/** Go to `path` (relative to the server) and wait for the app. */
export async function gotoApp(page, route) {
  await page.goto(route);
  await waitForApp(page);
}

const require = createRequire(import.meta.url);
let axeSource;

/**
 * Guard (b): run axe-core (WCAG 2.0/2.1 A + AA and best practices) on the
 * whole document and fail on ANY violation, listing rule, impact, help and
 * the offending nodes.
 */
export async function auditA11y(page, label = page.url()) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // Through the DevTools protocol, not a <script> tag: the app's Content-Security-Policy
    // (rightly) blocks inline scripts, and the CSP guard would report the attempt.
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const res = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  const report = violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.targets.map((t) => `      ${t}`).join('\n')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe: ${violations.length} accessibility violation(s) on ${label}:\n${report}`);
}

/** Save a full-page screenshot to target/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Focus that the app moves on the next animation frame (after Undo appears, a new step, a
 * dialog): wait for it, then assert, so a failure names where focus went instead.
 */
export async function expectFocus(page, id, message = `focus on #${id}`) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 2_000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, message);
}
