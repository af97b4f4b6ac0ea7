#!/usr/bin/env bash
# Renders the icon's PNGs from boothboard.svg (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed, so building Boothboard does not need this.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" boothboard.svg --output "boothboard-$size.png"
done
