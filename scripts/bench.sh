#!/bin/sh
# `make bench`: runs every benchmark program of a Release build and prints what it measured.
# It builds nothing. Usage: scripts/bench.sh BUILD_DIR (the Makefile passes build-release).
# Runs gemba-bench first, then every gemba-bench-* (the editor's and any others), each with
# its default arguments. Exits with 1 when a benchmark failed or missed one of its goals.
set -u
build="${1:?usage: scripts/bench.sh BUILD_DIR}"
bin="$build/bin"
if [ ! -d "$bin" ]; then
    echo "bench.sh: $bin does not exist; build first (make bench builds $build)" >&2
    exit 2
fi

# Timings depend on the machine and on what else runs on it: say both.
echo "Machine: $(nproc) cores, $(uname -sr), $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"

found=0
failed=""
for program in "$bin/gemba-bench" "$bin"/gemba-bench-*; do
    [ -f "$program" ] && [ -x "$program" ] || continue
    found=1
    echo
    echo "== $(basename "$program")"
    # Benchmarks that draw need a platform; offscreen needs no display.
    QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$program"
    status=$?
    [ "$status" -eq 0 ] || failed="$failed $(basename "$program") (exit $status)"
done

if [ "$found" -eq 0 ]; then
    echo "bench.sh: no benchmark programs (gemba-bench*) in $bin" >&2
    exit 2
fi
echo
if [ -n "$failed" ]; then
    echo "Missed a goal or failed:$failed"
    exit 1
fi
echo "Every benchmark met its goals."
