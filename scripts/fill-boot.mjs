// Fills in public/boot.js's two placeholders, for scripts/build-wasm.sh and the single file:
//   __ROOMS__  which wasm files each split point needs, { "<name>": [chunk numbers] }, read
//              from the __wasm_split.js that wasm-split wrote (boot.js fetches the opened page's
//              files beside the main module instead of after it);
//   __WORDS__  boot.js's own words ("a new version is ready", …) from `boot` in every
//              locales/<code>.json, so they are kept and translated with all the others.
//
//   __PAGE_FILES__  `pageFiles` below: which of those files a page's address needs.
//
// It also fills public/shell.js's __SHELL__: the static shell's words in every language; and
// makes wasm-split's loader start each chunk in a task of its own.
//
//   node scripts/fill-boot.mjs boot.js [__wasm_split.js]   (rewrites boot.js in place)
//   node scripts/fill-boot.mjs --shell shell.js index.html (rewrites shell.js in place)
//   node scripts/fill-boot.mjs --yield __wasm_split.js     (rewrites it in place)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../locales');

export function roomChunks(splitSource) {
  const rooms = {};
  // Every split point: a lazy room's view (`__think_route_view_…`, file split___think_route_view_…)
  // and the other lazy functions (`guidance_ru`: a language's guidance, src/language_pack.rs).
  const room = /export const __wasm_split_load_(\w+?) = [\s\S]*?new URL\("\.\/split_\1\.wasm"[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
  for (const [, name, deps] of splitSource.matchAll(room)) {
    rooms[name] = [...deps.matchAll(/__chunk_(\d+)/g)].map((m) => Number(m[1]));
  }
  const expected = (splitSource.match(/^export const __wasm_split_load_/gm) ?? []).length;
  if (Object.keys(rooms).length !== expected || expected === 0) {
    throw new Error(`read ${Object.keys(rooms).length} of ${expected} rooms (did wasm-split's output change?)`);
  }
  return rooms;
}

/**
 * The lazy files a page needs beside the main module (`split_<name>.wasm`, `chunk_<n>.wasm`):
 * its room's view and the parts of the guidance it shows, in the page's language. `rooms` is
 * `roomChunks`' table, `languages` the codes an address may start with. The addresses follow
 * the routes in src/app.rs and the parts `WithGuidance` in src/app.rs (size_budget.test.mjs
 * checks that every page fetches exactly these files, each once). Self-contained: boot.js
 * carries its source (`fillBoot`).
 */
export function pageFiles(pathname, rooms, languages) {
  const ROOM_OF = [
    [/^\/think\b/, 'think_route'],
    [/^\/reflections\b/, 'reflections_route'],
    [/^\/cards\b/, 'deck_room'],
    [/^\/(my-cards|shared)\b/, 'own_cards_room'],
    [/^\/present\b/, 'present_room'],
    [/^\/[^/]+\/?$/, 'privacy_room'], // My data, Safety, About, the lock (tried last, as in app.rs)
  ];
  const PARTS = {
    think_route: ['think'],
    reflections_route: ['think', 'deck'],
    deck_room: ['deck'],
    own_cards_room: ['deck'],
    present_room: ['think', 'deck', 'facilitator'],
  };
  // The app's path, without the language in front (`/ru/think` → `/think`, as src/model/pages.rs).
  const [, named, rest] = /^\/([^/]+)(\/.*)?$/.exec(pathname) ?? [];
  const lang = languages.includes(named) ? named : null;
  const here = lang ? rest || '/' : pathname;
  const room = ROOM_OF.find(([address]) => address.test(here))?.[1];
  const view = room && Object.keys(rooms).find((name) => name.startsWith(`__${room}_view_`));
  const loaders = [view, ...(lang ? (PARTS[room] ?? []).map((part) => `guidance_${part}_${lang}`) : [])];
  const files = [];
  for (const name of loaders.filter((n) => n && rooms[n])) {
    files.push(`split_${name}.wasm`, ...rooms[name].map((n) => `chunk_${n}.wasm`));
  }
  return [...new Set(files)];
}

/**
 * wasm-split's loader with a pause (a new task) before each chunk's fetch and instantiation.
 * Without it, opening a page starts its ~35 chunks inside the main module's first task: at 4x
 * CPU throttling that task grew by ~300 ms on /en/think (issue 20, the long task).
 */
export function yieldBetweenChunks(source) {
  const mark = 'const loader = async () => {\n';
  if (source.split(mark).length !== 2) throw new Error(`__wasm_split.js has not one \`${mark.trim()}\` (did wasm-split change?)`);
  return source.replace(mark, () => `${mark}        await new Promise((resolve) => setTimeout(resolve));\n`);
}

export function bootWords() {
  const words = {};
  for (const file of readdirSync(LOCALES).filter((f) => f.endsWith('.json'))) {
    const boot = JSON.parse(readFileSync(path.join(LOCALES, file), 'utf8')).boot;
    if (!boot?.failed || !boot.ready || !boot.reload) throw new Error(`locales/${file} lacks boot.failed, .ready or .reload`);
    words[file.slice(0, -'.json'.length)] = boot;
  }
  return words;
}

/** A dotted key's text in a locale file's object (`nav.home`), or undefined. */
const lookUp = (words, key) => key.split('.').reduce((at, part) => at?.[part], words);

/**
 * shell.js's __SHELL__: every language (code and name in itself, `language.name`) and, for each,
 * the words index.html's static shell names in its `data-w` and `data-w-label` attributes.
 */
export function shellWords(indexHtml) {
  const keys = [...new Set([...indexHtml.matchAll(/data-w(?:-label)?="([^"]+)"/g)].map((m) => m[1]))];
  if (keys.length === 0) throw new Error('index.html names no words (data-w="…")');
  const shell = { languages: [], words: {} };
  for (const file of readdirSync(LOCALES).filter((f) => f.endsWith('.json')).sort()) {
    const code = file.slice(0, -'.json'.length);
    const locale = JSON.parse(readFileSync(path.join(LOCALES, file), 'utf8'));
    const name = lookUp(locale, 'language.name');
    if (typeof name !== 'string') throw new Error(`locales/${file} lacks language.name`);
    shell.languages.push([code, name]);
    shell.words[code] = {};
    for (const key of keys) {
      const text = lookUp(locale, key);
      if (typeof text !== 'string') throw new Error(`locales/${file} lacks ${key}, which index.html's shell shows`);
      shell.words[code][key] = text;
    }
  }
  // English first, as the app's switcher lists the languages (src/content/mod.rs, Lang::ALL).
  shell.languages.sort(([a], [b]) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  // index.html draws the switcher's buttons itself (their room is there at the first paint):
  // they must be exactly these languages, in this order.
  const drawn = [...indexHtml.matchAll(/<button type="button" lang="([^"]+)" aria-pressed="(?:true|false)">([^<]+)<\/button>/g)].map(
    (m) => [m[1], m[2]],
  );
  if (JSON.stringify(drawn) !== JSON.stringify(shell.languages)) {
    throw new Error(`index.html's language buttons ${JSON.stringify(drawn)} differ from locales/ ${JSON.stringify(shell.languages)}`);
  }
  return shell;
}

/** shell.js's source with __SHELL__ filled from index.html's shell and the locale files. */
export function fillShell(source, indexHtml) {
  const mark = 'const SHELL = __SHELL__;';
  if (source.split(mark).length !== 2) throw new Error(`shell.js needs \`${mark}\` once`);
  return source.replace(mark, () => `const SHELL = ${JSON.stringify(shellWords(indexHtml))};`);
}

/** boot.js's source with both placeholders filled (`rooms` as given). */
export function fillBoot(source, rooms) {
  for (const mark of ['__ROOMS__', '__WORDS__', '__PAGE_FILES__']) {
    if (!source.includes(mark)) throw new Error(`boot.js has no ${mark}`);
  }
  return source
    .replace('__ROOMS__', () => JSON.stringify(rooms))
    .replace('__WORDS__', () => JSON.stringify(bootWords()))
    .replace('__PAGE_FILES__', () => pageFiles.toString());
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  try {
    if (args[0] === '--shell') {
      const [, shell, index] = args;
      writeFileSync(shell, fillShell(readFileSync(shell, 'utf8'), readFileSync(index, 'utf8')));
      process.exit(0);
    }
    if (args[0] === '--yield') {
      writeFileSync(args[1], yieldBetweenChunks(readFileSync(args[1], 'utf8')));
      process.exit(0);
    }
    const [boot, split] = args;
    const rooms = split ? roomChunks(readFileSync(split, 'utf8')) : {};
    writeFileSync(boot, fillBoot(readFileSync(boot, 'utf8'), rooms));
  } catch (error) {
    console.error(`fill-boot: ${error.message}`);
    process.exit(1);
  }
}
