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

# A generated stream of 60 steps (a CSV step table imported by gemba-cli), wrapped as a
# serpentine, at fit; and presentation mode at 1280x720 and 1920x1080.
long="$(mktemp -d)"
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
run --screenshot "$out/long-60-serpentine.png" --size 1600x1000 --serpentine "$long/long.gemba"
echo "$out/long-60-serpentine.png"
present() {
    if [ -n "${DISPLAY:-}" ]; then
        "$build/bin/gemba" "$@"
    else
        xvfb-run -a -s "-screen 0 ${geometry}x24" "$build/bin/gemba" "$@"
    fi
}
for geometry in 1280x720 1920x1080; do
    present --screenshot "$out/present-office-$geometry.png" --size "$geometry" --present \
        examples/office-order-to-cash.gemba
    echo "$out/present-office-$geometry.png"
    present --screenshot "$out/present-long-60-$geometry.png" --size "$geometry" --present \
        --serpentine "$long/long.gemba"
    echo "$out/present-long-60-$geometry.png"
done
rm -rf "$long"
