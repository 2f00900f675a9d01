#!/usr/bin/env bash
# Measures TechTracker on this machine and prints the README's performance tables (markdown),
# every figure from this one run: generation, inflate (zlib, the limit of any .gz reader),
# JSON scanning, ingest, Web of Science export reading, classify and analyze on a generated
# SYNTHETIC corpus (through
# `techtracker generate` and `techtracker bench`), the peak memory of each command, and the
# micro-benchmarks of the hot paths (the Benchmarks/ package).
#
# Usage: scripts/bench.sh [--works N] [--dir DIR] [--no-micro]
#   --works N    works in the corpus (default 100000; the corpus and store grow with N:
#                about 14 KB of JSON and 4 KB of store per work)
#   --dir DIR    folder for the corpus and the benchmark store (default bench-data, gitignored);
#                a corpus already there for the same N is reused (and its generation not timed)
#   --no-micro   leave out the micro-benchmarks (their build takes a few minutes the first time)
# Environment: BENCH_BIN, a techtracker binary to measure (default: a release build of this
# checkout). Progress goes to standard error; the tables to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."

works=100000
dir=bench-data
micro=1
while (($#)); do
    case $1 in
        --works) works=${2:?--works needs a number}; shift 2 ;;
        --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
        --no-micro) micro=0; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $works =~ ^[1-9][0-9]*$ ]] || { echo "bench: --works must be a positive whole number" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time for peak memory (Debian: time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: needs python3 to lay out the tables" >&2; exit 1; }

if [[ -n ${BENCH_BIN:-} ]]; then
    bin=$BENCH_BIN
else
    echo "bench: building techtracker (release) …" >&2
    swift build -c release --product techtracker >&2
    bin="$(swift build -c release --show-bin-path)/techtracker"
fi
[[ -x $bin ]] || { echo "bench: no techtracker binary at $bin" >&2; exit 1; }

out=$(mktemp -d "${TMPDIR:-/tmp}/techtracker-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
mkdir -p "$dir"
corpus="$dir/corpus-$works-seed42"   # where `bench ingest` looks for its corpus

# measure NAME COMMAND...: runs a command with its output in $out/NAME.txt and its wall-clock
# seconds and peak resident memory (KB) in $out/NAME.time.
measure() {
    local name=$1; shift
    echo "bench: $name …" >&2
    /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" > "$out/$name.txt"
}

if [[ ! -e $corpus/data/works/manifest ]]; then
    rm -rf "$corpus"
    # No patent-citation file: the folder is ingested whole below, and its .gz would be read as works.
    measure generate "$bin" generate --works "$works" --seed 42 --no-patents --quiet "$corpus"
fi
measure bench-ingest "$bin" bench ingest --works "$works" --dir "$dir"
# The same ingest alone, for its own peak memory (`bench ingest` also holds the scan sample).
rm -f "$out/ingest.sqlite"
measure ingest "$bin" ingest --quiet --store "$out/ingest.sqlite" "$corpus"
measure bench-exports "$bin" bench exports --records 5000 --dir "$dir"
measure bench-classify "$bin" bench classify --dir "$dir"
measure bench-analyze "$bin" bench analyze --dir "$dir"
# Patent citations (METHOD §10): a 10M-row Reliance-on-Science-shaped file, every row citing a
# stored work (the hardest case for the writes), then 10% in the store (closer to a real file).
measure bench-patents "$bin" bench patents --rows 10000000
measure bench-patents-10 "$bin" bench patents --rows 10000000 --in-store-percent 10
if ((micro)); then
    echo "bench: micro-benchmarks (Benchmarks/) …" >&2
    (cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --format markdown --path stdout) \
        > "$out/micro.txt"
fi

python3 - "$out" "$works" "$(nproc)" "$(date -u +%Y-%m-%d)" "$micro" <<'PYTHON'
import os, re, sys
out, works, cores, day, micro = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5] == "1"

def text(name):
    with open(os.path.join(out, name)) as f:
        return f.read()

def timing(name):
    """(seconds, peak memory in GB) of a measured command, or None if it was not run."""
    path = os.path.join(out, name + ".time")
    if not os.path.exists(path):
        return None
    seconds, kilobytes = text(name + ".time").split()[-2:]
    return float(seconds), int(kilobytes) * 1024 / 1e9

def table(output):
    """The rows of the first text table in a `techtracker bench` output, as dicts by header.
    Columns are read off the rule line of dashes under the header."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if i > 0 and re.fullmatch(r"\s*-+(\s+-+)*", line):
            spans = [m.span() for m in re.finditer(r"-+", line)]
            def cells(row):
                bounds = [spans[k][0] for k in range(len(spans))] + [None]
                return [row[bounds[k]:bounds[k + 1]].strip() for k in range(len(spans))]
            headers = cells(lines[i - 1])
            rows = []
            for row in lines[i + 1:]:
                if not row.strip():
                    break
                rows.append(dict(zip(headers, cells(row))))
            return rows
    raise SystemExit("bench: no table in output:\n" + output)

def number(cell):
    return float(cell.replace(",", "")) if cell else 0.0

def markdown(headers, rows):
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)

print(f"`scripts/bench.sh --works {works}` on {day}: release build, {cores} cores, a SYNTHETIC corpus "
      f"of {works:,} works.\n")

# Ingest: every reading stage against inflate, the limit of reading .gz at all (generation
# writes, so it has no such limit).
ingest_rows = table(text("bench-ingest.txt"))
inflate = next(r for r in ingest_rows if r["stage"].startswith("inflate"))
limit = number(inflate["MB/s"])
rows = []
generated = timing("generate")
if generated:
    match = re.search(r"\(([\d,.]+) MB of JSON", text("generate.txt"))
    megabytes = number(match.group(1)) if match else 0
    rows.append(["generate (JSON + gzip -1)", cores, f"{works:,}", f"{megabytes:,.0f}", f"{generated[0]:.1f}",
                 f"{works / generated[0]:,.0f}", f"{megabytes / generated[0]:,.0f}", ""])
for r in ingest_rows:
    rows.append([r["stage"], r["threads"], r["works"], r["MB (JSON)"], r["seconds"], r["works/s"], f"{number(r['MB/s']):,.0f}",
                 f"{number(r['MB/s']) / limit:.2f}×"])
print(markdown(["stage", "threads", "works", "MB (JSON)", "seconds", "works/s", "MB/s", "MB/s vs inflate"], rows))
if not generated:
    print("\n(The corpus was already there: generation not timed.)")

# Web of Science export reading: each stage against the byte scan any reader must do.
export_rows = table(text("bench-exports.txt"))
print()
print(markdown(["`bench exports` stage (SYNTHETIC records)", "threads", "records", "MB", "seconds", "records/s", "MB/s",
                "time vs byte scan"],
               [[r["stage"], r["threads"], r["records"], r["MB"], r["seconds"], r["records/s"], r["MB/s"], r["× scan"] + "×"]
                for r in export_rows]))

# Classify: each stage against the same stage on one thread.
classify_rows = table(text("bench-classify.txt"))
one = {r["stage"]: number(r["works/s"]) for r in classify_rows if r["threads"] == "1"}
rows = [[r["stage"], r["threads"], r["works"], r["seconds"], r["works/s"],
         f"{number(r['works/s']) / one[r['stage']]:.2f}×" if one.get(r["stage"]) else ""] for r in classify_rows]
print()
print(markdown(["`bench classify` stage", "threads", "works", "seconds", "works/s", "vs 1 thread"], rows))
for line in text("bench-classify.txt").splitlines():
    if line.startswith("token cache:"):
        print("\n" + line.strip() + ".")

analyze_rows = table(text("bench-analyze.txt"))
print()
print(markdown(["`bench analyze` stage", "threads", "seconds"],
               [[r["stage"], r["threads"], r["seconds"]] for r in analyze_rows]))

# `bench patents` prints its own table: shown as it is.
for name, label in [("bench-patents", "every row cites a stored work"), ("bench-patents-10", "10% of rows cite a stored work")]:
    if os.path.exists(os.path.join(out, name + ".txt")):
        print()
        print(f"`bench patents --rows 10000000`, {label}:")
        print()
        print("```")
        print(text(name + ".txt").rstrip())
        print("```")

# Peak memory of each command (resident set, from GNU time).
rows = []
for name, label in [("generate", "`generate`"), ("bench-ingest", "`bench ingest` (inflate, scans with their in-memory sample, ingest)"),
                    ("ingest", "`ingest` alone, same corpus"), ("bench-exports", "`bench exports` (5,000 records)"),
                    ("bench-classify", "`bench classify` (1 thread, then all)"),
                    ("bench-analyze", "`bench analyze`"),
                    ("bench-patents", "`bench patents` (10M rows, all in the store)"),
                    ("bench-patents-10", "`bench patents` (10M rows, 10% in the store)")]:
    measured = timing(name)
    if measured:
        rows.append([label, f"{measured[0]:.1f}", f"{measured[1]:.2f}"])
print()
print(markdown(["command", "seconds", "peak memory (GB)"], rows))

if micro:
    # The benchmark tool's markdown: a heading per benchmark, then a table of its metrics by
    # percentile; the summary keeps each metric's median (p50) with its unit.
    results, p50 = [], None
    for line in text("micro.txt").splitlines():
        heading = re.match(r"###\s+(.*)", line)
        if heading:
            results.append((heading.group(1).strip(), {}))
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not results or len(cells) < 3:
            continue
        if cells[0] == "Metric":
            p50 = cells.index("p50")
        elif not set(cells[0]) <= set("-: "):
            groups = re.findall(r"\(([^()]*)\)", cells[0])
            unit = groups[1] if len(groups) > 1 else ""
            results[-1][1][cells[0]] = (cells[p50], "" if unit == "#" else unit)
    def median(metrics, name, suffix=""):
        """The p50 of the metric whose label starts with `name`, with its unit and `suffix`."""
        for label, (value, unit) in metrics.items():
            if label.startswith(name):
                return (f"{value} {unit}".strip() if unit else value) + suffix
        return ""
    rows = [[name, median(metrics, "Time (wall clock)"), median(metrics, "Throughput", "/s"),
             median(metrics, "Malloc (total)")] for name, metrics in results]
    print()
    print(markdown(["micro-benchmark (`Benchmarks/`, fixed inputs)", "time (p50)", "per second (p50)", "allocations (p50)"], rows))
PYTHON
