// Prints, as JSON, which wasm files each lazy room needs: { "<room view>": [chunk numbers] },
// read from the __wasm_split.js that wasm-split wrote. scripts/build-wasm.sh puts it into
// boot.js, which fetches the opened page's files beside the main module instead of after it.
//
//   node scripts/room-chunks.mjs path/to/__wasm_split.js
import { readFileSync } from 'node:fs';

const source = readFileSync(process.argv[2], 'utf8');
const rooms = {};
const room = /export const __wasm_split_load___(\w+?) = [\s\S]*?new URL\("\.\/split___\1\.wasm"[\s\S]*?\n, \[([^\]]*)\]\)\);/g;
for (const [, name, deps] of source.matchAll(room)) {
  rooms[name] = [...deps.matchAll(/__chunk_(\d+)/g)].map((m) => Number(m[1]));
}
const expected = (source.match(/^export const __wasm_split_load___/gm) ?? []).length;
if (Object.keys(rooms).length !== expected || expected === 0) {
  console.error(`room-chunks: read ${Object.keys(rooms).length} of ${expected} rooms (did wasm-split's output change?)`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(rooms));
