#!/usr/bin/env bash
# Records Chromium's journeys through the sample shop (sample-site/nextjs-shop) on a real Next.js,
# every variant of the shop, into Tests/BrowserTests/Journeys/next-<version>/:
#
#   .journeys/record-shop.sh 15 [REFERENCE_DIR]     # Next.js 15.2.4 (build.sh)
#   .journeys/record-shop.sh 16 [REFERENCE_DIR]     # Next.js 16.2.1 (build16.sh)
#
# REFERENCE_DIR holds build.sh, build16.sh, start.sh and stop.sh (default: ../shared/reference/nextjs
# beside the repository). Needs node, Playwright for Python and Debian's chromium (record.py says how).
# Each variant is built with the build ID shop<version>-<variant> in a scratch folder, served under
# `next start` on localhost (the shop's proxy redirects name the host it was asked for), recorded,
# and stopped.
set -euo pipefail
VERSION=${1:?usage: record-shop.sh 15|16 [REFERENCE_DIR]}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
REFERENCE=${2:-$REPO/../shared/reference/nextjs}
case "$VERSION" in
  15) BUILD="$REFERENCE/build.sh"; NAME=next-15.2.4 ;;
  16) BUILD="$REFERENCE/build16.sh"; NAME=next-16.2.1 ;;
  *) echo "record-shop.sh: version 15 or 16, not $VERSION" >&2; exit 64 ;;
esac
JOURNEYS="$REPO/Tests/BrowserTests/Journeys/shop.json"
OUT="$REPO/Tests/BrowserTests/Journeys/$NAME"
SCRATCH=${SCRATCH:-$(mktemp -d)}
mkdir -p "$SCRATCH"
mkdir -p "$OUT"
PORT=${PORT:-3460}
for variant in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["variants"]))' "$JOURNEYS"); do
  config=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["variants"][sys.argv[2]]["config"])' "$JOURNEYS" "$variant")
  app="$SCRATCH/app-$variant"
  rm -rf "$app"; cp -r "$REPO/sample-site/nextjs-shop" "$app"
  cp "$REPO/sample-site/nextjs-shop/$config" "$app/next.config.js"
  NEXT_BUILD_ID="shop$VERSION-$variant" "$BUILD" "$app" "$SCRATCH/out-$variant" >/dev/null
  "$REFERENCE/start.sh" "$SCRATCH/out-$variant" "$PORT"
  python3 "$HERE/record.py" "$JOURNEYS" "$OUT" --url "http://localhost:$PORT" --variant "$variant" || status=$?
  "$REFERENCE/stop.sh" "$SCRATCH/out-$variant" "$PORT"
  [ "${status:-0}" = 0 ] || exit "$status"
done
echo "record-shop.sh: recorded into $OUT"
