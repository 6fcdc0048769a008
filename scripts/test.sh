#!/usr/bin/env bash
# `npm test`: installs what is missing, builds, runs every test.
#   1. doctest unit tests of the core and the build side (CTest)
#   2. the sanitized build (build/fuzz, clang, ASan + UBSan): the doctest
#      suite again, and the fuzz harnesses replaying their seeds and every
#      reproducer in tests/fuzz/regressions/ (CTest there)
#   3. node's test runner: the WASM module, then end-to-end in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
bash scripts/build.sh

echo "== unit tests (CTest) =="
ctest --test-dir build/native --output-on-failure -j 2
# The conformance table (tests/unit/test_conformance.cpp) is worth seeing
# even when everything passes.
build/native/quire_tests --test-suite=conformance --test-case='*spec example*' |
  sed -n '/^Markdown conformance/,/^(deliberate/p'

echo "== sanitized build: unit tests under ASan + UBSan, fuzz seeds and regressions replayed =="
bash scripts/build-sanitized.sh
ctest --test-dir build/fuzz --output-on-failure -j 2

echo "== WASM module and end-to-end tests (node --test) =="
node --test --test-concurrency=1 tests/wasm/ tests/e2e/
