// First load of the app's THINK page and of the floor page, run after run, in each condition.
import { CONDITIONS, memoryAfterLoad, openPage, readyTime } from './browser.mjs';
import { FLOOR_PATH } from './server.mjs';

/** The answer field timed on each page. On /think the first question asks for gender norms,
 *  named one by one: its field is the text input `#new-norm` (the text areas of the other
 *  questions are on later steps, hidden on a phone). The floor has one text area. */
export const PAGES = {
  app: { path: '/en/think', selector: '#new-norm', app: true },
  floor: { path: FLOOR_PATH, selector: '#answer', app: false },
};

const TIMEOUT = 120_000;

/** One first visit: bytes, first contentful paint, time to the answer field, memory. */
async function loadOnce(browser, base, target, condition) {
  const { context, page, cdp, net } = await openPage(browser, condition, { [target.path]: target });
  try {
    await page.goto(base + target.path, { waitUntil: 'commit', timeout: TIMEOUT });
    const answer = await readyTime(page, TIMEOUT);
    const fcp = await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { timeout: TIMEOUT })
      .then((h) => h.jsonValue());
    // The first load is over when the network has been quiet for 500 ms (lazy chunks included).
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    return { bytes: net.bytes, requests: net.requests, fcp, answer, ...(await memoryAfterLoad(page, cdp)) };
  } finally {
    await context.close();
  }
}

/**
 * `runs` first visits of each page in each condition; the app and the floor take turns so that
 * the machine's noise falls on both alike. Returns { condition: { page: [sample, …] } }.
 */
export async function measureLoad(browser, base, runs, log) {
  const out = {};
  for (const [name, condition] of Object.entries(CONDITIONS)) {
    out[name] = Object.fromEntries(Object.keys(PAGES).map((p) => [p, []]));
    for (let run = 1; run <= runs; run++) {
      for (const [pageName, target] of Object.entries(PAGES)) {
        const sample = await loadOnce(browser, base, target, condition);
        out[name][pageName].push(sample);
        log(`load ${name} ${pageName} run ${run}/${runs}: ${Math.round(sample.answer)} ms to the answer field, ${sample.bytes} B`);
      }
    }
  }
  return out;
}
