#!/bin/sh
# `make examples`: rebuilds every example project (examples/NAME.gemba) from its hand-written
# JSON source (examples/NAME.json) with `gemba-cli import-json`. Usage:
#   scripts/make-examples.sh BUILD_DIR      (the Makefile passes build)
# The examples tests (tests/cli/examples_tests.cpp) fail when a committed .gemba no longer
# matches its JSON: run this and commit both.
set -eu
build="${1:?usage: scripts/make-examples.sh BUILD_DIR}"
cli="$build/bin/gemba-cli"
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$cli" ]; then
    echo "make-examples.sh: $cli not found; build it first (make build)" >&2
    exit 2
fi
found=0
for json in "$here"/examples/*.json; do
    [ -f "$json" ] || continue
    found=1
    "$cli" import-json "$json" -o "${json%.json}.gemba"
    # Every example must compute: a map with errors would show no figures.
    "$cli" validate "${json%.json}.gemba" >/dev/null
done
if [ "$found" -eq 0 ]; then
    echo "make-examples.sh: no examples/*.json" >&2
    exit 2
fi
