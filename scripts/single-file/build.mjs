// The single-file copy: the whole app in one HTML file that runs from file:// with no server and
// no network, for sharing by USB stick or messenger where hosting is not possible.
//
//   node scripts/single-file/build.mjs [out=dist-single/think-plan-act.html]
//
// (`make single-file` builds the release first.) It takes the release build in dist/ and the glue
// as wasm-bindgen wrote it (target/wasm-split/release/plain, kept by scripts/build-wasm.sh):
//   - every wasm module (the main one and every chunk) goes in gzip-compressed and in base64;
//     scripts/single-file/prelude.js answers the app's own `fetch` of them from there;
//   - the JavaScript (prelude, glue, public/boot.js) is bundled by esbuild into one inline module,
//     and main.css into one inline style; the Content-Security-Policy allows exactly those two
//     (by their SHA-256) and the wasm, and nothing from anywhere: `connect-src 'none'`;
//   - wasm-bindgen's `window.location` accessor is pointed at the prelude's location, which shows
//     the app the address kept in `?p=` (a file:// page cannot change its path).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fillBoot, fillShell } from '../fill-boot.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const PLAIN = path.join(ROOT, 'target/wasm-split/release/plain');

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

/** Replaces exactly `count` matches of `pattern`, or fails naming what was not found. */
function replaceExactly(text, pattern, replacement, count, what) {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  if (found !== count) fail(`expected ${count} × ${what}, found ${found} (did wasm-bindgen or index.html change?)`);
  return text.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), replacement);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export async function buildSingleFile(out = path.join(ROOT, 'dist-single/think-plan-act.html')) {
  const folder = (await readdir(DIST)).find((name) => /^wasm-[0-9a-f]+$/.test(name));
  if (!folder) fail('no release build in dist/ (run `trunk build --release` first)');
  const plainFolder = (await readFile(path.join(PLAIN, 'FOLDER'), 'utf8').catch(() => '')).trim();
  if (plainFolder !== folder) fail(`the glue in ${PLAIN} is not from the build in dist/ (rebuild release)`);

  // The wasm modules, by file name, as the app's loader asks for them.
  const wasm = {};
  for (const name of (await readdir(path.join(DIST, folder))).filter((n) => n.endsWith('.wasm')).sort()) {
    wasm[name] = gzipSync(await readFile(path.join(DIST, folder, name)), { level: 9 }).toString('base64');
  }

  const work = await mkdtemp(path.join(os.tmpdir(), 'tpa-single-'));
  try {
    const glue = replaceExactly(
      await readFile(path.join(PLAIN, 'app.js'), 'utf8'),
      /(__wbg_location_[0-9a-f]+: function\(arg0\) \{\s*const ret = )arg0\.location;/,
      '$1arg0.location === window.location ? singleFileLocation : arg0.location;',
      1,
      "wasm-bindgen's window.location accessor",
    );
    await writeFile(path.join(work, 'app.js'), glue);
    await writeFile(path.join(work, '__wasm_split.js'), await readFile(path.join(PLAIN, '__wasm_split.js')));
    // Nothing to fetch ahead in the single file: its wasm is inside.
    const boot = fillBoot(await readFile(path.join(ROOT, 'public/boot.js'), 'utf8'), {});
    await writeFile(path.join(work, 'boot.js'), boot);
    await writeFile(path.join(work, 'prelude.js'), await readFile(path.join(ROOT, 'scripts/single-file/prelude.js')));
    await writeFile(path.join(work, 'entry.js'), "import './prelude.js';\nimport './boot.js';\n");
    const bundled = await build({
      entryPoints: [path.join(work, 'entry.js')],
      bundle: true,
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'error',
    });
    const script = `const TPA_WASM=${JSON.stringify(wasm)};\n${bundled.outputFiles[0].text}`;
    // The shell's words, inline at the end of <body> as in dist/ (a classic script).
    const indexHtml = await readFile(path.join(ROOT, 'index.html'), 'utf8');
    const shell = fillShell(await readFile(path.join(ROOT, 'public/shell.js'), 'utf8'), indexHtml);

    const cssName = (await readdir(DIST)).find((n) => /^main-[0-9a-f]+\.css$/.test(n));
    if (!cssName) fail('no main-*.css in dist/');
    const css = await readFile(path.join(DIST, cssName), 'utf8');
    // Text that would end the inline element early, or make the HTML parser read on past it.
    for (const [text, tags] of [[script, ['</script', '<!--', '<script']], [shell, ['</script', '<!--', '<script']], [css, ['</style']]]) {
      for (const tag of tags) if (text.toLowerCase().includes(tag)) fail(`${tag} inside the inlined code`);
    }
    const icon = await readFile(path.join(ROOT, 'public/icon.svg'), 'utf8');
    const policy = [
      "default-src 'none'",
      `script-src ${sha256(script)} ${sha256(shell)} 'wasm-unsafe-eval'`,
      `style-src ${sha256(css)}`,
      'img-src data:',
      'media-src blob:',
      "connect-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');

    let html = await readFile(path.join(ROOT, 'index.html'), 'utf8');
    html = html.replace(/<!--[\s\S]*?-->\n?/g, '');
    html = replaceExactly(html, /^.*data-trunk.*\n/m, '', 8, 'Trunk links');
    html = replaceExactly(html, /^.*rel="(manifest|apple-touch-icon|modulepreload|preload)".*\n/m, '', 4, 'links to files');
    html = replaceExactly(html, /^.*<script type="module" src=.*\n/m, '', 1, 'the boot script');
    html = replaceExactly(
      html,
      /<link rel="icon" href="\/icon.svg"/,
      `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(icon)}"`,
      1,
      'the icon',
    );
    html = replaceExactly(html, /(http-equiv="Content-Security-Policy" content=")[^"]*"/, `$1${policy}"`, 1, 'the CSP');
    // The static shell's links: the addresses of this file (see the prelude).
    html = html.replace(/href="(\/[^"]*)"/g, (_, to) => `href="?p=${encodeURIComponent(to)}"`);
    // After the links are rewritten, so the script is inlined exactly as its hash says.
    html = replaceExactly(html, /<script src="__WASM__\/shell\.js"><\/script>/, () => `<script>${shell}</script>`, 1, 'the shell script');
    html = replaceExactly(html, /<\/head>/, () => `<style>${css}</style>\n<script type="module">${script}</script>\n</head>`, 1, '</head>');

    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, html);
    return { out, bytes: Buffer.byteLength(html) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { out, bytes } = await buildSingleFile(process.argv[2] && path.resolve(process.argv[2]));
  console.log(`single-file: wrote ${path.relative(process.cwd(), out)} (${(bytes / 1e6).toFixed(2)} MB); open it in a browser, no server needed`);
}
