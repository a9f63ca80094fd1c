// First-load size budget: what a phone on a slow link downloads before the
// app works, measured as brotli (quality 11) like a static host would serve it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, requireDist } from './harness.mjs';

/** Brotli-compressed first-load total must stay at or under this. */
const BUDGET_BYTES = 150 * 1024; // 153600

// index.html plus every script, wasm, stylesheet and manifest in dist/'s root.
// Images, icons and fonts are not part of the first load's critical path.
const FIRST_LOAD = /^(index\.html|.*\.(js|mjs|wasm|css|webmanifest|json))$/;

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

it(`first-load files are at most ${BUDGET_BYTES} bytes brotli-compressed`, () => {
  requireDist();
  const files = readdirSync(DIST, { withFileTypes: true })
    .filter((e) => e.isFile() && FIRST_LOAD.test(e.name))
    .map((e) => e.name)
    .sort();
  assert.ok(
    files.some((f) => f.endsWith('.wasm')),
    `no .wasm file in ${DIST}: not a release build of the app (files: ${files.join(', ')})`,
  );

  const rows = files.map((name) => {
    const buf = readFileSync(path.join(DIST, name));
    return { file: name, raw: buf.length, gzip9: gzip(buf), brotli11: brotli(buf) };
  });
  const sum = (k) => rows.reduce((acc, r) => acc + r[k], 0);
  const total = { file: 'TOTAL', raw: sum('raw'), gzip9: sum('gzip9'), brotli11: sum('brotli11') };
  console.table([...rows, total]);
  console.log(`brotli total ${total.brotli11} B of ${BUDGET_BYTES} B budget`);

  assert.ok(
    total.brotli11 <= BUDGET_BYTES,
    `first load is ${total.brotli11} B brotli, over the ${BUDGET_BYTES} B budget by ${total.brotli11 - BUDGET_BYTES} B`,
  );
});
