#!/bin/sh
# Runs every libFuzzer harness built in BUILD_DIR for SECONDS each, one after the other.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]
# Each harness starts from its seed corpus (tests/fuzz/corpus/<reader>/, never written to:
# the inputs it finds go to BUILD_DIR/fuzz-corpus/<reader>/). A crashing, leaking or hanging
# input is saved in tests/fuzz/crashers/<reader>/, where `make test` replays it; fix the bug
# and commit the file. Prints executions per second and coverage per harness; exits non-zero
# when any harness found something.
set -u
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
summary=""
for harness in "$build"/bin/fuzz_*; do
    [ -x "$harness" ] || continue
    name=$(basename "$harness")
    reader=${name#fuzz_}
    corpus="$build/fuzz-corpus/$reader"
    crashers="$root/tests/fuzz/crashers/$reader"
    log="$build/fuzz-$reader.log"
    mkdir -p "$corpus" "$crashers"
    echo "== $name: ${seconds} s"
    ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1 \
    UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
        "$harness" "$corpus" "$root/tests/fuzz/corpus/$reader" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -artifact_prefix="$crashers/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    # The last status line: "#123456 DONE cov: 2345 ft: 6789 corp: 321/45Mb ... exec/s: 789".
    line=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    runs=$(echo "$line" | sed -n 's/^#\([0-9]*\).*/\1/p')
    cov=$(echo "$line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
    if [ "$rc" -ne 0 ]; then
        status=1
        echo "   FOUND a problem (exit $rc): see $log; the input is in $crashers/"
        tail -n 30 "$log"
    fi
    summary="$summary$(printf '%-14s runs %-9s exec/s %-7s cov %-6s ft %-6s %s' \
        "$reader" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
        "$([ "$rc" -eq 0 ] && echo ok || echo FOUND)")
"
done
[ -n "$summary" ] || { echo "no harness in $build/bin: build the gemba_fuzzers target" >&2; exit 1; }
echo
echo "harness        runs          exec/s         coverage (edges, features)"
printf '%s' "$summary"
exit $status
