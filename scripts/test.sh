#!/usr/bin/env bash
# `npm test`: installs what is missing, builds, runs every test.
#   1. doctest unit tests of the core and the build side (CTest)
#   2. the sanitized build (build/fuzz, clang, ASan + UBSan): the doctest
#      suite again, and the fuzz harnesses replaying their seeds and every
#      reproducer in tests/fuzz/regressions/ (CTest there)
#   3. node's test runner: the WASM module, then end-to-end in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
took() { echo "   ($1: $SECONDS s since the start)"; }
bash scripts/bootstrap.sh --test
took "installed"
bash scripts/build.sh
took "built"

echo "== unit tests (CTest) =="
ctest --test-dir build/native --output-on-failure -j 2
# The conformance table (tests/unit/test_conformance.cpp) is worth seeing
# even when everything passes.
build/native/quire_tests --test-suite=conformance --test-case='*spec example*' |
  sed -n '/^Markdown conformance/,/^(deliberate/p'
took "unit tests"

echo "== sanitized build: unit tests under ASan + UBSan, fuzz seeds and regressions replayed =="
bash scripts/build-sanitized.sh
took "sanitized build"
ctest --test-dir build/fuzz --output-on-failure -j 2
took "sanitized tests"

echo "== WASM module and end-to-end tests (node --test) =="
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
took "node tests"
