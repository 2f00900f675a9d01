#!/usr/bin/env bash
# The dashboard in a real browser: builds a small demo store, writes the HTML report, starts
# `techtracker serve` on it, loads the overview, a technology page and a country page in headless
# Chromium (Debian's `chromium`, installed by .ci/run when missing), and fails when a page lacks
# its headline or charts, when a bad parameter is not a 400 or 404, or when the report does not
# hold every technology. Screenshots are left in the output folder.
#   scripts/browser-check.sh BIN [OUT_DIR]
set -euo pipefail
bin="$1"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
command -v chromium >/dev/null || { echo "browser-check: needs chromium (Debian: apt-get install chromium)" >&2; exit 1; }

echo "== browser check: demo store in $out"
"$bin" demo --works 3000 --dir "$out/demo" --quiet >"$out/demo.txt" 2>&1
store="$out/demo/techtracker.sqlite"

"$bin" report --html "$out/report.html" --store "$store"
technologies=$(grep -o 'id="technology-[^"]*"' "$out/report.html" | sort -u | wc -l)
[[ $technologies -eq 74 ]] || { echo "browser-check: the report holds $technologies technologies, not 74" >&2; exit 1; }
if grep -Eq '(src|href)="https?://' "$out/report.html"; then
    echo "browser-check: the report makes external requests" >&2
    exit 1
fi
echo "report.html: 74 technologies, no external requests"

port=$((20000 + RANDOM % 20000))
"$bin" serve --store "$store" --port "$port" >"$out/serve.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    curl -fsS "$base/api/selection" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$base/api/selection" >/dev/null

technology=$(curl -fsS "$base/api/technologies" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
# The country that leads the most technologies: the page with the most to show.
country=$(curl -fsS "$base/api/headline" | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin)["rows"] if r.get("unit_type") == "country"]
print(max(rows, key=lambda r: (r["technologies_led"], r["country"]))["country"])')

page() { # NAME PATH MIN_SVG TEXT
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --dump-dom "$base$2" \
        >"$out/$1.html" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
        --window-size=1280,2400 --screenshot="$out/$1.png" "$base$2" >/dev/null 2>&1
    local charts
    charts=$(grep -o '<svg' "$out/$1.html" | wc -l)
    if [[ $charts -lt $3 ]] || ! grep -q "$4" "$out/$1.html"; then
        echo "browser-check: $2 rendered $charts chart(s) (want $3) or lacks \"$4\"" >&2
        exit 1
    fi
    echo "$2: $charts charts, \"$4\" present, screenshot $out/$1.png"
}
page overview / 1 "leads"
page technology "/technology/$technology" 2 "SYNTHETIC DATA"
page country "/country/$country" 1 "SYNTHETIC DATA"

status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
[[ $(status "/technology/no-such-technology") == 404 ]]
[[ $(status "/country/ZZ") == 404 ]]
[[ $(status "/?window=abc") == 400 ]]
[[ $(status "/?counting=median") == 400 ]]
echo "bad parameters: 404 and 400 as they should"
echo "browser-check: all pages rendered"
