#!/usr/bin/env bash
# Installs what is missing for building and testing Quire, idempotently.
# Usage: scripts/bootstrap.sh [--test] [--bench] [--fuzz]
#   --test also installs chromium and what --fuzz does; --bench also installs
#   what `npm run bench` compares against (hugo); --fuzz what the sanitized
#   build and the fuzz harnesses need (clang)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0 want_bench=0 want_fuzz=0
for arg in "$@"; do
  [[ "$arg" == "--test" ]] && want_test=1 && want_fuzz=1
  [[ "$arg" == "--bench" ]] && want_bench=1
  [[ "$arg" == "--fuzz" ]] && want_fuzz=1
done

# Debian packages: the one list, with what each is for.
pkgs=(
  cmake g++ make          # native build
  ccache                  # compiler cache outside the clone (~/.cache/ccache): a clean clone's
                          # native and sanitized builds reuse what an earlier one compiled
  patch                   # our change to md4c's source (cmake/md4c-0.4.8-linear.patch)
  emscripten              # WASM build (emcc 3.1.6)
  libyaml-cpp-dev         # front matter parsing (native CLI only)
  libtomlplusplus-dev     # TOML (+++) front matter, header-only (native CLI only)
  libhowardhinnant-date-dev # site time zones on the OS tz database (native CLI only; links libdate-tz)
  tzdata                  # the OS tz database libdate-tz reads
  libicu-dev              # slugs of titles and file names in any script, transliterated (native CLI only)
  libgumbo-dev pkgconf    # HTML5 parser: the build sanitises posts' raw HTML (native CLI only)
  golang-github-kyokomi-emoji-dev # emoji shortcodes' table, Hugo's own (:smile:; read by cmake/emoji.cmake, import only)
  nlohmann-json3-dev      # writing bundle JSON, tests (native; the WASM loader reads without it)
  doctest-dev             # unit tests (header-only)
  brotli gzip             # size report
  libxml2-utils           # xmllint for feed/sitemap tests
)
(( want_test )) && pkgs+=(chromium git)  # git: a unit test reads "git Created" dates from a scratch repository
# The sanitized build (build/fuzz: ASan + UBSan doctests, libFuzzer
# harnesses in tests/fuzz): clang 14 with its sanitizer and libFuzzer
# runtimes; python3 extracts the seed corpora (tests/fuzz/make_seeds.py).
(( want_fuzz )) && pkgs+=(clang-14 libclang-rt-14-dev python3)
(( want_bench )) && pkgs+=(hugo)     # bench only: bench/build-speed.mjs builds the same posts with Hugo
(( want_bench )) && pkgs+=(time)     # bench only: GNU time, the builds' peak RSS in bench/build-speed.mjs

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
if (( ${#missing[@]} )); then
  echo "bootstrap: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# md4c source (compiled from source for both native and WASM builds).
src_dir=build/third_party
if ! ls "$src_dir"/md4c*/src/md4c.c >/dev/null 2>&1; then
  mkdir -p "$src_dir"
  if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # Derive a deb-src entry from the machine's own deb822 sources.
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
      sed -e 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        | $SUDO tee /etc/apt/sources.list.d/quire-deb-src.sources >/dev/null
    elif [[ -f /etc/apt/sources.list ]]; then
      grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
        | $SUDO tee /etc/apt/sources.list.d/quire-deb-src.list >/dev/null
    fi
    $SUDO apt-get update -qq
  fi
  (cd "$src_dir" && apt-get source --download-only --tar-only md4c >/dev/null 2>&1 \
     || { echo "bootstrap: apt-get source md4c failed" >&2; exit 1; })
  tarball=$(ls "$src_dir"/md4c_*.orig.tar.* | head -1)
  tar -xf "$tarball" -C "$src_dir"
fi
# Our change to md4c (cmake/md4c-0.4.8-linear.patch says what and why),
# applied once to the unpacked source; a changed patch unpacks it afresh.
md4c_patch=cmake/md4c-0.4.8-linear.patch
md4c_dir=$(dirname "$(dirname "$(ls "$src_dir"/md4c*/src/md4c.c | head -1)")")
patch_id=$(sha256sum "$md4c_patch" | cut -c1-16)
if [[ "$(cat "$md4c_dir/.quire-patch" 2>/dev/null)" != "$patch_id" ]]; then
  if [[ -f "$md4c_dir/.quire-patch" ]]; then
    rm -rf "$md4c_dir"
    tar -xmf "$(ls "$src_dir"/md4c_*.orig.tar.* | head -1)" -C "$src_dir"
  fi
  patch -d "$md4c_dir" -p1 --forward --quiet < "$md4c_patch" \
    || { echo "bootstrap: $md4c_patch does not apply to $md4c_dir" >&2; exit 1; }
  echo "$patch_id" > "$md4c_dir/.quire-patch"
fi

# npm packages (package-lock.json pins them), among them the tree-sitter
# runtime and grammars that `quire build` highlights code with (compiled by
# cmake/tree-sitter.cmake, once per machine, into ~/.cache/quire/tree-sitter),
# and pagefind (its prebuilt binary from npm: `npm run bench` compares
# Quire's search index with it, bench/search.mjs), and Temml, which typesets
# posts' math in the reader's browser (web/math.js, copied into sites with math).
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
