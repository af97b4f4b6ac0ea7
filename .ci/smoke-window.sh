#!/usr/bin/env bash
# Real-window smoke test: the release binary under Xvfb on a fresh home, a screenshot that is
# not blank, the sample board written and valid, then Ctrl+Q as a user would, and exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=target/release/boothboard
out=target/smoke
mkdir -p "$out"
home=$(mktemp -d)
export BOOTHBOARD_HOME="$home"
board="$home/boards/kubecon-2018.json"

display=:97
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

# The sample board with a screenshot attached from the command line, as a user at the booth would.
"$bin" new "$board" --sample
convert -size 1920x1080 gradient:'#1d3557-#457b9d' -fill white -pointsize 90 -gravity center \
  -annotate 0 'Ballerina: sequence diagrams from code' "$out/ballerina-slide.png"
"$bin" attach "$board" --card Ballerina "$out/ballerina-slide.png"

"$bin" >"$out/app.log" 2>&1 &
app_pid=$!

window=
for _ in $(seq 1 120); do
  window=$(xdotool search --name "Boothboard" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "smoke: the app exited before opening a window"; cat "$out/app.log"; exit 1; }
  sleep 0.5
done
[ -n "$window" ] || { echo "smoke: no window within 60 s"; cat "$out/app.log"; exit 1; }
title=$(xdotool getwindowname "$window")
echo "smoke: window \"$title\""
case "$title" in *"KubeCon + CloudNativeCon North America 2018"*) ;; *) echo "smoke: unexpected title"; exit 1 ;; esac
sleep 3 # let thumbnails arrive

import -window root "$out/window.png"
colors=$(identify -format '%k' "$out/window.png")
echo "smoke: screenshot $out/window.png has $colors colours"
[ "$colors" -gt 100 ] || { echo "smoke: the screenshot is blank"; exit 1; }

[ -f "$board" ] || { echo "smoke: $board was not written"; exit 1; }
"$bin" check "$board"
thumbnails=$(find "$home/thumbnails" -name '*.png' 2>/dev/null | wc -l)
echo "smoke: $thumbnails thumbnails cached on disk"
[ "$thumbnails" -ge 3 ] || { echo "smoke: the three card covers were not made into thumbnails"; exit 1; }

xdotool windowfocus "$window" 2>/dev/null || true
sleep 0.3
xdotool key ctrl+q
status=0
for _ in $(seq 1 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$app_pid" 2>/dev/null; then echo "smoke: Ctrl+Q did not quit the app"; exit 1; fi
wait "$app_pid" || status=$?
app_pid=
echo "smoke: the app exited with status $status"
[ "$status" -eq 0 ] || { cat "$out/app.log"; exit 1; }
"$bin" check "$board"
[ -f "$home/window/window.ron" ] || { echo "smoke: window size and position were not saved"; exit 1; }
echo "smoke: ok"
