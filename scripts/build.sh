#!/usr/bin/env bash
# Builds the native CLI + unit tests (build/native) and the WASM module
# (build/wasm). Incremental: fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
: "${QUIRE_WERROR:=ON}"
source scripts/ccache.sh  # quire_launcher: the native and sanitized builds' compiler cache

if [[ ! -f build/native/Makefile ]]; then  # a configure that failed left no Makefile: run it again
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DQUIRE_WERROR="$QUIRE_WERROR" "${quire_launcher[@]}" >/dev/null
fi
cmake --build build/native -j "$jobs"

# The app's JS and CSS as shipped: minified into build/web (quire build's default).
node scripts/minify-web.mjs web build/web

# emcc 3.1.6 finds its acorn in Debian's node modules.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
if [[ ! -f build/wasm/Makefile ]]; then  # a configure that failed left no Makefile: run it again
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DQUIRE_WERROR="$QUIRE_WERROR" \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" >/dev/null
fi
cmake --build build/wasm -j "$jobs"
