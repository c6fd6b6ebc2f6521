#!/bin/sh
# Installs the Debian packages Gemba needs to build, test and run, if any are missing.
# Usage: scripts/install-deps.sh [build|run|test|fuzz|bench]
# As root it calls apt-get directly; otherwise it tries sudo without a password prompt;
# where neither works it prints the exact apt-get line to run and fails.
set -eu

build="cmake make g++ pkg-config qt6-base-dev qt6-svg-dev libgl-dev
       nlohmann-json3-dev catch2 libsqlite3-dev libexpat1-dev zlib1g-dev libical-dev
       fonts-dejavu-core libpq-dev libqpdf-dev"
# Tests render under the offscreen platform and read PDFs back; screenshots run under Xvfb.
# The repository's tests start their own PostgreSQL server (scripts/pg-cluster.sh).
extra_test="xvfb xauth poppler-utils postgresql"
# make fuzz: libFuzzer comes with Debian's clang and its runtime libraries.
extra_fuzz="clang libclang-rt-14-dev"
# Benchmarks: reference implementations run by Debian's python3: SimPy for the simulation,
# pandas for the event-log percentiles.
extra_bench="python3-simpy python3-pandas postgresql"

case "${1:-build}" in
    build) wanted="$build" ;;
    test) wanted="$build $extra_test" ;;
    run) wanted="$build" ;;
    fuzz) wanted="$build $extra_fuzz" ;;
    bench) wanted="$build $extra_bench" ;;
    *) echo "usage: $0 [build|run|test|fuzz|bench]" >&2; exit 2 ;;
esac

missing=""
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "Installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo"
else
    echo "Cannot install packages: not root and sudo needs a password. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run apt-get install -y -qq --no-install-recommends $missing
