// The first visit's long tasks (issue 20: "no task over 200 ms on any route's first visit at 4×
// CPU throttling"): every route in every language, and the floor page, opened in a fresh context
// under the mobile condition; the Long Tasks API lists the main thread's tasks of 50 ms or more
// until the app has taken over and the network is quiet.
import { ROUTES } from '../tests/e2e/harness.mjs';
import { CONDITIONS, openPage } from './browser.mjs';
import { FLOOR_PATH } from './server.mjs';

export const LANGUAGES = ['en', 'ru'];
export const TASK_TARGET_MS = 200;
const TIMEOUT = 120_000;

/** Every route of tests/e2e/harness.mjs in each language (`/en/think` → `/ru/think`). */
export const routesInEveryLanguage = () =>
  LANGUAGES.flatMap((lang) => ROUTES.map((r) => ({ ...r, lang, path: r.path.replace(/^\/en\//, `/${lang}/`), slug: `${r.slug}-${lang}` })));

async function visit(browser, base, path, app) {
  const { context, page } = await openPage(browser, CONDITIONS.mobile);
  try {
    await page.goto(base + path, { waitUntil: 'load', timeout: TIMEOUT });
    if (app) await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: TIMEOUT });
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    await page.waitForTimeout(1_000); // a task still running when the network went quiet
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const tasks = window.__bench.longTasks;
      return {
        longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        // (A fresh tab's first task, before anything is painted, is long on the floor page too.)
        longestAfterPaint: Math.round(Math.max(0, ...tasks.filter((t) => t.start >= fcp).map((t) => t.duration))),
        // Total blocking time as Lighthouse counts it: each task's part over 50 ms, after the first paint.
        blocking: Math.round(tasks.filter((t) => t.start >= fcp).reduce((sum, t) => sum + t.duration - 50, 0)),
        tasks: tasks.map((t) => Math.round(t.duration)),
      };
    });
  } finally {
    await context.close();
  }
}

/** { slug: { path, samples: [{ longest, blocking, tasks }] } } for the floor and every route. */
export async function measureTasks(browser, base, runs, log) {
  const out = {};
  const pages = [{ slug: 'floor', path: FLOOR_PATH, app: false }, ...routesInEveryLanguage().map((r) => ({ ...r, app: true }))];
  for (const target of pages) {
    out[target.slug] = { path: target.path, samples: [] };
    for (let run = 1; run <= runs; run++) {
      const sample = await visit(browser, base, target.path, target.app);
      out[target.slug].samples.push(sample);
      log(`tasks ${target.path} run ${run}/${runs}: longest ${sample.longest} ms (${sample.longestAfterPaint} ms after the first paint), blocking ${sample.blocking} ms`);
    }
  }
  return out;
}
