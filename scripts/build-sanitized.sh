#!/usr/bin/env bash
# Builds the sanitized tree build/fuzz (clang, ASan + UBSan, libFuzzer's
# instrumentation; CMake option QUIRE_FUZZ): the fuzz harnesses of
# tests/fuzz, their extracted seeds and the doctest suite once more. Used by
# scripts/test.sh and scripts/fuzz.sh; never touches build/native or
# build/wasm. Incremental: fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
(( jobs > 2 )) && jobs=2
: "${QUIRE_WERROR:=ON}"
source scripts/ccache.sh  # quire_launcher: the compiler cache
if [[ ! -f build/fuzz/Makefile ]]; then  # a configure that failed left no Makefile: run it again
  CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQUIRE_FUZZ=ON -DQUIRE_WERROR="$QUIRE_WERROR" "${quire_launcher[@]}" >/dev/null
fi
# The CLI is not needed here: only the harnesses, the seeds and the tests.
cmake --build build/fuzz -j "$jobs" --target quire_tests fuzz_seeds \
  fuzz_bundle fuzz_markdown fuzz_views fuzz_content fuzz_md4c_diff fuzz_image fuzz_import fuzz_highlight
