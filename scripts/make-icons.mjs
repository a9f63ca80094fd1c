// Renders the PNG icons of the web app manifest from public/icon.svg with Debian's Chromium.
// The PNGs are committed; run this again only when the icon changes:
//
//   node scripts/make-icons.mjs
//
// "any" icons keep the SVG's rounded corners (transparent outside). A "maskable" icon must fill
// its square and keep what matters inside the middle 80% circle (the launcher cuts the rest), so
// it is drawn full-bleed with the three dots scaled down around the centre.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PUBLIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');
const svg = readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
const maskable = svg
  .replace(/<rect [^>]*rx="14"[^>]*\/>/, '<rect width="64" height="64" fill="#1f4d46"/>')
  .replace(/(<circle[\s\S]*<\/circle>|(<circle[^>]*\/>\s*)+)/, (dots) => `<g transform="translate(32 32) scale(0.75) translate(-32 -32)">${dots}</g>`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, source, size] of [
  ['icon-192.png', svg, 192],
  ['icon-512.png', svg, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const body = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${body}`);
  await page.screenshot({ path: path.join(PUBLIC, name), omitBackground: true });
  await page.close();
  console.log(`wrote public/${name}`);
}
await browser.close();
