# Sourced by scripts/build.sh and scripts/build-sanitized.sh: the compiler
# cache (ccache, kept outside the clone in ~/.cache/ccache) for the native
# and sanitized builds, so that a clean clone's `npm test` compiles only
# what changed since any earlier build on this machine. Objects are found
# by the preprocessed source and the flags, whatever folder the clone is
# in (CCACHE_BASEDIR: paths inside it are hashed relative to it;
# CCACHE_NOHASHDIR: the sanitized build's debug info may then name
# another clone's folder). Not for emcc (build/wasm). Without ccache, or
# with QUIRE_CCACHE=0, the builds compile everything as before.
quire_launcher=()
if [[ "${QUIRE_CCACHE:-1}" != 0 ]] && command -v ccache >/dev/null; then
  quire_launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
