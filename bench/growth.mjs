// Cost of growth: with N answers stored, the time to save one more and to open "My reflections".
import { CONDITIONS, memoryAfterLoad, openPage, readyTime } from './browser.mjs';
import { FLOOR_PATH } from './server.mjs';

export const SIZES = [10, 1_000, 10_000];
// Generous: before My reflections showed rounds a page at a time, it took over a minute and a
// half to open with 10,000 answers (now under one second), and a regression must still be measured.
const TIMEOUT = 600_000;
// The answers of one round that have a text area (the first question's norms are a list of their own).
const QUESTIONS = ['men_and_boys', 'women_and_girls', 'benefits', 'aims', 'privilege'];
const TEXTS = [
  'My father worked abroad for years and my mother decided everything at home, but we still said he was the head of the family.',
  'Boys are told not to cry; my friends laugh when someone talks about feeling low, so nobody does.',
  'Girls in my street are expected home before dark and to help in the kitchen while brothers go out.',
  'If fathers took leave, children would know both parents, and mothers could keep their jobs.',
  'Start a small group at the youth centre where young men can talk about pressure to earn and to marry.',
];

/**
 * Stored values as the app writes them (src/storage/keys.rs, src/model/answer.rs, rounds.rs):
 * `tpa:answer:<round>.<question>` = {"v":1,"rev":…,"data":{"text","updated_at"}}, five answers a
 * round, rounds 1…R full, and `tpa:rounds` saying a round R+1 was started (empty, where the timed
 * answer goes, so the save creates a new key as a first answer of a round does).
 */
function seed(n) {
  const entries = {};
  const day = 86_400_000;
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const round = Math.floor(i / QUESTIONS.length) + 1;
    const data = { text: `${TEXTS[i % TEXTS.length]} (${i + 1})`, updated_at: t0 + round * day + i };
    entries[`tpa:answer:${round}.${QUESTIONS[i % QUESTIONS.length]}`] = JSON.stringify({ v: 1, rev: 1, data });
  }
  const newest = Math.ceil(n / QUESTIONS.length);
  const current = newest + 1;
  const started = Array.from({ length: current - 1 }, (_, k) => ({ round: k + 2, at: t0 + (k + 2) * day }));
  entries['tpa:rounds'] = JSON.stringify({ v: 1, rev: current - 1, data: { current, started } });
  return { entries, newest, current };
}

/** Fill localStorage of the server's origin from a page that does not start the app. */
async function seedStorage(page, base, entries) {
  await page.goto(base + FLOOR_PATH);
  await page.evaluate((all) => {
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, entries);
}

/**
 * Type into an answer field of THINK and leave it (the app saves at once on blur). Returns the
 * time from the blur to the setItem of that answer's key, and every localStorage write from the
 * typing to one second after the blur (past the 600 ms pause), so that a save that rewrites
 * other keys shows.
 */
async function timeSave(page, selector, key, text) {
  const from = await page.evaluate(() => window.__bench.sets.length);
  await page.fill(selector, text);
  const blurAt = await page.evaluate((sel) => {
    const t = performance.now();
    document.querySelector(sel).blur();
    return t;
  }, selector);
  await page.waitForTimeout(1_000);
  const sets = await page.evaluate((i) => window.__bench.sets.slice(i), from);
  const hit = sets.find((s) => s.key === key && s.t >= blurAt);
  if (!hit) throw new Error(`no write of ${key} after the blur (writes: ${sets.map((s) => s.key).join(', ') || 'none'})`);
  return { save: hit.t - blurAt, writes: sets.length, keys: [...new Set(sets.map((s) => s.key))] };
}

/** The longest Event Timing entry (input to next paint) of what `act` does; 0 if all < 16 ms. */
async function interaction(page, act) {
  await page.evaluate(() => (window.__bench.events.length = 0));
  await act();
  await page.waitForTimeout(500); // entries are reported after the next paint
  return page.evaluate(() => Math.max(0, ...window.__bench.events.map((e) => e.duration)));
}

async function growthOnce(browser, base, n) {
  const { entries, newest, current } = seed(n);
  const answer = `#answer-${current}-privilege`;
  const first = `#answer-${newest}-men_and_boys`;
  const { context, page, cdp } = await openPage(browser, CONDITIONS.unthrottled, {
    '/en/think': { selector: answer, app: true },
    '/en/reflections': { selector: first, app: true },
  });
  try {
    await seedStorage(page, base, entries);

    await page.goto(base + '/en/think', { waitUntil: 'commit' });
    const thinkReady = await readyTime(page, TIMEOUT);
    const saved = await timeSave(page, answer, `tpa:answer:${current}.privilege`, `A new answer with ${n} stored`);

    await page.goto(base + '/en/reflections', { waitUntil: 'commit', timeout: TIMEOUT });
    const reflectionsOpen = await readyTime(page, TIMEOUT);
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
    const dom = await page.evaluate(() => ({
      elements: document.getElementsByTagName('*').length,
      entries: document.querySelectorAll('.entry').length,
    }));
    const keystroke = await interaction(page, () => page.locator(first).press('x', { timeout: TIMEOUT }));
    const hideToggle = await interaction(page, () =>
      page.getByRole('button', { name: 'Hide my answers' }).click({ timeout: TIMEOUT }),
    );
    const memory = await memoryAfterLoad(page, cdp);
    return {
      thinkReady,
      save: saved.save,
      writes: saved.writes,
      writtenKeys: saved.keys,
      reflectionsOpen,
      domElements: dom.elements,
      entriesShown: dom.entries,
      keystroke,
      hideToggle,
      memory: memory.memory,
    };
  } finally {
    await context.close();
  }
}

// A size at which My reflections takes longer than this to open is measured once: more runs
// would add many minutes and no information.
const ONE_RUN_ABOVE_MS = 60_000;

/** `runs` samples at each size (one if it is that slow): { [n]: [sample, …] }. */
export async function measureGrowth(browser, base, runs, log) {
  const out = {};
  for (const n of SIZES) {
    out[n] = [];
    for (let run = 1; run <= runs; run++) {
      const s = await growthOnce(browser, base, n);
      out[n].push(s);
      log(
        `growth ${n} run ${run}/${runs}: save ${s.save.toFixed(1)} ms (${s.writes} writes), ` +
          `reflections ${Math.round(s.reflectionsOpen)} ms, ${s.domElements} elements`,
      );
      if (s.reflectionsOpen > ONE_RUN_ABOVE_MS) {
        log(`growth ${n}: My reflections took over ${ONE_RUN_ABOVE_MS / 1000} s to open, so one run only`);
        break;
      }
    }
  }
  return out;
}
