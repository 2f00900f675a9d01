#!/usr/bin/env bash
# Runs scripts/spark_scan.py in Spark's local mode on a small generated snapshot and checks that
# it keeps exactly what `ingest --only-matching` keeps: the Spark output, ingested and classified,
# must hold the same works and the same memberships as the snapshot ingested with
# --only-matching. Installs what is missing first: Java (Debian's openjdk-17-jre-headless) and
# pyspark (PyPI).
#   scripts/spark-check.sh BIN
set -euo pipefail
bin="$(realpath "$1")"
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "spark-check: installing openjdk-17-jre-headless"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
    echo "spark-check: installing pyspark"
    # A system Python managed by Debian refuses plain installs (PEP 668).
    python3 -m pip install --quiet pyspark==4.3.0 ||
        python3 -m pip install --quiet --break-system-packages pyspark==4.3.0
fi
# pip's pyspark carries spark-submit in its bin folder, which may not be on PATH.
submit="$(command -v spark-submit || true)"
if [[ -z $submit ]]; then
    submit="$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')/bin/spark-submit"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "spark-check: FAILED: $*" >&2
    exit 1
}

"$bin" generate --works 3000 --parts 3 "$scratch/snapshot" >/dev/null 2>&1
works="$scratch/snapshot/data/works"

# The Spark job, as on a cluster: the binary shipped with --files, two local cores.
if ! "$submit" --master 'local[2]' --conf spark.ui.enabled=false --files "$bin" \
    scripts/spark_scan.py "$works" "$scratch/spark-out" >"$scratch/spark.log" 2>&1; then
    cat "$scratch/spark.log" >&2
    fail "spark-submit scripts/spark_scan.py failed"
fi
spark_line="$(grep '^spark_scan: read ' "$scratch/spark.log")" || fail "no counts from spark_scan.py"
ls "$scratch/spark-out"/part-*.gz >/dev/null 2>&1 || fail "no part-*.gz files in the Spark output"

# Store A: the Spark output ingested as it is (no note about _SUCCESS or .crc), then classified.
"$bin" ingest --store "$scratch/a.sqlite" "$scratch/spark-out" >"$scratch/a.log" 2>&1 ||
    fail "ingest of the Spark output: $(cat "$scratch/a.log")"
if grep -E '^(note|warning):' "$scratch/a.log"; then
    fail "ingest of the Spark output printed the notes or warnings above"
fi
"$bin" classify --quiet --store "$scratch/a.sqlite" >/dev/null
# Store B: the snapshot through ingest --only-matching (which classifies it).
"$bin" ingest --quiet --only-matching --store "$scratch/b.sqlite" "$works" >"$scratch/b.log" 2>&1 ||
    fail "ingest --only-matching: $(cat "$scratch/b.log")"

python3 - "$scratch/a.sqlite" "$scratch/b.sqlite" "$spark_line" <<'EOF'
import re
import sqlite3
import sys

a, b, spark_line = sys.argv[1:]

def read(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    works = sorted(row[0] for row in db.execute("SELECT source_id FROM work"))
    memberships = sorted(db.execute(
        "SELECT m.technology, w.source_id FROM membership m JOIN work w ON w.id = m.work"))
    return works, memberships

works_a, memberships_a = read(a)
works_b, memberships_b = read(b)
counts = re.match(r"spark_scan: read (\d+), kept (\d+), not matching (\d+), rejected (\d+)$", spark_line)
read, kept, not_matching, rejected = map(int, counts.groups())
problems = []
if read != 3000 or rejected != 0 or read != kept + not_matching:
    problems.append(f"counts do not reconcile: {spark_line}")
if kept != len(works_a):
    problems.append(f"spark_scan kept {kept} works, its output holds {len(works_a)}")
if works_a != works_b:
    problems.append(f"works differ: Spark {len(works_a)}, ingest --only-matching {len(works_b)}, "
                    f"only in Spark {sorted(set(works_a) - set(works_b))[:5]}, "
                    f"only in ingest {sorted(set(works_b) - set(works_a))[:5]}")
if memberships_a != memberships_b or not memberships_a:
    problems.append(f"memberships differ: Spark {len(memberships_a)}, ingest --only-matching {len(memberships_b)}")
if problems:
    sys.exit("spark-check: FAILED: " + "; ".join(problems))
print(f"spark-check: Spark local[2] read {read}, kept {kept} (ingest --only-matching: {len(works_b)}); "
      f"{len(memberships_a)} memberships identical")
EOF
