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
cp "$work/__wasm_split.js" "$work"/*.wasm "$work/out/"
rm "$work/out/app.wasm" # the split main module, now app_bg.wasm

if [[ $profile == release ]]; then
  # The features rustc enables for wasm32-unknown-unknown; wasm-opt must not use any others.
  features=(--enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-reference-types --enable-multivalue)
  for module in "$work"/out/*.wasm; do
    wasm-opt -Oz --strip-debug --strip-producers "${features[@]}" "$module" -o "$module.opt"
    mv "$module.opt" "$module"
  done
fi

# Starts the app; a file rather than an inline script so a strict CSP needs no hash.
printf 'import init from "./app.js";\ninit();\n' >"$work/out/boot.js"

hash=$(cat "$work"/out/* | sha256sum | cut -c1-16)
folder="wasm-$hash"
rm -rf "$stage"/wasm-*
cp -r "$work/out" "$stage/$folder"
# Fill in the folder, and drop the placeholder link that keeps Trunk from building the wasm itself.
sed -i -e "s#__WASM__#${public_url%/}/$folder#g" -e '/<link data-trunk rel="rust" data-trunk-skip/d' \
  "$stage/index.html"
grep -q "<script type=\"module\" src=\"${public_url%/}/$folder/boot.js\"></script>" "$stage/index.html" || {
  echo "build-wasm: index.html needs <script type=\"module\" src=\"__WASM__/boot.js\"></script>" >&2
  exit 1
}
