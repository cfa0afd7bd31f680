#!/usr/bin/env bash
# The explorer's frame times and memory with a 10 MB props payload (README, Performance):
# serves .bench/big-props-site.py, runs the release explorer against it in tmux with
# --frame-log, opens /big as a client transition, then folds, unfolds, scrolls, searches (props
# and HTML), wraps and resizes, and prints the slowest frames, the first frame's time and the
# largest resident memory. Then the sample site in-process: /archive opened (Enter to props) and
# its HTML searched.
#
#     swift build -c release --product explorer && .bench/ui-frames.sh
set -euo pipefail
cd "$(dirname "$0")/.."
explorer=${EXPLORER:-.build/release/explorer}
port=${PORT:-3999}
log=$(mktemp /tmp/explorer-frames.XXXXXX)
session=explorer-frames-$$
python3 .bench/big-props-site.py "$port" >/dev/null &
site=$!
trap 'tmux kill-session -t "$session" 2>/dev/null || true; kill $site 2>/dev/null || true; rm -f "$log"' EXIT
until curl -sf "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done

started=$(date +%s%N)
tmux new-session -d -s "$session" -x 200 -y 50 "$explorer --url http://127.0.0.1:$port --frame-log $log"
until [ -s "$log" ]; do sleep 0.01; done
first=$(( ($(date +%s%N) - started) / 1000000 ))

keys() { for key in "$@"; do tmux send-keys -t "$session" "$key"; sleep 0.15; done; }
wait_for() { until tmux capture-pane -p -t "$session" | grep -q "$1"; do sleep 0.2; done; }
wait_for "/big"
keys g / b i g Enter
wait_for "generatedFor"
sleep 1
keys Tab e x e x + + - - Enter Space
for _ in $(seq 30); do keys j; done
keys NPage NPage NPage End Home
keys / T o k y o Enter n n N
keys z NPage NPage z s Escape
keys g / b i g Tab Enter
wait_for "text/html"
keys 2 w / T o k y o Enter n w
sleep 1
tmux resize-window -t "$session" -x 120 -y 40; sleep 0.5
tmux resize-window -t "$session" -x 80 -y 24; sleep 0.5
tmux resize-window -t "$session" -x 200 -y 50; sleep 0.5
keys q
sleep 0.5

echo "first frame on screen ${first} ms after launch (tmux polling included)"
awk '/key enter/ { enter = $15 } /results$/ && enter { printf "opening /big: %.0f ms from Enter to the props on screen (fetch, parse, prepare; the UI stays live)\n", $15 - enter; exit }' "$log"
echo "frames: $(wc -l < "$log"); slower than 50 ms: $(awk '$1 > 50' "$log" | wc -l)"
echo "largest resident memory: $(awk '{ for (i = 1; i <= NF; i++) if ($i == "rss") print $(i + 1) }' "$log" | sort -n | tail -1) MB"
echo "slowest frames:"
sort -rn "$log" | head -5 | sed 's/^/  /'

# /archive (1.5 MB of HTML) in-process: its HTML view searched, as a user does.
: > "$log"
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 160 -y 45 "$explorer --frame-log $log"
wait_for "/posts/"
keys g / a r c h i v e Enter
wait_for "archive.json"
sleep 0.5
awk '/key enter/ { enter = $15 } /results$/ && enter { printf "opening /archive: %.0f ms from Enter to the props on screen (in-process: the engine, the client render, prepare)\n", $15 - enter; exit }' "$log"
keys 2 / p a r t Space 9 9 9 9 Enter
wait_for "/part 9999 1/"
keys n N w / R o u t i n g Enter q
sleep 0.5
echo "/archive, its HTML searched: frames $(wc -l < "$log"); slower than 50 ms: $(awk '$1 > 50' "$log" | wc -l); slowest:"
sort -rn "$log" | head -3 | sed 's/^/  /'
