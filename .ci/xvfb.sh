# Sourced by the real-window scripts: start_xvfb OUT starts a private Xvfb, logging into OUT, and
# exports DISPLAY; stop_xvfb ends it.
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
