#!/usr/bin/env bash
# Conformance run of the command line on the real export samples in ../shared/samples (when they
# are beside the checkout): every OpenAlex, Web of Science and Scopus sample is ingested with the
# counts it must give, re-ingesting changes nothing, the Done-when query matches every record of
# the tab-delimited sample, and the whole pipeline runs on a store of all of them.
#   scripts/conformance.sh BIN SAMPLES
set -euo pipefail
bin="$1"
samples="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

expect() { # FILE EXPECTED-COUNTS-LINE
    local out
    out="$("$bin" ingest --quiet --store "$scratch/$(basename "$1").sqlite" "$samples/$1" 2>&1)"
    if ! grep -q "^$2\$" <<<"$out"; then
        echo "conformance: $1: expected \"$2\", got:" >&2
        echo "$out" >&2
        exit 1
    fi
    echo "$1: $2"
}

echo "== conformance: samples in $samples"
expect openalex_api_page_biodiversity.json "read 200, new 200, updated 0, unchanged 0, conflicting 0, rejected 0"
again="$("$bin" ingest --quiet --store "$scratch/openalex_api_page_biodiversity.json.sqlite" \
    "$samples/openalex_api_page_biodiversity.json")"
grep -q "read 200, new 0, updated 0, unchanged 200, conflicting 0, rejected 0" <<<"$again"
"$bin" stats --store "$scratch/openalex_api_page_biodiversity.json.sqlite" | grep "no known country"
out="$("$bin" ingest --quiet --store "$scratch/openalex.sqlite" "$samples/W2741809807.json" \
    "$samples/openalex_api_snowball_1.json" "$samples/openalex_api_snowball_2.json")"
grep -q "rejected 0" <<<"$out"

expect wos_sample.txt "read 8, new 8, updated 0, unchanged 0, conflicting 0, rejected 0"
expect testFile.isi "read 34, new 33, updated 0, unchanged 0, conflicting 0, rejected 1"
expect single-article.txt "read 1, new 1, updated 0, unchanged 0, conflicting 0, rejected 0"
expect wos_tab_delimited_20.txt "read 20, new 20, updated 0, unchanged 0, conflicting 0, rejected 0"
expect wos_tab_custom_malformed.txt "read 38, new 35, updated 0, unchanged 0, conflicting 0, rejected 3"
expect scopus_sample.csv "read 8, new 8, updated 0, unchanged 0, conflicting 0, rejected 0"
expect scopus_2022_layout.csv "read 58, new 58, updated 0, unchanged 0, conflicting 0, rejected 0"
expect scopus_2016_layout.csv "read 220, new 220, updated 0, unchanged 0, conflicting 0, rejected 0"
expect openalex_sample.csv "read 1, new 0, updated 0, unchanged 0, conflicting 0, rejected 1"

"$bin" query 'TS="Bluetooth low energy"' --store "$scratch/wos_tab_delimited_20.txt.sqlite" |
    grep -q "^Matches: 20 of 20 works"
echo "query TS=\"Bluetooth low energy\" on wos_tab_delimited_20.txt: 20 of 20"
for file in wos_tab_delimited_20.txt scopus_2016_layout.csv; do
    "$bin" stats --store "$scratch/$file.sqlite" | grep -A4 "^Works by country" | tail -2
done

# Every sample in one store, the shipped taxonomy, the analysis and an export.
"$bin" ingest --quiet --store "$scratch/all.sqlite" "$samples" >"$scratch/all.txt" 2>&1
grep "^read " "$scratch/all.txt"
"$bin" classify --quiet --store "$scratch/all.sqlite" >/dev/null
"$bin" analyze --quiet --bootstrap 50 --store "$scratch/all.sqlite" >/dev/null
"$bin" export --format csv --out "$scratch/export" --store "$scratch/all.sqlite" >/dev/null
test -s "$scratch/export/country_shares.csv"
echo "conformance: all samples read as expected; the pipeline ran on all of them"
