// Fills in public/boot.js's two placeholders, for scripts/build-wasm.sh and the single file:
//   __ROOMS__  which wasm files each split point needs, { "<name>": [chunk numbers] }, read
//              from the __wasm_split.js that wasm-split wrote (boot.js fetches the opened page's
//              files beside the main module instead of after it);
//   __WORDS__  boot.js's own words ("a new version is ready", …) from `boot` in every
//              locales/<code>.json, so they are kept and translated with all the others.
//
// It also fills public/shell.js's __SHELL__: the static shell's words in every language.
//
//   node scripts/fill-boot.mjs boot.js [__wasm_split.js]   (rewrites boot.js in place)
//   node scripts/fill-boot.mjs --shell shell.js index.html (rewrites shell.js in place)
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
  for (const mark of ['__ROOMS__', '__WORDS__']) {
    if (!source.includes(mark)) throw new Error(`boot.js has no ${mark}`);
  }
  return source.replace('__ROOMS__', () => JSON.stringify(rooms)).replace('__WORDS__', () => JSON.stringify(bootWords()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  try {
    if (args[0] === '--shell') {
      const [, shell, index] = args;
      writeFileSync(shell, fillShell(readFileSync(shell, 'utf8'), readFileSync(index, 'utf8')));
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
