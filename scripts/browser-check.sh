#!/usr/bin/env bash
# The dashboard in a real browser: builds a small demo store, writes the HTML report, starts
# `techtracker serve` on it, loads the overview, a technology page and a country page in headless
# Chromium (Debian's `chromium`, installed by .ci/run when missing), fetches every technology and
# country page, prints the report to PDF, and fails when a page lacks its headline or charts,
# when the report does not hold every technology or does not print on A4 pages, or when a bad
# parameter is not a 400 or 404. With patent-citation figures in the store it checks their parts
# of the pages and the report; without, that no page mentions patents. Screenshots and the PDF are
# left in the output folder. STORE checks an analysed store of the 74 technologies instead of the demo's.
#   scripts/browser-check.sh BIN [OUT_DIR [STORE]]
set -euo pipefail
bin="$1"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
command -v chromium >/dev/null || { echo "browser-check: needs chromium (Debian: apt-get install chromium)" >&2; exit 1; }

if [[ -n "${3:-}" ]]; then
    store="$3"
    echo "== browser check: $store, output in $out"
else
    echo "== browser check: demo store in $out"
    "$bin" demo --works 3000 --dir "$out/demo" --quiet >"$out/demo.txt" 2>&1
    store="$out/demo/techtracker.sqlite"
fi

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

# Figures by patent citations (METHOD §10): with patent data, the overview has the headline by
# patent-cited share and the column of its leader, a technology page its patent section and
# charts (and their CSV), the report the headline; without it, no page mentions patents.
if curl -fsS "$base/api/settings" | python3 -c 'import json,sys; sys.exit(0 if "patents" in json.load(sys.stdin) else 1)'; then
    for needle in "By patent-cited share" "leader by patent-cited share"; do
        grep -q "$needle" "$out/overview.html" || { echo "browser-check: the overview lacks \"$needle\"" >&2; exit 1; }
    done
    grep -q "<h2>Patent citations</h2>" "$out/technology.html" \
        || { echo "browser-check: /technology/$technology has no patent section" >&2; exit 1; }
    [[ $(grep -o '<svg' "$out/technology.html" | wc -l) -ge 4 ]] \
        || { echo "browser-check: /technology/$technology lacks its patent charts" >&2; exit 1; }
    curl -fsS "$base/csv/patent-shares?subject=$technology" | grep -q '^country,rank,patent_cited_share,' \
        || { echo "browser-check: /csv/patent-shares does not answer" >&2; exit 1; }
    grep -q "By patent-cited share" "$out/report.html" \
        || { echo "browser-check: the report lacks the headline by patent-cited share" >&2; exit 1; }
    echo "patent figures: headline, leader column, technology charts, CSV and report present"
else
    if grep -qi "patent" "$out/overview.html" "$out/technology.html" "$out/country.html" "$out/report.html"; then
        echo "browser-check: a page mentions patents without patent data" >&2
        exit 1
    fi
    echo "no patent data: no page mentions patents"
fi

# Every technology's and every country's (and group's) page answers, with its charts.
pages=0
for id in $(curl -fsS "$base/api/technologies" | python3 -c 'import json,sys; print(" ".join(t["id"] for t in json.load(sys.stdin)))'); do
    curl -fsS "$base/technology/$id" | grep -q '<svg' || { echo "browser-check: /technology/$id has no chart" >&2; exit 1; }
    pages=$((pages + 1))
done
for code in $(curl -fsS "$base/api/headline" | python3 -c '
import json, sys, urllib.parse
print(" ".join(urllib.parse.quote(r["country"]) for r in json.load(sys.stdin)["rows"]))'); do
    curl -fsS "$base/country/$code" | grep -q '<svg' || { echo "browser-check: /country/$code has no chart" >&2; exit 1; }
    pages=$((pages + 1))
done
echo "every technology and country page: $pages pages with their charts"

# The report printed as the browser prints it: A4 pages, one section per technology at least.
chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-pdf-header-footer \
    --print-to-pdf="$out/report.pdf" "file://$(cd "$out" && pwd)/report.html" >/dev/null 2>&1
python3 - "$out/report.pdf" <<'PYTHON'
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
sizes = set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf))
a4 = all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in (s.split()[2:4] for s in sizes))
if pages < 74 or not a4:
    sys.exit(f"browser-check: the printed report has {pages} pages, sizes {sizes}")
print(f"report.pdf: {pages} A4 pages")
PYTHON

status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
[[ $(status "/technology/no-such-technology") == 404 ]]
[[ $(status "/country/ZZ") == 404 ]]
[[ $(status "/?window=abc") == 400 ]]
[[ $(status "/?counting=median") == 400 ]]
echo "bad parameters: 404 and 400 as they should"
echo "browser-check: all pages rendered"
