#!/bin/sh
# `make run`: opens the editor on an example project. Without a display it says so and prints
# the example's metrics instead.
set -eu
build="$1"
example="$2"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/bin/gemba" "$example"
fi
echo "No display (DISPLAY and WAYLAND_DISPLAY are unset), so the editor cannot open." >&2
echo "The metrics of $example instead:" >&2
echo >&2
exec "$build/bin/gemba-cli" metrics "$example"
