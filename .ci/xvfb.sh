# Sourced by the real-window scripts: start_xvfb OUT starts a private Xvfb, logging into OUT, and
# exports DISPLAY; stop_xvfb ends it; launch, wait_for_exit and quit_with_ctrl_q run an app in it.
# The sourcing script sets `out` (a folder for logs) and `prefix` (the word its lines start with).
#
# Xvfb picks a free display and writes its number once it accepts connections, so no app starts
# before the server is ready. -noreset: by default the server resets when its last client leaves
# (xdpyinfo, the first window), and a window opening during that reset fails to connect.
start_xvfb() {
  local out=$1 display_file="$1/xvfb.display"
  rm -f "$display_file"
  Xvfb -displayfd 3 -noreset -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" >"$out/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 150); do [ -s "$display_file" ] && break; sleep 0.2; done
  [ -s "$display_file" ] || { echo "Xvfb did not start within 30 s"; cat "$out/xvfb.log"; return 1; }
  export DISPLAY=":$(tr -d '[:space:]' <"$display_file")"
  xdpyinfo >/dev/null || { echo "Xvfb on $DISPLAY does not answer"; cat "$out/xvfb.log"; return 1; }
  echo "Xvfb on $DISPLAY"
}

stop_xvfb() {
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
}

launch() { # launch NAME PROGRAM [ARG...]: starts PROGRAM, sets app_pid, app_log and window (its first window)
  local name=$1
  shift
  app_log="$out/$name.log"
  "$@" >"$app_log" 2>&1 &
  app_pid=$!
  window=
  for _ in $(seq 1 120); do
    window=$(xdotool search --pid "$app_pid" --name "Boothboard" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "$prefix: $name exited early"; cat "$app_log"; exit 1; }
    sleep 0.5
  done
  echo "$prefix: $name opened no window"; exit 1
}

wait_for_exit() { # wait_for_exit NAME: the app must exit by itself with status 0
  for _ in $(seq 1 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$app_pid" 2>/dev/null; then echo "$prefix: $1 did not quit"; exit 1; fi
  local status=0
  wait "$app_pid" || status=$?
  app_pid=
  [ "$status" -eq 0 ] || { echo "$prefix: $1 exited with status $status"; cat "$app_log"; exit 1; }
}

quit_with_ctrl_q() { # quit_with_ctrl_q NAME: Ctrl+Q in the app's window, as a user quits
  xdotool windowfocus "$window" 2>/dev/null || true
  sleep 0.3
  xdotool key ctrl+q
  wait_for_exit "$1"
}
