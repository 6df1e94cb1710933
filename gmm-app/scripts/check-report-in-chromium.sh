#!/usr/bin/env bash
# Opens a gmm report (gmm demo / gmm experiment output) in headless Chromium and fails when
#   - any <img> did not load (not complete, or naturalWidth 0), or
#   - any text overflows its box (an element whose content is wider or taller than the element and
#     not meant to scroll), or the page is wider than the window;
# then screenshots the WHOLE page (the window is made as tall as the page). Needs Debian's chromium
# (apt-get install -y chromium).
#   usage: check-report-in-chromium.sh REPORT_DIR [SCREENSHOT.png]
set -euo pipefail
DIR="$(cd "${1:?usage: $0 REPORT_DIR [SCREENSHOT.png]}" && pwd)"
SHOT="${2:-$DIR/screenshot.png}"
WIDTH=1400
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[[ -x "$CHROMIUM" ]] || { echo "check-report: no chromium; apt-get install -y chromium" >&2; exit 1; }
[[ -f "$DIR/index.html" ]] || { echo "check-report: $DIR/index.html does not exist" >&2; exit 1; }

FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars)
PROFILE="$(mktemp -d)"
PROBE="$DIR/.report-check.html"
trap 'rm -rf "$PROFILE" "$PROBE"' EXIT

# A copy of the page (same folder, so relative image paths resolve) that, once loaded, writes what it
# found into a <pre>: every image's state, every box whose text overflows, and the page's size.
cat > "$PROFILE/probe.js" <<'JS'
addEventListener("load", () => {
  const images = [...document.images].map(i => ({src: i.getAttribute("src"), complete: i.complete, width: i.naturalWidth}));
  const overflowing = [];
  for (const el of document.querySelectorAll("h1,h2,h3,p,li,td,th,caption,figcaption,summary,code,a,nav,main,section,figure")) {
    const style = getComputedStyle(el);
    const scrolls = v => v === "auto" || v === "scroll";
    const wide = el.scrollWidth > el.clientWidth + 1 && !scrolls(style.overflowX);
    const tall = el.scrollHeight > el.clientHeight + 1 && !scrolls(style.overflowY) && style.display !== "inline";
    if (el.clientWidth > 0 && (wide || tall)) {
      overflowing.push(el.tagName.toLowerCase() + ": " + el.textContent.trim().slice(0, 60));
    }
  }
  const page = {width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
                window: innerWidth};
  const p = document.createElement("pre");
  p.id = "report-check";
  p.textContent = JSON.stringify({images, overflowing, page});
  document.body.appendChild(p);
});
JS
sed "s#</body>#<script>$(tr '\n' ' ' < "$PROFILE/probe.js" | sed 's/[#&]/\\&/g')</script></body>#" "$DIR/index.html" > "$PROBE"
REPORT="$("$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$PROFILE" --window-size=$WIDTH,1000 --virtual-time-budget=20000 \
  --dump-dom "file://$PROBE" 2>/dev/null | sed -n 's#.*<pre id="report-check">\(.*\)</pre>.*#\1#p')"
HEIGHT="$(printf '%s' "$REPORT" | python3 -c '
import html, json, sys
text = sys.stdin.read().strip()
if not text:
    sys.exit("check-report: the page did not finish loading in Chromium")
found = json.loads(html.unescape(text))
images, overflowing, page = found["images"], found["overflowing"], found["page"]
width, height, window = page["width"], page["height"], page["window"]
broken = [i["src"] for i in images if not i["complete"] or i["width"] == 0]
print(f"{len(images)} images on the page, {len(images) - len(broken)} loaded; "
      f"{len(overflowing)} boxes with overflowing text; page {width}x{height} px", file=sys.stderr)
problems = []
if broken:
    problems.append("images not loaded: " + ", ".join(broken))
if overflowing:
    problems.append("text overflows its box: " + " | ".join(overflowing[:10]))
if width > window + 1:
    problems.append(f"the page is {width} px wide in a {window} px window")
if problems:
    sys.exit("check-report: " + "; ".join(problems))
print(height)
')"
"$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$PROFILE" --screenshot="$SHOT" --window-size=$WIDTH,"$HEIGHT" \
  --virtual-time-budget=20000 "file://$DIR/index.html" 2>/dev/null
echo "screenshot of the whole page ($WIDTH x $HEIGHT): $SHOT"
