// The bench's static server: serves a release build the way a real static host would, so that
// bytes on the wire and load times are those a person would see.
//
//   node bench/server.mjs [dir=dist] [port=8080]
//
// - SPA fallback: an extension-less path that names no file gets index.html (deep links);
// - compression: brotli when the request's Accept-Encoding has `br`, else gzip when it has
//   `gzip`, else none; every file is compressed once at start (brotli 11, gzip 9, like a host
//   that precompresses, so no first request waits for a compressor) and kept in memory. Headless Chromium 156 sends `gzip, deflate, br, zstd` even
//   to plain http://127.0.0.1 (checked with a bare node:http server), so the bench sees brotli.
//   zstd is not offered: Node 20's zlib has no zstd;
// - caching: files whose names carry a content hash (`/wasm-<hash>/…`, `main-<hash>.css`) are
//   `immutable` for a year; everything else (index.html, sw.js, the manifest, the icon) is
//   `no-cache` with an ETag, so a new build is seen at once and an unchanged file costs a 304;
// - the floor page (bench/floor.html) at /__floor/, under the same conditions as the app.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { TYPES, isFile } from '../tests/e2e/server.mjs';

export const FLOOR_PATH = '/__floor/';
const FLOOR_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor.html');

// Already compressed formats are sent as they are.
const INCOMPRESSIBLE = new Set(['.png', '.ico', '.woff2']);
const HASHED = /^\/wasm-[0-9a-f]+\/|^\/main-[0-9a-f]+\.css$/;

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ root = 'dist', port = 0 } = {}) {
  const base = path.resolve(root);
  // file path → { raw, br, gzip, etag }: every file is compressed once, at start (below).
  const cache = new Map();
  const load = async (file) => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = await readFile(file);
      const compressible = !INCOMPRESSIBLE.has(path.extname(file));
      entry = {
        raw,
        br: compressible && brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: compressible && gzipSync(raw, { level: 9 }),
        etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      };
      cache.set(file, entry);
    }
    return entry;
  };
  for (const name of await readdir(base, { recursive: true })) {
    const file = path.join(base, name);
    if (await isFile(file)) await load(file);
  }
  await load(FLOOR_FILE);

  const server = createServer(async (req, res) => {
    const fail = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`${text}\n`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
      const { pathname } = new URL(req.url, 'http://localhost');
      let rel;
      try {
        rel = decodeURIComponent(pathname);
      } catch {
        return fail(400, 'bad request');
      }
      let file;
      if (rel === FLOOR_PATH) {
        file = FLOOR_FILE;
      } else {
        // Resolve inside `base` only: `..` segments must not escape it.
        file = path.join(base, path.normalize(rel));
        if (file !== base && !file.startsWith(base + path.sep)) return fail(403, 'forbidden');
        // A folder's index.html is its page (/en/think → en/think/index.html, rendered at build time).
        if (rel.endsWith('/') || (await isFile(path.join(file, 'index.html')))) file = path.join(file, 'index.html');
        if (!(await isFile(file))) {
          // A missing /app.js must stay a 404, or a broken build would "load" index.html as a script.
          if (path.extname(rel) !== '') return fail(404, 'not found');
          // As a static host: the build's 404.html (the app's shell), else index.html.
          file = (await isFile(path.join(base, '404.html'))) ? path.join(base, '404.html') : path.join(base, 'index.html');
        }
      }
      const entry = await load(file);
      const accepted = req.headers['accept-encoding'] ?? '';
      const encoding = entry.br && /\bbr\b/.test(accepted) ? 'br' : entry.gzip && /\bgzip\b/.test(accepted) ? 'gzip' : null;
      const body = encoding ? entry[encoding] : entry.raw;
      const headers = {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: entry.etag,
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      };
      if (req.headers['if-none-match'] === entry.etag) {
        res.writeHead(304, headers);
        return res.end();
      }
      if (encoding) headers['Content-Encoding'] = encoding;
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      fail(500, `server error: ${err.message}`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // don't wait for the browser's keep-alive sockets
        server.close(() => resolve());
      }),
  };
}

// CLI: node bench/server.mjs [dir] [port]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`serving ${path.resolve(root)} at ${url}/ (floor page at ${url}${FLOOR_PATH}; Ctrl+C to stop)`);
}
