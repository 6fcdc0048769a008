#!/usr/bin/env bash
# `npm run fuzz`: coverage-guided fuzzing of the harnesses of
# tests/fuzz (libFuzzer, ASan + UBSan; tests/fuzz/fuzz_check.hpp), one
# after the other, each for FUZZ_SECONDS (default 180). FUZZ_TARGETS picks
# some: FUZZ_TARGETS="markdown bundle" npm run fuzz.
# The corpus of each grows in build/fuzz-corpus/<target>/ (kept between
# runs); seeds come from tests/fuzz/seeds/, the extracted build/fuzz/seeds/
# and tests/fuzz/regressions/. A crash, timeout, leak or failed check is
# written to build/fuzz-findings/<target>/ with the run's log, and the
# script says how to replay it and keep it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-180}
targets=${FUZZ_TARGETS:-bundle markdown views content md4c_diff image import highlight}
bash scripts/bootstrap.sh --fuzz
bash scripts/build-sanitized.sh

found=0
summary=()
for t in $targets; do
  harness=build/fuzz/fuzz_$t
  if [[ ! -x "$harness" ]]; then
    echo "fuzz: no target '$t' (bundle, markdown, views, content, md4c_diff, image, import, highlight)" >&2
    exit 2
  fi
  dict=tests/fuzz/dict/$t.dict
  [[ -f "$dict" ]] || dict=tests/fuzz/dict/markdown.dict  # md4c_diff: markdown too
  corpus=build/fuzz-corpus/$t
  findings=build/fuzz-findings/$t
  mkdir -p "$corpus" "$findings"
  log=$findings/log.txt
  echo "== fuzz $t for ${seconds}s (log: $log) =="
  artifacts() { find "$findings" -type f ! -name log.txt | sort; }
  before=$(artifacts)
  # One job at a time (a 2-core machine shared with the build). A run stops
  # at its first finding; the corpus so far is kept.
  dirs=("$corpus")
  for d in tests/fuzz/seeds/"$t" build/fuzz/seeds/"$t" tests/fuzz/regressions/"$t"; do
    [[ -d "$d" ]] && dirs+=("$d")
  done
  set +e
  "$harness" "${dirs[@]}" \
    -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  stats=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*')
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$log")
  summary+=("$t: ${execs:-?} executions, ${stats:-no stats} (corp: every input loaded; $(find "$corpus" -type f | wc -l) in $corpus)")
  echo "${summary[-1]}"
  new=$(comm -13 <(echo "$before") <(artifacts))
  if (( status != 0 )) || [[ -n "$new" ]]; then
    found=1
    grep -E 'ERROR|fuzz check failed|SUMMARY' "$log" | head -5 || true
    echo "-- $t found something (exit $status); reproducer(s):"
    printf '   %s\n' $new
    echo "   replay:  $harness <file>"
    echo "   once fixed, keep it:  cp <file> tests/fuzz/regressions/$t/<what-broke>  (npm test replays it)"
  fi
done

echo "== fuzz summary (${seconds}s a target) =="
printf '%s\n' "${summary[@]}"
exit $found
