#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): builds the app's wasm and splits it into what the first
# page needs and chunks that load when a lazy route is opened (Leptos `#[lazy_route]`).
#
# Trunk 0.21 cannot split wasm, so this hook does the Rust part of the build instead of Trunk's
# `rel="rust"` pipeline, in the order cargo-leptos uses:
#   cargo build (linked with --emit-relocs, see .cargo/config.toml)
#   → wasm-split-cli (main module + one chunk per lazy route, and __wasm_split.js that loads them)
#   → wasm-bindgen --keep-lld-exports (chunks import memory and table from the main module)
#   → wasm-opt -Oz on every module (release only)
# The files go to <staging dir>/wasm-<content hash>/, and `__WASM__` in the staged index.html is
# replaced by that folder, so every file name changes when its content does (safe to cache forever).
set -euo pipefail

profile=${TRUNK_PROFILE:-release}
stage=${TRUNK_STAGING_DIR:?"run by trunk as a post_build hook"}
public_url=${TRUNK_PUBLIC_URL:-/}
target_dir=${CARGO_TARGET_DIR:-target}

cargo_args=(build --target wasm32-unknown-unknown --bin think-plan-act)
[[ $profile == release ]] && cargo_args+=(--release)
cargo "${cargo_args[@]}"

work="$target_dir/wasm-split/$profile"
rm -rf "$work"
mkdir -p "$work/out"
wasm-split-cli "$target_dir/wasm32-unknown-unknown/$profile/think-plan-act.wasm" "$work" --out-name app
wasm-bindgen --target web --keep-lld-exports --no-typescript \
  --out-dir "$work/out" --out-name app "$work/app.wasm"
# __wasm_split.js exists only when the app has lazy routes. Each chunk starts in a task of its
# own (fill-boot.mjs, `yieldBetweenChunks`: the first render is not one long task).
cp "$work"/*.wasm "$work/out/"
if [[ -f "$work/__wasm_split.js" ]]; then
  cp "$work/__wasm_split.js" "$work/out/"
  node "$(dirname "$0")/fill-boot.mjs" --yield "$work/out/__wasm_split.js"
fi
rm "$work/out/app.wasm" # the split main module, now app_bg.wasm

if [[ $profile == release ]]; then
  # npm binaryen 132 (package-lock.json), never another wasm-opt on PATH: Debian's binaryen 108
  # produces a module that dies on load.
  wasm_opt="$(dirname "$0")/../node_modules/.bin/wasm-opt"
  [[ "$("$wasm_opt" --version)" == *"version 132"* ]] || {
    echo "build-wasm: $wasm_opt is not binaryen 132 (run scripts/setup.sh)" >&2
    exit 1
  }
  # The features rustc enables for wasm32-unknown-unknown; wasm-opt must not use any others.
  features=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-reference-types --enable-multivalue)
  # One wasm-opt per module (the main one and ~100 chunks), as many at once as there are cores:
  # npm's wasm-opt is binaryen compiled to wasm and starts slowly. xargs fails if any run fails.
  # The output needs no `target_features` section (browsers ignore it): ~100 bytes less in each of
  # the ~50 files, which brotli cannot share between files.
  # WASM_NAMES=1 keeps the functions' names, for a profile that says where time goes (not for shipping).
  strip=(--strip-debug)
  [[ ${WASM_NAMES:-} == 1 ]] && strip=(--debuginfo)
  printf '%s\n' "$work"/out/*.wasm |
    xargs -P "$(nproc)" -I{} "$wasm_opt" -Oz "${strip[@]}" --strip-producers --strip-target-features "${features[@]}" {} -o {}.opt
  for module in "$work"/out/*.wasm; do
    mv "$module.opt" "$module"
  done
fi

# Starts the app and registers the service worker (a file, so a strict CSP needs no hash).
cp "$(dirname "$0")/../public/boot.js" "$work/out/boot.js"
# Its words (from locales/) and each lazy room's chunks (__wasm_split.js exists only with lazy routes).
split=()
if [[ -f "$work/out/__wasm_split.js" ]]; then split=("$work/out/__wasm_split.js"); fi
node "$(dirname "$0")/fill-boot.mjs" "$work/out/boot.js" "${split[@]}"
# Puts the static shell of index.html into the person's language before the first paint.
cp "$(dirname "$0")/../public/shell.js" "$work/out/shell.js"
node "$(dirname "$0")/fill-boot.mjs" --shell "$work/out/shell.js" "$(dirname "$0")/../index.html"

# The glue as wasm-bindgen wrote it, for scripts/single-file/build.mjs (which patches it).
rm -rf "$work/plain"
mkdir -p "$work/plain"
cp "$work"/out/*.js "$work/plain/"

if [[ $profile == release ]]; then
  # wasm-bindgen's glue is written to be read: terser (npm, package-lock.json) shortens local
  # names and drops comments and spaces. The first download is 2.4 kB smaller (brotli).
  terser="$(dirname "$0")/../node_modules/.bin/terser"
  for script in "$work"/out/*.js; do
    "$terser" "$script" --module --compress passes=2 --mangle --output "$script.min"
    mv "$script.min" "$script"
  done
fi

hash=$(cat "$work"/out/* | sha256sum | cut -c1-16)
folder="wasm-$hash"
rm -rf "$stage"/wasm-*
cp -r "$work/out" "$stage/$folder"
echo "$folder" >"$work/plain/FOLDER" # which build the plain glue belongs to
# Fill in the folder, and drop the placeholder link that keeps Trunk from building the wasm itself.
base="${public_url%/}/$folder"
# Escape what sed's replacement would read as special (&, \ and the # delimiter).
base_sed=$(printf '%s' "$base" | sed -e 's/[&\\#]/\\&/g')
sed -i -e "s#__WASM__#$base_sed#g" -e 's#<link[^>]*data-trunk-skip[^>]*>##g' "$stage/index.html"
# (Checked loosely: release builds minify index.html, which drops quotes around attributes.)
grep -qF "$base/boot.js" "$stage/index.html" || {
  echo "build-wasm: index.html needs <script type=\"module\" src=\"__WASM__/boot.js\"></script>" >&2
  exit 1
}

# Every page in every language as HTML (issue 20): rendered natively from the same components
# (src/bin/prerender.rs, the `prerender` feature), into the finished index.html, so a page's
# text is there before the wasm arrives. Also 404.html (the shell, for addresses with no file)
# and each page's own style sheets. A development build skips it: `trunk serve` answers every
# address with index.html, whose app draws the page itself.
if [[ $profile == release ]]; then
  # (leptos_i18n warns on each page that it has no request headers to read a language from:
  # the address names it here.) pipefail keeps a failure of the prerender a failure.
  cargo run --quiet --features prerender --bin prerender -- "$stage" 2>&1 | { grep -v ssr_lang_header_getter || true; }
fi

# The service worker (public/sw.js, copied by Trunk). A release build fills in its list of every
# file of this build, so the app works offline after the first visit; its version is the hash of
# them all, so any change makes browsers install the new one. A development build (`trunk serve`)
# keeps nothing: its worker removes itself and any offline copy an earlier release left on the
# same address, so a developer never looks at stale files.
sw="$stage/sw.js"
if [[ $profile == release ]]; then
  # Every file but the worker, the host's 404.html and the root's index.html, which is "./".
  mapfile -t files < <(cd "$stage" && find . -type f ! -name sw.js ! -path ./index.html ! -path ./404.html -printf '%P\n' | LC_ALL=C sort)
  list='"./"' # index.html: the shell, behind every address that has no page of its own
  for file in "${files[@]}"; do list+=",\"./$file\""; done
  version=$(cd "$stage" && cat index.html "${files[@]}" | sha256sum | cut -c1-16)
  sed -i -e "s#__VERSION__#$version#" -e "s#__FILES__#[$list]#" "$sw"
  if grep -q "__FILES__\|__VERSION__" "$sw"; then
    echo "build-wasm: public/sw.js needs its __VERSION__ and __FILES__ placeholders" >&2
    exit 1
  fi
else
  cat >"$sw" <<'WORKER'
// Development build: no offline copy (see scripts/build-wasm.sh).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) =>
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tpa-app-')).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  ),
);
WORKER
fi
