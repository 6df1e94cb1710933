#!/usr/bin/env bash
# Opens a gmm report (gmm demo / gmm experiment output) in headless Chromium, checks that every
# <img> loaded (complete, naturalWidth > 0) and takes a screenshot. Not part of CI: it needs
# Debian's chromium (apt-get install -y chromium).
#   usage: check-report-in-chromium.sh REPORT_DIR [SCREENSHOT.png]
set -euo pipefail
DIR="$(cd "${1:?usage: $0 REPORT_DIR [SCREENSHOT.png]}" && pwd)"
SHOT="${2:-$DIR/screenshot.png}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[[ -x "$CHROMIUM" ]] || { echo "check-report: no chromium; apt-get install -y chromium" >&2; exit 1; }
[[ -f "$DIR/index.html" ]] || { echo "check-report: $DIR/index.html does not exist" >&2; exit 1; }

FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync)
PROFILE="$(mktemp -d)"
PROBE="$DIR/.image-check.html"
trap 'rm -rf "$PROFILE" "$PROBE"' EXIT

# A copy of the page (same folder, so relative image paths resolve) that lists every image's state once loaded.
sed 's#</body>#<script>addEventListener("load",()=>{const p=document.createElement("pre");p.id="image-check";p.textContent=JSON.stringify([...document.images].map(i=>({src:i.getAttribute("src"),complete:i.complete,width:i.naturalWidth})));document.body.appendChild(p);});</script></body>#' \
  "$DIR/index.html" > "$PROBE"
"$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$PROFILE" --virtual-time-budget=20000 --dump-dom "file://$PROBE" 2>/dev/null \
  | sed -n 's#.*<pre id="image-check">\(.*\)</pre>.*#\1#p' \
  | python3 -c '
import html, json, sys
text = sys.stdin.read().strip()
if not text:
    sys.exit("check-report: the page did not finish loading in Chromium")
images = json.loads(html.unescape(text))
broken = [i["src"] for i in images if not i["complete"] or i["width"] == 0]
print(f"{len(images)} images on the page, {len(images) - len(broken)} loaded")
if broken:
    sys.exit("not loaded: " + ", ".join(broken))
'
"$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$PROFILE" --screenshot="$SHOT" --window-size=1400,3000 "file://$DIR/index.html" 2>/dev/null
echo "screenshot: $SHOT"
