// Tiny zero-dependency static file server for the e2e tests (and for a quick
// manual look at a release build):
//
//   node tests/e2e/server.mjs [dir=dist] [port=8080]
//
// As a static host serves the release build: a folder's index.html is its page
// (/en/think → dist/en/think/index.html), and a path without a file extension
// that names no file gets dist/404.html with status 404 (the app's shell, which
// draws what it can: a person's own card, or "not found"); a folder without a
// 404.html falls back to its index.html with status 200, like a host set up for
// a single-page app (the single-file and bench folders). Everything is sent with
// `Cache-Control: no-store` so a test never sees a stale build.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Content types by file extension (also used by bench/server.mjs). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', // required for WebAssembly.instantiateStreaming
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Whether `p` names a file (not a folder, not nothing). */
export async function isFile(p) {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ root = 'dist', port = 0 } = {}) {
  const base = path.resolve(root);

  const server = createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'text/plain; charset=utf-8', Buffer.from('method not allowed\n'));
      }
      const { pathname } = new URL(req.url, 'http://localhost');
      let rel;
      try {
        rel = decodeURIComponent(pathname);
      } catch {
        return send(400, 'text/plain; charset=utf-8', Buffer.from('bad request\n'));
      }
      // Resolve inside `base` only: `..` segments must not escape it.
      let file = path.join(base, path.normalize(rel));
      if (file !== base && !file.startsWith(base + path.sep)) {
        return send(403, 'text/plain; charset=utf-8', Buffer.from('forbidden\n'));
      }
      // A folder's index.html is its page, with or without the trailing slash (as static hosts
      // serve prerendered pages).
      if (rel.endsWith('/') || (await isFile(path.join(file, 'index.html')))) file = path.join(file, 'index.html');
      if (!(await isFile(file))) {
        // SPA fallback only for extension-less paths: a missing /app.js must
        // stay a 404, or a broken build would "load" index.html as a script.
        if (path.extname(rel) !== '') {
          return send(404, 'text/plain; charset=utf-8', Buffer.from('not found\n'));
        }
        const notFound = path.join(base, '404.html');
        if (await isFile(notFound)) {
          return send(404, TYPES['.html'], await readFile(notFound));
        }
        file = path.join(base, 'index.html');
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, type, await readFile(file));
    } catch (err) {
      send(500, 'text/plain; charset=utf-8', Buffer.from(`server error: ${err.message}\n`));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // don't wait for the browser's keep-alive sockets
        server.close(() => resolve());
      }),
  };
}

// CLI: node tests/e2e/server.mjs [dir] [port]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`serving ${path.resolve(root)} at ${url}/ (Ctrl+C to stop)`);
}
