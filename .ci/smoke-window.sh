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

prefix=smoke
source .ci/xvfb.sh
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  stop_xvfb
  rm -rf "$home"
}
trap cleanup EXIT
start_xvfb "$out"

# The sample board with a screenshot attached from the command line, as a user at the booth would.
"$bin" new "$board" --sample
convert -size 1920x1080 gradient:'#1d3557-#457b9d' -fill white -pointsize 90 -gravity center \
  -annotate 0 'Ballerina: sequence diagrams from code' "$out/ballerina-slide.png"
"$bin" attach "$board" --card Ballerina "$out/ballerina-slide.png"

# The frame probe prints a line per frame, to check that the window draws nothing at rest.
launch app env BOOTHBOARD_FRAME_PROBE=1 "$bin"
# The window opens as "Boothboard"; the app names it after the board in its first frames.
for _ in $(seq 1 40); do
  title=$(xdotool getwindowname "$window")
  case "$title" in *"KubeCon + CloudNativeCon North America 2018"*) break ;; esac
  sleep 0.25
done
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

frames_before=$(grep -c '^frame ' "$out/app.log" || true)
sleep 3
frames_at_rest=$(( $(grep -c '^frame ' "$out/app.log" || true) - frames_before ))
echo "smoke: $frames_at_rest frames drawn in 3 s at rest (after $frames_before)"
[ "$frames_at_rest" -eq 0 ] || { echo "smoke: the window keeps repainting while nothing changes"; exit 1; }

quit_with_ctrl_q "the app"
echo "smoke: the app quit on Ctrl+Q with status 0"
"$bin" check "$board"
[ -f "$home/window/window.ron" ] || { echo "smoke: window size and position were not saved"; exit 1; }

# Data safety with real processes in a real window: one writer at a time; SIGTERM and SIGINT
# save the last edit before quitting.
launch first "$bin" "$board"
first=("$app_pid" "$app_log" "$window")
if "$bin" add-card "$board" --title "Second writer" 2>"$out/add-card.err"; then
  echo "smoke: add-card wrote a board that is open in the app"; exit 1
fi
grep -q "open in another Boothboard" "$out/add-card.err" || { cat "$out/add-card.err"; exit 1; }
before=$(sha256sum "$board")
launch second "$bin" "$board"
sleep 2
grep -q "this window is read only" "$out/second.log" || { echo "smoke: no read-only notice"; cat "$out/second.log"; exit 1; }
import -window root "$out/read-only.png"
kill -TERM "$app_pid"
wait_for_exit second
[ "$(sha256sum "$board")" = "$before" ] || { echo "smoke: the read-only window wrote the board"; exit 1; }
echo "smoke: a second Boothboard opened read only (see $out/read-only.png) and add-card refused"
app_pid=${first[0]} app_log=${first[1]} window=${first[2]}

for signal in TERM INT; do
  [ -n "$app_pid" ] || launch "sig$signal" "$bin" "$board"
  xdotool windowfocus "$window" 2>/dev/null || true
  # At the end of the board title, then the signal well within the autosave's quiet period.
  xdotool mousemove --window "$window" 640 16 click 1
  sleep 0.3
  xdotool key End
  xdotool type --delay 20 " sig$signal"
  sleep 0.1
  kill -"$signal" "$app_pid"
  wait_for_exit "the app after SIG$signal"
  grep -q "SIG$signal: saving and quitting" "$app_log" || { echo "smoke: no word of SIG$signal"; cat "$app_log"; exit 1; }
  grep -q "sig$signal\"" "$board" || { echo "smoke: the edit typed before SIG$signal was not saved"; exit 1; }
  "$bin" check "$board"
  echo "smoke: SIG$signal saved the last edit and quit"
done
# A machine whose fontconfig lists no fonts (egui's system font provider panics there): the app
# starts, draws a card whose glyphs none of its own fonts has, and quits cleanly, with no crash.
fonts_dir=$(realpath "$out") # fontconfig reads a relative FONTCONFIG_FILE from its own folder
cat >"$fonts_dir/no-fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$fonts_dir/no-fonts-cache</cachedir></fontconfig>
CONF
"$bin" add-card "$board" --title "Rare glyphs ⌬ 𝔅 🀄"
export FONTCONFIG_FILE="$fonts_dir/no-fonts.conf"
launch no-fonts "$bin" "$board"
unset FONTCONFIG_FILE
sleep 3
import -window root "$out/no-fonts.png"
colors=$(identify -format '%k' "$out/no-fonts.png")
[ "$colors" -gt 100 ] || { echo "smoke: the window without system fonts is blank"; exit 1; }
grep -q "the system's fonts can't be used" "$home/logs/boothboard.log" || { echo "smoke: the fonts were never missed"; exit 1; }
quit_with_ctrl_q "the app without system fonts"
if ls "$home/crash-reports"/crash-* >/dev/null 2>&1; then echo "smoke: a crash report was written"; ls "$home/crash-reports"; exit 1; fi
echo "smoke: without system fonts the app started, drew (see $out/no-fonts.png) and quit"
# The window in Chinese, as on a system set to it: Chinese words, the Chinese sample board on a
# first launch, and Chinese typed into a card's notes (xdotool types each character through a
# keycode it maps for it, as an input method commits text) reaching the board file.
zh_home="$home/zh"
zh_board="$zh_home/boards/kubecon-2018.json"
launch chinese env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 BOOTHBOARD_HOME="$zh_home" "$bin"
for _ in $(seq 1 40); do
  title=$(xdotool getwindowname "$window")
  case "$title" in *"北美 2018"*) break ;; esac
  sleep 0.25
done
case "$title" in *"北美 2018"*) echo "smoke: window \"$title\"" ;; *) echo "smoke: not the Chinese sample board: $title"; exit 1 ;; esac
sleep 2
xdotool windowfocus "$window" 2>/dev/null || true
xdotool mousemove --window "$window" 580 103 click 1 # the TiDB card: its editor opens
sleep 0.5
xdotool mousemove --window "$window" 1227 371 click 1 # 编辑笔记 (Edit notes)
sleep 0.5
xdotool mousemove --window "$window" 1150 580 click 1
sleep 0.3
xdotool key ctrl+End
typed="展台上的演示很精彩"
# A character at a time, slowly enough that the app has read each new key mapping.
xdotool type --delay 150 " $typed"
xdotool mousemove --window "$window" 1270 790
for _ in $(seq 1 40); do grep -q "$typed" "$zh_board" 2>/dev/null && break; sleep 0.25; done
import -window root "$out/chinese.png"
grep -q "$typed" "$zh_board" || { echo "smoke: the Chinese typed into the notes is not in $zh_board (see $out/chinese.png)"; exit 1; }
quit_with_ctrl_q "the app in Chinese"
"$bin" check "$zh_board"
echo "smoke: the window spoke Chinese, made the Chinese sample board, and kept the Chinese typed into its notes (see $out/chinese.png)"
echo "smoke: ok"
