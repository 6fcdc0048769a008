#!/usr/bin/env bash
# Replays every file of the given directories (missing ones are skipped)
# through one fuzz harness, once each: its committed seeds, its regression
# reproducers and its extracted seeds. Run by CTest in the sanitized build
# (tests/fuzz/CMakeLists.txt). Usage: replay.sh <harness> <dir>...
set -euo pipefail
harness=$1
shift
files=()
for dir in "$@"; do
  [[ -d "$dir" ]] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done \
    < <(find "$dir" -type f ! -name '.*' ! -name 'README*' -print0 | sort -z)
done
if (( ${#files[@]} == 0 )); then
  echo "$(basename "$harness"): no inputs to replay" >&2
  exit 1
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$harness" -timeout=30 -rss_limit_mb=4096 "${files[@]}" >"$log" 2>&1; then
  grep -v '^Running: \|^Executed ' "$log" | tail -60
  echo "$(basename "$harness"): an input failed (the last 'Running:' line above names it)" >&2
  grep '^Running: ' "$log" | tail -1 >&2
  exit 1
fi
echo "$(basename "$harness"): ${#files[@]} inputs replayed, no failure"
