// Lighthouse (mobile preset: its default form factor and simulated slow-4G throttling) on every
// route of the app, with Debian's Chromium started by chrome-launcher; nothing is downloaded.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { FLOOR_PATH } from './server.mjs';
import { routesInEveryLanguage } from './tasks.mjs';

export const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const describe = (a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`;

/** What keeps a category below its target: the audits that count in its score and did not
 *  pass; for performance, the metrics with their values and scores, then the opportunities and
 *  diagnostics that name savings (the "-insight" audits repeat them in Lighthouse 12). */
function failing(lhr, category) {
  const counted = lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1);
  if (category !== 'performance') return counted.map(describe);
  const advice = Object.values(lhr.audits).filter(
    (a) => a.scoreDisplayMode === 'metricSavings' && a.score !== null && a.score < 1 && !a.id.endsWith('-insight'),
  );
  return [...counted.map((a) => `${describe(a)} score ${Math.round(a.score * 100)}`), ...advice.map(describe)];
}

/**
 * Runs Lighthouse on each route of `base`, writes `<slug>.report.html` and `.json` into `outDir`
 * and returns { slug: { path, scores: { category: 0–100 }, misses: { category: [audit titles] } } }.
 */
export async function runLighthouse(base, outDir, log) {
  await mkdir(outDir, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  // chrome-launcher ends Chrome on Ctrl+C only; on any other exit of the bench, end it too.
  const stop = () => chrome.kill();
  process.once('exit', stop);
  const out = {};
  try {
    for (const route of [{ path: FLOOR_PATH, slug: 'floor' }, ...routesInEveryLanguage()]) {
      const result = await lighthouse(base + route.path, {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: Object.keys(TARGETS),
      });
      if (!result) throw new Error(`lighthouse gave no result for ${route.path}`);
      const { lhr, report } = result;
      if (lhr.runtimeError) throw new Error(`lighthouse on ${route.path}: ${lhr.runtimeError.message}`);
      await writeFile(path.join(outDir, `${route.slug}.report.html`), report[0]);
      await writeFile(path.join(outDir, `${route.slug}.report.json`), report[1]);
      const scores = {};
      const misses = {};
      for (const [category, target] of Object.entries(TARGETS)) {
        scores[category] = lhr.categories[category].score === null ? null : Math.round(lhr.categories[category].score * 100);
        if (scores[category] === null || scores[category] < target) misses[category] = failing(lhr, category);
      }
      const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const metrics = { lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') };
      out[route.slug] = { path: route.path, scores, misses, metrics };
      log(`lighthouse ${route.path}: ${Object.values(scores).join(' / ')}, LCP ${Math.round(metrics.lcp)} ms, TBT ${Math.round(metrics.tbt)} ms`);
    }
  } finally {
    process.off('exit', stop);
    await chrome.kill();
  }
  return out;
}
