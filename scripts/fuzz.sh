#!/usr/bin/env bash
# Fuzzes `techtracker ingest` from the outside, for minutes rather than the few seconds the
# fuzz tests in `swift test` take: each run writes FUZZ_FILES mutated copies of the real
# OpenAlex samples (JSON Lines, .gz, compact and pretty-printed API pages, CR-only line ends,
# truncated gzip) into a folder, ingests it into a fresh store, and checks that
#   - the exit code is 0, 1 or 2 (never a signal: no trap, no crash),
#   - the run ends within FUZZ_TIMEOUT seconds (no hang),
#   - the counts reconcile (read = new + updated + unchanged + conflicting + rejected),
#   - every row of the --rejects file has six columns.
# A failing run's inputs and outputs are kept under fuzz-crashes/ (gitignored) with the
# command that reproduces it; turn each into a regression test.
#
# Settings (environment):
#   FUZZ_MINUTES   how long to run (default 2)
#   FUZZ_FILES     mutated files per run (default 8)
#   FUZZ_TIMEOUT   seconds before a run counts as hung (default 60)
#   FUZZ_SEED      seed of the first run (default: random); run k uses FUZZ_SEED + k
#   FUZZ_BIN       a techtracker binary to test (default: build one with `swift build -c release`)
#   FUZZ_CRASHES   where failing runs are kept (default fuzz-crashes)
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${FUZZ_MINUTES:-2}
files=${FUZZ_FILES:-8}
per_run=${FUZZ_TIMEOUT:-60}
seed=${FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}
crashes=${FUZZ_CRASHES:-fuzz-crashes}
fixtures=Tests/TechTrackerIngestTests/Fixtures

if [[ -n ${FUZZ_BIN:-} ]]; then
    bin=$FUZZ_BIN
else
    swift build -c release --product techtracker
    bin="$(swift build -c release --show-bin-path)/techtracker"
fi
[[ -x $bin ]] || { echo "fuzz: no techtracker binary at $bin" >&2; exit 1; }
command -v perl >/dev/null || { echo "fuzz: needs perl (Debian: perl-base)" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/techtracker-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The mutator: MUTATE SEED EDITS < in > out. Byte flips, inserted bytes and fragments
# (quotes, brackets, huge numbers, escapes, lone surrogates, invalid UTF-8, out-of-range
# values), deletions, duplications, swaps and the odd truncation.
cat > "$scratch/mutate.pl" <<'PERL'
use strict; use warnings;
my ($seed, $edits) = @ARGV; srand($seed);
binmode STDIN; binmode STDOUT; local $/; my $s = <STDIN> // '';
my @bytes = (0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x20, 0x0A, 0x0D, 0x09, 0x00, 0x1F,
             0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF);
my @fragments = ('\u', '\ud800', '\uDE00', '\uD83D\uDE00', 'null', 'true', '[[[[', ']]}}', '{"id":',
    '"id":null', '{"results":[', '"results":[],', '99999999999999999999999', '1e999', '-0.5e+3',
    '9223372036854775807', '-9223372036854775809', '"publication_year":3000,', '"cited_by_count":-5,',
    '"updated_date":"yesterday",', '"W1"', '"', '""', '{', '}', '[', ']', '01',
    "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF");
for (1 .. $edits) {
    my $length = length $s; last if $length == 0;
    my $at = int(rand($length)); my $kind = int(rand(8));
    if    ($kind == 0) { substr($s, $at, 1) = chr(int(rand(256))) }
    elsif ($kind == 1) { substr($s, $at, 1) = chr($bytes[rand @bytes]) }
    elsif ($kind == 2) { substr($s, $at, 0) = chr($bytes[rand @bytes]) }
    elsif ($kind == 3) { substr($s, $at, 1 + int(rand(32))) = '' }
    elsif ($kind == 4) { substr($s, $at, 0) = substr($s, $at, 1 + int(rand(64))) }
    elsif ($kind == 5) { $s = substr($s, 0, $at) if rand() < 0.2 }
    elsif ($kind == 6) { substr($s, $at, 0) = $fragments[rand @fragments] }
    else { my $other = int(rand($length)); my $byte = substr($s, $at, 1);
           substr($s, $at, 1) = substr($s, $other, 1); substr($s, $other, 1) = $byte }
}
print $s;
PERL
mutate() { perl "$scratch/mutate.pl" "$@"; }

pages=("$fixtures/openalex_api_page_biodiversity.json" "$fixtures/openalex_api_snowball_1.json"
       "$fixtures/openalex_api_snowball_2.json" "$fixtures/W2741809807.json")
lines="$fixtures/snowball.jsonl"

# Writes FUZZ_FILES mutated inputs for run seed $1 into folder $2.
make_inputs() {
    local run_seed=$1 dir=$2 i kind
    RANDOM=$run_seed
    mkdir -p "$dir"
    for (( i = 0; i < files; i++ )); do
        local s=$(( run_seed * 1000 + i ))
        kind=$(( RANDOM % 7 ))
        case $kind in
            0) mutate "$s" $(( 1 + RANDOM % 40 )) < "$lines" > "$dir/f$i.jsonl" ;;
            1) mutate "$s" $(( 1 + RANDOM % 40 )) < "$lines" | gzip -1 > "$dir/f$i.jsonl.gz" ;;
            2) mutate "$s" $(( 1 + RANDOM % 8 )) < "${pages[RANDOM % 4]}" > "$dir/f$i.json" ;;
            3) # pretty-printed-looking: a lone '{' on the first line, one member per line
               sed -e '1s/^{/{\n/' -e 's/, "/,\n  "/g' "${pages[RANDOM % 4]}" | mutate "$s" $(( 1 + RANDOM % 8 )) > "$dir/f$i.json" ;;
            4) mutate "$s" $(( 1 + RANDOM % 20 )) < "$lines" | tr '\n' '\r' > "$dir/f$i.jsonl" ;;
            5) # a truncated gzip part
               mutate "$s" $(( 1 + RANDOM % 10 )) < "$lines" | gzip -1 > "$scratch/part.gz"
               head -c $(( $(wc -c < "$scratch/part.gz") * (RANDOM % 100) / 100 )) "$scratch/part.gz" > "$dir/f$i.gz" ;;
            6) mutate "$s" $(( 1 + RANDOM % 3 )) < "${pages[RANDOM % 4]}" | gzip -1 | mutate "$s" 1 > "$dir/f$i.gz" ;;
        esac
    done
}

# Keeps a failing run: its inputs, outputs and how to reproduce it.
keep() {
    local run_seed=$1 why=$2 dir
    dir="$crashes/$(date +%Y%m%d-%H%M%S)-seed$run_seed"
    mkdir -p "$dir"
    cp -r "$scratch/in" "$dir/in"
    cp "$scratch/out" "$scratch/err" "$dir/" 2>/dev/null || true
    cp "$scratch/rejects.tsv" "$dir/" 2>/dev/null || true
    printf '%s\nreproduce: techtracker ingest --quiet --store /tmp/x.sqlite --rejects /tmp/r.tsv %s/in\n' "$why" "$dir" > "$dir/README"
    echo "fuzz: run with seed $run_seed: $why (kept in $dir)" >&2
}

echo "fuzz: $bin, $files files per run, ${minutes} min, ${per_run} s per run, first seed $seed"
deadline=$(( $(date +%s) + minutes * 60 ))
runs=0 failures=0 records=0
while (( $(date +%s) < deadline )); do
    run_seed=$(( seed + runs ))
    rm -rf "$scratch/in" "$scratch"/store.sqlite* "$scratch/rejects.tsv"
    make_inputs "$run_seed" "$scratch/in"
    set +e
    timeout -k 5 "$per_run" "$bin" ingest --quiet --store "$scratch/store.sqlite" --rejects "$scratch/rejects.tsv" \
        "$scratch/in" > "$scratch/out" 2> "$scratch/err"
    code=$?
    set -e
    runs=$(( runs + 1 ))
    if (( code == 124 || code == 137 )); then
        failures=$(( failures + 1 )); keep "$run_seed" "hung: no exit within ${per_run} s"; continue
    elif (( code > 2 )); then
        failures=$(( failures + 1 )); keep "$run_seed" "exit code $code (signal $(( code > 128 ? code - 128 : 0 )))"; continue
    fi
    if (( code == 0 )); then
        counts=$(grep -Eo '^read [0-9]+, new [0-9]+, updated [0-9]+, unchanged [0-9]+, conflicting [0-9]+, rejected [0-9]+' "$scratch/out" || true)
        if [[ -z $counts ]]; then
            failures=$(( failures + 1 )); keep "$run_seed" "no counts line"; continue
        fi
        read -r read_ new updated unchanged conflicting rejected <<< "$(tr -cs '0-9' ' ' <<< "$counts")"
        if (( read_ != new + updated + unchanged + conflicting + rejected )); then
            failures=$(( failures + 1 )); keep "$run_seed" "counts do not reconcile: $counts"; continue
        fi
        records=$(( records + read_ ))
        if [[ -f $scratch/rejects.tsv ]] && awk -F'\t' 'NF != 6 { bad = 1 } END { exit !bad }' "$scratch/rejects.tsv"; then
            failures=$(( failures + 1 )); keep "$run_seed" "a --rejects row without six columns"; continue
        fi
    fi
done
echo "fuzz: $runs runs, $records records read, $failures failing run(s)"
(( failures == 0 ))
