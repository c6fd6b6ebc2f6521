#!/bin/sh
# `make screenshots`: pictures of the editor under Xvfb, into docs/images/:
# - each example project fit to a 1600x1000 window, and the software example at 100%;
# - a generated stream of 60 steps wrapped as a serpentine, fit to 1280x720, 1600x1000 and
#   1920x1080 windows, and at 100%;
# - presentation mode at 1280x720 and 1920x1080, of every example and of the 60 steps.
set -eu
build="$1"
out="docs/images"
mkdir -p "$out"
# shoot GEOMETRY PICTURE ARGS...: the editor on a screen of GEOMETRY, its window saved as PICTURE.
shoot() {
    geometry="$1"
    picture="$out/$2"
    shift 2
    if [ -n "${DISPLAY:-}" ]; then
        "$build/bin/gemba" --screenshot "$picture" --size "$geometry" "$@"
    else
        xvfb-run -a -s "-screen 0 ${geometry}x24" "$build/bin/gemba" --screenshot "$picture" \
            --size "$geometry" "$@"
    fi
    echo "$picture"
}

for project in examples/*.gemba; do
    shoot 1600x1000 "$(basename "$project" .gemba).png" "$project"
done
shoot 1600x1000 software-delivery-100.png --zoom 100 examples/software-delivery.gemba

# The 60 steps: a CSV step table imported by gemba-cli.
long="$(mktemp -d)"
trap 'rm -rf "$long"' EXIT
{
    echo "name,process time,lead time,%c&a,role,systems"
    i=1
    while [ "$i" -le 60 ]; do
        echo "Step $i of the stream,$((10 + i % 7 * 5)) min,$((1 + i % 3)) h,$((80 + i % 20)),Team $((i % 5 + 1)),System $((i % 4 + 1))"
        i=$((i + 1))
    done
} > "$long/steps.csv"
"$build/bin/gemba-cli" import-csv "$long/steps.csv" -o "$long/long.gemba" --map "60 steps" \
    --demand-per-day 4 > /dev/null
shoot 1600x1000 long-60-serpentine.png --serpentine "$long/long.gemba"
shoot 1600x1000 long-60-serpentine-100.png --zoom 100 --serpentine "$long/long.gemba"

for geometry in 1280x720 1920x1080; do
    shoot "$geometry" "long-60-serpentine-$geometry.png" --serpentine "$long/long.gemba"
    for project in examples/*.gemba; do
        name=$(basename "$project" .gemba)
        shoot "$geometry" "present-$name-$geometry.png" --present "$project"
    done
    shoot "$geometry" "present-long-60-$geometry.png" --present --serpentine "$long/long.gemba"
done
