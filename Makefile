# Two commands do everything on a fresh machine: `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Trunk asks crates.io for a newer version on every run unless told not to.
export TRUNK_SKIP_VERSION_CHECK := true

# The steps of `make test` depend on each other's order (build before e2e): never run them in parallel.
.NOTPARALLEL:

.PHONY: setup serve build single-file bench test test-native test-browser test-e2e lint

setup:
	@scripts/setup.sh

## Serve the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## Release build into dist/ (size-tuned, wasm-opt -Oz).
build: setup
	trunk build --release

## The whole app as one HTML file that runs from file:// (dist-single/think-plan-act.html).
single-file: build
	node scripts/single-file/build.mjs

## Every test: lint, native unit tests, browser tests, release build, end-to-end tests.
test: setup lint test-native test-browser build test-e2e
	@echo "make test: all layers passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --features prerender --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

# Then the pages rendered to HTML natively with the same components (the prerender, issue 20).
test-native:
	cargo test
	cargo test --features prerender --lib prerender::

# wasm-bindgen-test in headless Chromium (the runner finds chromedriver; webdriver.json adds --no-sandbox).
test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

test-e2e:
	npm run e2e

## Bench: release build (skipped with BENCH_SKIP_BUILD=1), then first-visit, growth and
## Lighthouse figures against a plain floor page (bench/run.mjs; e.g. BENCH_ARGS="--runs 3 --only load").
bench: setup
	@if [[ "$(BENCH_SKIP_BUILD)" != 1 ]]; then trunk build --release; fi
	node bench/run.mjs $(BENCH_ARGS)
