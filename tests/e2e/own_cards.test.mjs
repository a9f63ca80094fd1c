// A person's own cards: write, adapt, edit, delete/undo, own themes; share them as JSON, CSV and
// a link, bring them in on a fresh profile with a preview; bad files and links change nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { VIEWPORTS, auditA11y, expectFocus, gotoApp, screenshot, setupE2E, waitForApp, withPage } from './harness.mjs';

setupE2E();

const [PHONE] = VIEWPORTS;
const HOSTILE_TOPIC = '<script>window.__pwned = 1</script> Отпуск <b>bold?</b>';

const ownKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tpa:card:')).sort());

/** Fills the card form and saves; returns the new card's id (from the address it opens). */
async function writeCard(page, { topic, example = 'An everyday situation.', questions = ['Who decides?'], theme }) {
  if (theme) await page.selectOption('#card-area', { label: theme });
  await page.fill('#card-topic-input', topic);
  await page.fill('#card-example', example);
  await page.fill('#card-questions', questions.join('\n'));
  await page.locator('#save-card').click();
  await page.waitForURL(/\/cards\/my-/);
  await page.locator('h1').filter({ hasText: topic.slice(0, 10) }).waitFor();
  return new URL(page.url()).pathname.split('/').pop();
}

async function newCard(page, card) {
  await gotoApp(page, '/my-cards/new');
  return writeCard(page, card);
}

/** Picks `file` ({ name, mimeType, buffer } or a path) in the import field. */
async function pick(page, file) {
  await page.setInputFiles('#import-file', file);
  await page.locator('#import-message, #preview-summary').first().waitFor();
}

describe('writing own cards', () => {
  it('a new card is saved, shown as text, marked as yours, found by search and kept after reload', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/my-cards');
      await auditA11y(page, '/my-cards empty (phone)');
      await page.locator('#new-card').click();
      await page.locator('#card-topic-input').waitFor();
      await auditA11y(page, '/my-cards/new (phone)');
      await screenshot(page, 'card-editor-360');
      const id = await writeCard(page, {
        topic: HOSTILE_TOPIC,
        example: 'Line one, "quoted"',
        questions: ['First question?', '  ', 'Second question?'],
        theme: 'Gender and family life',
      });
      assert.equal(await page.locator('h1').innerText(), HOSTILE_TOPIC, 'markup is shown as text');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
      assert.equal(await page.locator('.card-view b').count(), 0);
      assert.deepEqual(await page.locator('.card-face__questions li').allInnerTexts(), ['First question?', 'Second question?']);
      assert.match(await page.locator('.card-view .badge').innerText(), /Your card/);
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `tpa:card:${id}`));
      assert.equal(stored.data.topic, HOSTILE_TOPIC);
      assert.equal(stored.data.area, 'family');
      await auditA11y(page, 'own card page (phone)');

      await gotoApp(page, '/cards?q=%D0%BE%D1%82%D0%BF%D1%83%D1%81%D0%BA'); // "отпуск"
      assert.equal(await page.locator('.card-tile').count(), 1, 'Cyrillic search finds the own card');
      assert.equal(await page.locator('.card-tile--own').count(), 1);
      await gotoApp(page, '/cards');
      assert.equal(await page.locator('.card-tile').count(), 17);
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('.card-tile--own').count(), 1, 'kept after a reload');
    }));

  it('a card without a topic or question is not saved, and the message says what is missing', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards/new');
      await page.fill('#card-questions', 'Why?');
      await page.locator('#save-card').click();
      await page.locator('#card-problem').filter({ hasText: 'needs a topic' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'card-topic-input');
      assert.equal(await page.locator('#card-topic-input').getAttribute('aria-invalid'), 'true');
      await page.fill('#card-topic-input', 'A topic');
      await page.fill('#card-questions', '\n  \n');
      await page.locator('#save-card').click();
      await page.locator('#card-problem').filter({ hasText: 'at least one question' }).waitFor();
      assert.deepEqual(await ownKeys(page), [], 'nothing stored');
      await auditA11y(page, 'card editor with a problem');
    }));

  it('duplicate and adapt, edit, delete and undo', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/cards/parental-leave');
      await page.getByRole('link', { name: 'Duplicate and adapt' }).click();
      await page.locator('#card-topic-input').waitFor();
      assert.equal(await page.locator('h1').innerText(), 'Adapt a card');
      assert.equal(await page.inputValue('#card-topic-input'), 'Parental leave, family leave, paternity leave');
      assert.match(await page.inputValue('#card-questions'), /hands-on fathers/);
      await page.fill('#card-example', 'In Osh, a young father takes leave; his cousins tease him.');
      await page.locator('#save-card').click();
      await page.waitForURL(/\/cards\/my-/);
      const id = new URL(page.url()).pathname.split('/').pop();
      assert.match(await page.locator('.card-face__example').innerText(), /In Osh/);
      assert.match(await page.locator('#main').innerText(), /Adapted from: Parental leave/);

      await page.getByRole('link', { name: 'Edit' }).click();
      await page.locator('#card-topic-input').waitFor();
      assert.equal(await page.locator('h1').innerText(), 'Edit your card');
      await page.fill('#card-topic-input', 'Paternity leave in Osh');
      await page.locator('#save-card').click();
      await page.locator('h1').filter({ hasText: 'Paternity leave in Osh' }).waitFor();
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `tpa:card:${id}`));
      assert.equal(stored.data.topic, 'Paternity leave in Osh');
      assert.equal(stored.data.based_on, 'parental-leave');

      // A note on an own card is listed on My reflections under the card's own topic.
      await page.fill(`#note-${id}`, 'Ask the cousins what they fear.');
      await page.locator(`#note-${id}-status`).filter({ hasText: 'Saved on this device' }).waitFor();
      await gotoApp(page, '/reflections');
      assert.equal(
        await page.locator(`section[aria-labelledby="notes-heading"] label[for="note-${id}"]`).innerText(),
        'Paternity leave in Osh',
      );
      await gotoApp(page, `/cards/${id}`);

      await page.getByRole('button', { name: 'Delete' }).click();
      await page.locator('#undo-card').waitFor();
      await expectFocus(page, 'undo-card');
      assert.deepEqual(await ownKeys(page), []);
      await page.locator('#undo-card').click();
      assert.deepEqual(await ownKeys(page), [`tpa:card:${id}`], 'undo brings the card back');
    }));

  it('a theme made from the card form keeps every field as typed, and is chosen for the card', (t) =>
    withPage(t, { viewport: PHONE }, async (page) => {
      await gotoApp(page, '/my-cards/new?from=parental-leave');
      await page.locator('#card-topic-input').waitFor();
      const typed = {
        '#card-topic-input': 'Paternity leave at the bazaar',
        '#card-example': 'Timur sells shoes; his wife has just had a baby.',
        '#card-questions': 'Who minds the stall?\nWho minds the baby?',
        '#card-note': 'Talk of money at home',
      };
      for (const [field, text] of Object.entries(typed)) await page.fill(field, text);
      await page.locator('#new-area-toggle').click();
      assert.equal(await page.locator('#new-area-toggle').getAttribute('aria-expanded'), 'true');
      await expectFocus(page, 'new-area', 'the name field takes the focus');
      // Enter adds the theme; it does not save the card.
      await page.fill('#new-area', 'Market life');
      await page.keyboard.press('Enter');
      await page.locator('#card-area option', { hasText: 'Market life' }).waitFor({ state: 'attached' });
      assert.equal(new URL(page.url()).pathname, '/en/my-cards/new', 'Enter saved the card or left the form');
      for (const [field, text] of Object.entries(typed)) {
        assert.equal(await page.inputValue(field), text, `${field} lost what was typed`);
      }
      const chosen = await page.locator('#card-area').evaluate((select) => select.selectedOptions[0].textContent);
      assert.equal(chosen, 'Market life', 'the new theme is chosen for the card');
      const themes = await page.evaluate(() => JSON.parse(localStorage.getItem('tpa:areas')).data.areas.map((a) => a.name));
      assert.deepEqual(themes, ['Market life']);
      // The same name again is refused in words, with nothing lost.
      await page.locator('#new-area-toggle').click();
      await page.fill('#new-area', 'market life');
      await page.locator('#add-area').click();
      await page.locator('#new-area-problem').filter({ hasText: 'exists already' }).waitFor();
      await auditA11y(page, 'the card form making a theme');
      await page.locator('#save-card').click();
      await page.waitForURL(/\/cards\/my-/);
      await page.locator('.card-face, main').filter({ hasText: 'Market life' }).first().waitFor();
    }));

  it('own themes: added once, used by cards, not removed while in use', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      await page.fill('#new-area', 'Sport');
      await page.getByRole('button', { name: 'Add theme' }).click();
      await page.locator('.own-areas li').filter({ hasText: 'Sport' }).waitFor();
      await page.fill('#new-area', 'sport');
      await page.getByRole('button', { name: 'Add theme' }).click();
      await page.getByText('A theme with this name exists already.').waitFor();
      await page.fill('#new-area', 'Gender and family life');
      await page.getByRole('button', { name: 'Add theme' }).click();
      await page.getByText('A theme with this name exists already.').waitFor();

      await newCard(page, { topic: 'Fathers at the football pitch', theme: 'Sport' });
      await gotoApp(page, '/cards');
      await page.getByRole('button', { name: 'Sport' }).click();
      await page.waitForURL(/area=my-area-/);
      assert.deepEqual(await page.locator('.card-tile__link').allInnerTexts(), ['Fathers at the football pitch']);
      assert.equal(await page.locator('section.area h2').innerText(), 'Sport');

      await gotoApp(page, '/my-cards');
      await page.locator('.own-areas').getByRole('button', { name: 'Remove' }).click();
      await page.getByText('Cards still use this theme').waitFor();
      assert.match(await page.locator('.own-areas').innerText(), /Sport/);
      await auditA11y(page, '/my-cards with cards and themes');
      await screenshot(page, 'my-cards-1920');
    }));
});

describe('sharing without a server', () => {
  /** Two own cards, one in an own theme; returns their topics. */
  async function twoCards(page) {
    await gotoApp(page, '/my-cards');
    await page.fill('#new-area', 'Школа');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.locator('.own-areas li').filter({ hasText: 'Школа' }).waitFor();
    await newCard(page, { topic: 'Отцы на родительском собрании', theme: 'Школа', questions: ['=1+1', 'Кто ходит?'] });
    await newCard(page, { topic: 'Chores, "fair" shares', theme: 'Gender and family life' });
    return ['Отцы на родительском собрании', 'Chores, "fair" shares'];
  }

  async function download(page, button) {
    await gotoApp(page, '/my-cards');
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    // Kept outside the browser context, which deletes its downloads when it closes.
    const saved = path.join(await mkdtemp(path.join(os.tmpdir(), 'tpa-export-')), file.suggestedFilename());
    await file.saveAs(saved);
    return { name: file.suggestedFilename(), path: saved };
  }

  it('a JSON file brings the cards and their theme into a fresh profile, with a preview', async (t) => {
    let exported;
    await withPage(t, async (page) => {
      await twoCards(page);
      exported = await download(page, '#export-json');
    });
    assert.match(exported.name, /^think-plan-act-cards-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await readFile(exported.path, 'utf8'));
    assert.equal(json.format, 'think-plan-act/cards');
    assert.equal(json.cards.length, 2);

    await withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      await pick(page, exported.path);
      assert.match(await page.locator('#preview-summary').innerText(), /New: 2\. Changed .*: 0\. Identical .*: 0/);
      assert.deepEqual(await ownKeys(page), [], 'nothing stored before the person says so');
      await auditA11y(page, 'import preview');
      await page.locator('#import-confirm').click();
      await page.locator('#import-message').filter({ hasText: 'Added: 2' }).waitFor();
      assert.equal((await ownKeys(page)).length, 2);
      assert.match(await page.locator('.own-areas').innerText(), /Школа/, 'the theme came along');
      await gotoApp(page, '/cards');
      assert.equal(await page.locator('.card-tile').count(), 18);

      // The same file again: identical, nothing to add.
      await gotoApp(page, '/my-cards');
      await pick(page, exported.path);
      assert.match(await page.locator('#preview-summary').innerText(), /New: 0\. .*: 0\. Identical .*: 2/);
      assert.equal(await page.locator('#import-confirm').isDisabled(), true);

      // Changed here: kept unless the person ticks "replace".
      const key = (await ownKeys(page))[0];
      const before = await page.evaluate((k) => localStorage.getItem(k), key);
      await page.evaluate((k) => {
        const v = JSON.parse(localStorage.getItem(k));
        v.data.topic = 'My own wording';
        v.rev += 1;
        localStorage.setItem(k, JSON.stringify(v));
      }, key);
      await gotoApp(page, '/my-cards');
      await pick(page, exported.path);
      assert.match(await page.locator('#preview-summary').innerText(), /Changed .*: 1/);
      assert.equal(await page.locator('#import-confirm').isDisabled(), true, 'nothing new unless replacing');
      await page.locator('#replace-changed').check();
      await page.locator('#import-confirm').click();
      await page.locator('#import-message').filter({ hasText: 'Added: 1' }).waitFor();
      const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
      assert.equal(after.data.topic, JSON.parse(before).data.topic, 'replaced on request');
    });
  });

  it('a CSV file opens in a spreadsheet (BOM, Cyrillic, formulas defused) and imports back', async (t) => {
    let exported;
    await withPage(t, async (page) => {
      await twoCards(page);
      exported = await download(page, '#export-csv');
    });
    assert.match(exported.name, /\.csv$/);
    const bytes = await readFile(exported.path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
    const text = bytes.toString('utf8');
    assert.match(text, /^\uFEFFid,theme,topic,example,questions,content_note,language,based_on\r\n/);
    assert.match(text, /Отцы на родительском собрании/);
    assert.match(text, /'=1\+1/, 'a formula is shown as text in a spreadsheet');

    await withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      await pick(page, exported.path);
      assert.match(await page.locator('#preview-summary').innerText(), /New: 2/);
      await page.locator('#import-confirm').click();
      await page.locator('#import-message').filter({ hasText: 'Added: 2' }).waitFor();
      await gotoApp(page, '/cards?q=собрании');
      await page.locator('.card-tile__link').first().click();
      await page.waitForURL(/\/cards\/my-/);
      assert.deepEqual(await page.locator('.card-face__questions li').allInnerTexts(), ['=1+1', 'Кто ходит?']);
    });
  });

  it('a share link carries the cards to a fresh profile; a cut link changes nothing', async (t) => {
    let link;
    await withPage(t, async (page) => {
      await twoCards(page);
      await gotoApp(page, '/my-cards');
      await page.locator('#make-link').click();
      link = await page.inputValue('#share-link');
      await auditA11y(page, '/my-cards with a share link');
    });
    const url = new URL(link);
    assert.equal(url.pathname, '/shared');
    assert.match(url.hash, /^#cards=/);

    await withPage(t, { viewport: PHONE }, async (page) => {
      // Requests are logged: the fragment must never reach the server.
      const seen = [];
      page.on('request', (r) => seen.push(r.url()));
      await gotoApp(page, url.pathname + url.search + url.hash);
      assert.ok(seen.every((u) => !u.includes('cards=')), 'the fragment is not sent anywhere');
      assert.equal(await page.locator('.shared-card').count(), 2);
      assert.match(await page.locator('.shared-cards').innerText(), /Отцы на родительском собрании/);
      await auditA11y(page, '/shared (phone)');
      await screenshot(page, 'shared-360');
      await page.locator('#import-confirm').click();
      await page.locator('#import-message').filter({ hasText: 'Added: 2' }).waitFor();
      assert.equal((await ownKeys(page)).length, 2);
    });

    await withPage(t, async (page) => {
      const cut = link.slice(0, Math.floor(link.length * 0.6));
      await gotoApp(page, new URL(cut).pathname + new URL(cut).hash);
      await page.locator('#import-message').filter({ hasText: 'cut off' }).waitFor();
      assert.match(await page.locator('#import-message').innerText(), /Nothing was added or changed/);
      assert.equal(await page.locator('#import-confirm').count(), 0);
      assert.deepEqual(await ownKeys(page), []);
      await auditA11y(page, '/shared with a cut link');
      await gotoApp(page, '/shared');
      await page.getByText('this link holds no cards').waitFor();
    });
  });

  it('a deck too large for a link says so and suggests a file', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      await page.evaluate(() => {
        for (let i = 0; i < 60; i++) {
          const card = {
            id: `my-bulk-${i}`,
            area: 'family',
            topic: `A card written in bulk number ${i}`,
            example: 'An example long enough to take some room in the link, as real ones do.',
            questions: ['What would you do?', 'What would change?'],
            lang: 'en',
          };
          localStorage.setItem(`tpa:card:my-bulk-${i}`, JSON.stringify({ v: 1, rev: 1, data: card }));
        }
      });
      await page.reload();
      await waitForApp(page);
      await page.locator('#make-link').click();
      await page.locator('#link-too-large').filter({ hasText: 'share a file instead' }).waitFor();
      assert.equal(await page.locator('#share-link').count(), 0);
      // Ticking a few makes the link fit.
      await page.locator('.own-card input[type=checkbox]').first().check();
      await page.locator('#make-link').click();
      await page.locator('#share-link').waitFor();
      assert.match(await page.locator('#share-scope').innerText(), /ticked \(1\)/);
    }));
});

describe('bad files change nothing', () => {
  const file = (name, content, mimeType = 'application/json') => ({
    name,
    mimeType,
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
  const card = (i, extra = {}) => ({ id: `my-x${i}`, area: 'family', topic: `T${i}`, questions: ['Q?'], ...extra });
  const deck = (cards, extra = {}) => JSON.stringify({ format: 'think-plan-act/cards', version: 1, cards, ...extra });

  const cases = [
    ['a photo', file('photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /could not be read/],
    ['a 20 MB file', file('big.json', Buffer.alloc(20 * 1024 * 1024, 0x20)), /larger than 2 MB/],
    ['another app\'s JSON', file('other.json', '{"name":"x","items":[1,2]}'), /does not hold cards/],
    ['a future version', file('future.json', JSON.stringify({ format: 'think-plan-act/cards', version: 9, cards: [] })), /newer version/],
    ['thousands of cards', file('many.json', deck(Array.from({ length: 3000 }, (_, i) => card(i)))), /holds 3000 cards/],
    ['a card of the wrong type', file('types.json', deck([{ id: 'my-1', topic: 5, questions: 'x' }])), /could not be read/],
    ['a card without questions', file('noq.json', deck([card(1), card(2, { questions: [] })])), /Card 2 cannot be used/],
    ['a guidance id', file('id.json', deck([card(1, { id: 'parental-leave' })])), /id is not valid/],
    ['deep nesting', file('deep.json', `{"format":"think-plan-act/cards","version":1,"cards":${'['.repeat(500000)}${']'.repeat(500000)}}`), /could not be read/],
    ['a cut-off file', file('cut.json', deck([card(1), card(2)]).slice(0, 60)), /cut off/],
    ['a CSV without the columns', file('people.csv', 'name,age\nA,3\n', 'text/csv'), /does not hold cards/],
  ];

  it('each bad file gets its own clear message and stores nothing', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      const before = await page.evaluate(() => JSON.stringify(localStorage));
      for (const [what, f, message] of cases) {
        await pick(page, f);
        const shown = await page.locator('#import-message').innerText();
        assert.match(shown, message, `${what}: ${shown}`);
        assert.match(shown, /Nothing was added or changed/, what);
        assert.equal(await page.locator('#import-confirm').count(), 0, `${what}: no import offered`);
        assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, `${what}: storage unchanged`);
      }
      await auditA11y(page, '/my-cards with an import error');
    }));

  it('markup in an imported card is shown as text', (t) =>
    withPage(t, async (page) => {
      await gotoApp(page, '/my-cards');
      const hostile = card(1, { topic: '<img src=x onerror="window.__pwned=1">', example: '<script>window.__pwned=2</script>' });
      await pick(page, file('hostile.json', deck([hostile])));
      assert.match(await page.locator('.import-preview__list').innerText(), /<img src=x/);
      await page.locator('#import-confirm').click();
      await page.locator('#import-message').filter({ hasText: 'Added: 1' }).waitFor();
      await gotoApp(page, '/cards/my-x1');
      assert.equal(await page.locator('h1').innerText(), hostile.topic);
      assert.equal(await page.locator('#main img').count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    }));
});
