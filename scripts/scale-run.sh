#!/usr/bin/env bash
# The whole pipeline once at scale, measured stage by stage: generate N SYNTHETIC works (unless
# the corpus is already there), ingest, classify, classify again (from the token cache), analyze
# (both countings, 1,000 draws; the first run decodes every work and keeps the analysis
# snapshot), analyze again (from the snapshot), report. Prints a markdown table: seconds, works/s, MB/s of JSON, peak resident
# memory and the store's size, with the machine's core count and the inflate limit
# (`zcat` of the same corpus) measured in the same run.
#
# Usage: scripts/scale-run.sh [--works N] [--dir DIR] [--keep]
#   --works N   works to generate (default 1000000; 9000000 needs ~25 GB for the corpus and
#               ~20 GB for the store)
#   --dir DIR   folder for the corpus and the store (default bench-data, gitignored)
#   --keep      keep the store afterwards (the corpus is always kept)
# Environment: BENCH_BIN, a techtracker binary (default: a release build of this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

works=1000000
dir=bench-data
keep=0
while (($#)); do
    case $1 in
        --works) works=${2:?--works needs a number}; shift 2 ;;
        --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "scale-run: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $works =~ ^[1-9][0-9]*$ ]] || { echo "scale-run: --works must be a positive whole number" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "scale-run: needs GNU time for peak memory (Debian: time)" >&2; exit 1; }

if [[ -n ${BENCH_BIN:-} ]]; then
    bin=$BENCH_BIN
else
    echo "scale-run: building techtracker (release) …" >&2
    swift build -c release --product techtracker >&2
    bin="$(swift build -c release --show-bin-path)/techtracker"
fi

mkdir -p "$dir"
corpus="$dir/corpus-$works-seed42"
store="$dir/scale-$works.sqlite"
out=$(mktemp -d "${TMPDIR:-/tmp}/techtracker-scale.XXXXXX")
trap 'rm -rf "$out"; ((keep)) || rm -f "$store" "$store-wal" "$store-shm"' EXIT

# measure NAME COMMAND...: output in $out/NAME.txt, "seconds peak-KB" in $out/NAME.time.
measure() {
    local name=$1; shift
    echo "scale-run: $name …" >&2
    /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" > "$out/$name.txt" 2>&1
}

if [[ ! -e $corpus/data/works/manifest ]]; then
    rm -rf "$corpus"
    # No patent-citation file: the folder is ingested whole below, and its .gz would be read as works.
    measure generate "$bin" generate --works "$works" --seed 42 --parts $(((works + 99999) / 100000)) --no-patents \
        --quiet "$corpus"
fi
rm -f "$store" "$store-wal" "$store-shm"
# The inflate limit: zlib (through Python's gzip module, 1 MB reads) on one core, on a sample of
# up to 5 parts (a rate: the whole corpus would take minutes).
sample=$(find "$corpus/data/works" -name '*.gz' | sort | head -5)
measure inflate python3 -c '
import gzip, sys
total = 0
for path in sys.argv[1:]:
    with gzip.open(path, "rb") as part:
        while chunk := part.read(1 << 20):
            total += len(chunk)
print(total)' $sample
measure ingest "$bin" ingest --quiet --store "$store" "$corpus"
measure classify "$bin" classify --quiet --store "$store"
# Again, as after a query edit: every work matched from the token cache the first run kept.
measure classify-again "$bin" classify --quiet --store "$store"
measure analyze "$bin" analyze --quiet --store "$store"
measure analyze-again "$bin" analyze --quiet --store "$store"
measure report "$bin" report --store "$store"
store_bytes=$(stat -c %s "$store")

python3 - "$out" "$works" "$(nproc)" "$store_bytes" "$(date -u +%Y-%m-%d)" <<'PYTHON'
import os, re, sys
out, works, cores, store_bytes, day = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]

def timing(name):
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None
    seconds, kilobytes = open(path).read().split()[-2:]
    return float(seconds), int(kilobytes) * 1024

sample_bytes = int(open(os.path.join(out, "inflate.txt")).read().split()[-1])
# The JSON read by ingest, from its summary line ("N file(s), X MB of text in …").
match = re.search(r"([\d.]+) MB of text", open(os.path.join(out, "ingest.txt")).read())
json_bytes = float(match.group(1)) * 1e6 if match else 0
print(f"`scripts/scale-run.sh --works {works}` on {day}: release build, {cores} cores, "
      f"{works:,} SYNTHETIC works, {json_bytes / 1e9:.1f} GB of JSON in .gz parts; "
      f"store {store_bytes / 1e9:.2f} GB ({store_bytes / works:,.0f} bytes per work).\n")
print("| stage | seconds | works/s | MB/s of JSON | peak memory (GB) | peak bytes per work |")
print("|---|---|---|---|---|---|")
labels = [("generate", "generate (not part of the pipeline)"), ("inflate", "inflate only (zlib, one core, 5 parts: the limit of one `.gz` reader)"),
          ("ingest", "ingest"), ("classify", "classify (74 technologies; cuts every text, keeps the token cache)"),
          ("classify-again", "classify again (from the token cache, as after a query edit)"),
          ("analyze", "analyze (both countings, 1,000 draws; decodes every work, keeps the snapshot)"),
          ("analyze-again", "analyze again (from the snapshot)"), ("report", "report")]
total = 0.0
for name, label in labels:
    measured = timing(name)
    if not measured:
        continue
    seconds, peak = measured
    rate = f"{works / seconds:,.0f}" if name not in ("report", "inflate", "generate") else ""
    mbs = {"inflate": f"{sample_bytes / 1e6 / seconds:,.0f}",
           "ingest": f"{json_bytes / 1e6 / seconds:,.0f}"}.get(name, "")
    print(f"| {label} | {seconds:,.1f} | {rate} | {mbs} | {peak / 1e9:.2f} | {peak / works:,.0f} |")
    if name in ("ingest", "classify", "analyze"):
        total += seconds
print(f"| **ingest + classify + analyze** | **{total:,.1f}** ({total / 60:.1f} min) | {works / total:,.0f} | | | |")
# The stages' own lines: classify's matching rate, analyze's load / compute / store split.
print()
for name in ("classify", "classify-again", "analyze", "analyze-again"):
    path = os.path.join(out, name + ".txt")
    for line in open(path).read().splitlines() if os.path.exists(path) else []:
        if line.startswith("Classified") or "analysed" in line:
            print(f"- `{name}`: {line.strip()}")
PYTHON
