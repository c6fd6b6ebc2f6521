#!/bin/sh
# `make screenshots`: opens each example project in the editor under Xvfb and saves a picture
# of the window into docs/images/ (fit to window), and one at 100% of the software example.
set -eu
build="$1"
out="docs/images"
mkdir -p "$out"
run() {
    if [ -n "${DISPLAY:-}" ]; then
        "$build/bin/gemba" "$@"
    else
        xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bin/gemba" "$@"
    fi
}
for project in examples/*.gemba; do
    name=$(basename "$project" .gemba)
    run --screenshot "$out/$name.png" --size 1600x1000 "$project"
    echo "$out/$name.png"
done
run --screenshot "$out/software-delivery-100.png" --size 1600x1000 --zoom 100 \
    examples/software-delivery.gemba
echo "$out/software-delivery-100.png"
