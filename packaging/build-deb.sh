#!/usr/bin/env bash
# Builds the Debian package, target/debian/boothboard_VERSION_ARCH.deb, from the release build
# (building it if needed); installs cargo-deb first when it is missing. Prints the package's path.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deb --version >/dev/null 2>&1; then
  echo "build-deb: installing cargo-deb" >&2
  cargo install cargo-deb --locked --version "^3" >&2
fi
cargo build --release >&2
cargo deb --no-build --output target/debian/ >&2
ls -t target/debian/boothboard_*.deb | head -n 1
