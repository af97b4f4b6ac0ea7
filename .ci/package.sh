#!/usr/bin/env bash
# The desktop package as a user gets it: the .desktop and metainfo files validate, the .deb is
# built from the release build, installed with apt, /usr/bin/boothboard opens a window under
# Xvfb with its icon and app id set, quits on Ctrl+Q, and the package is removed again.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/package-test
mkdir -p "$out"
desktop-file-validate packaging/linux/io.github.boothboard.Boothboard.desktop
appstreamcli validate --no-net packaging/linux/io.github.boothboard.Boothboard.metainfo.xml
deb=$(bash packaging/build-deb.sh)
echo "package: $deb, $(du -k "$deb" | cut -f1) KiB"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
echo "package: installed, $(dpkg-query -W -f='${Installed-Size}' boothboard) KiB on disk"

home=$(mktemp -d)
prefix=package
source .ci/xvfb.sh
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  stop_xvfb
  rm -rf "$home"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq boothboard >/dev/null 2>&1 || true
}
trap cleanup EXIT
start_xvfb "$out"

for file in /usr/share/applications/io.github.boothboard.Boothboard.desktop \
  /usr/share/metainfo/io.github.boothboard.Boothboard.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/io.github.boothboard.Boothboard.png \
  /usr/share/icons/hicolor/scalable/apps/io.github.boothboard.Boothboard.svg \
  /usr/share/doc/boothboard/copyright; do
  [ -f "$file" ] || { echo "package: $file is missing"; exit 1; }
done

export BOOTHBOARD_HOME="$home"
launch installed /usr/bin/boothboard
icon=$(xprop -id "$window" -len 12 -f _NET_WM_ICON 32c _NET_WM_ICON)
echo "package: $icon"
case "$icon" in *"_NET_WM_ICON(CARDINAL) = 256, 256"*) ;; *) echo "package: the window has no icon"; exit 1 ;; esac
class=$(xprop -id "$window" WM_CLASS)
echo "package: $class"
case "$class" in *io.github.boothboard.Boothboard*) ;; *) echo "package: the window class is not the app id"; exit 1 ;; esac
sleep 1
import -window root "$out/installed.png"

quit_with_ctrl_q "the installed app"
/usr/bin/boothboard check "$home/boards/kubecon-2018.json"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq boothboard >/dev/null
[ ! -e /usr/bin/boothboard ] || { echo "package: /usr/bin/boothboard is still there after removal"; exit 1; }
echo "package: ok"
