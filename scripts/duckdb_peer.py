#!/usr/bin/env python3
"""TechTracker's core figure computed in DuckDB, as a data engineer would write it in SQL.

The core figure (docs/METHOD.md §3-§5): for every technology x rolling 5-year window x country,
the Share of top-10% works under fractional counting, Share = P_top(country) / P_top(all), with
thresholds per technology and publication year and Leiden's rule for ties. No bootstrap, no
other indicator. `techtracker bench peer` writes the input tables and runs this script.

Usage: scripts/duckdb_peer.py TABLES_DIR [--expect SHARES_CSV] [--threads N] [--out CSV]

TABLES_DIR holds three CSV files with a header line:
  works.csv        work, year, citations, kept    one row per work; year empty when unknown;
                                                  kept = passes the type and retraction filter
  credits.csv      work, country, credit          fractional credits per work (17 significant
                                                  digits); country empty for the unknown part,
                                                  so the credits of a work sum to 1
  memberships.csv  technology, work               the works of each technology

Rows of the result: one per (technology, window, country) for every country with a positive
credit on a kept work of the technology published in the window, including countries whose
Share is 0 (no top-10% output); the unknown part is no row but stays in P_top(all). A window in
which a technology has no kept work gives no row. TechTracker lists the same rows.

Windows: every whole 5-year window across the publication years of the kept works, widened to
one whole window around the data when it spans fewer years (as `techtracker analyze` does).

Output: the shares as CSV (technology, window_start, window_end, country, share; sorted) to
--out (default TABLES_DIR/duckdb_shares.csv), and one JSON line on standard output:
{"load_s", "compute_s", "write_s", "rows", "threads", "peak_mb", "duckdb"}. With --expect, the
shares are compared with that CSV (same columns): exit 1, with the first differences on
standard error, unless both have the same rows and every share agrees to 1e-9. Exit 3 when
DuckDB is not installed.
"""
import argparse
import csv
import json
import os
import resource
import sys
import time

TOLERANCE = 1e-9
WINDOW_LENGTH = 5

LOAD = {
    "works": "SELECT * FROM read_csv(?, header = true, columns = "
             "{'work': 'INTEGER', 'year': 'INTEGER', 'citations': 'BIGINT', 'kept': 'BOOLEAN'})",
    "credits": "SELECT * FROM read_csv(?, header = true, columns = "
               "{'work': 'INTEGER', 'country': 'VARCHAR', 'credit': 'DOUBLE'})",
    "memberships": "SELECT * FROM read_csv(?, header = true, columns = "
                   "{'technology': 'VARCHAR', 'work': 'INTEGER'})",
}

# The core figure in one statement. Leiden's rule (METHOD §4) per (technology, year) reference
# set R of n works, on counts so that no 0.9 is ever compared in floating point: group R by
# citation count c (k works each) in ascending order with the running count cum_k. The
# threshold t* is the smallest c with cum_k >= 0.9 n, i.e. 10 cum_k >= 9 n. A group entirely
# above it (10 (cum_k - k) >= 9 n) weighs 1; the group at t* weighs
# theta = (10 cum_k - 9 n) / (10 k), one division of exact integers, the same Double
# TechTracker gets from its exact fraction; groups below weigh 0.
# Windows add up years: P_top(all) and P_top(country) are summed per (technology, year) first,
# then over the five years of each window, which is what makes the SQL fast (a year is in five
# windows, but its works are joined once).
COMPUTE = f"""
CREATE OR REPLACE TABLE shares AS
WITH technology_works AS (
    SELECT m.technology, m.work, w.year, w.citations
    FROM memberships m JOIN works w ON w.work = m.work
    WHERE w.kept AND w.year IS NOT NULL
),
citation_groups AS (
    SELECT technology, year, citations, count(*) AS k
    FROM technology_works GROUP BY technology, year, citations
),
running AS (
    SELECT *,
        sum(k) OVER (PARTITION BY technology, year ORDER BY citations
                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum_k,
        sum(k) OVER (PARTITION BY technology, year) AS n
    FROM citation_groups
),
weights AS (
    SELECT technology, year, citations, k,
        CASE WHEN 10 * (cum_k - k) >= 9 * n THEN 1.0
             WHEN 10 * cum_k >= 9 * n THEN (10 * cum_k - 9 * n)::DOUBLE / (10 * k)::DOUBLE
             ELSE 0.0 END AS weight
    FROM running
),
year_total AS (
    SELECT technology, year, sum(k * weight) AS top FROM weights GROUP BY technology, year
),
year_country AS (
    SELECT t.technology, t.year, c.country, sum(c.credit * g.weight) AS p_top
    FROM technology_works t
    JOIN weights g ON g.technology = t.technology AND g.year = t.year AND g.citations = t.citations
    JOIN credits c ON c.work = t.work
    WHERE c.country IS NOT NULL AND c.credit > 0
    GROUP BY t.technology, t.year, c.country
),
span AS (
    SELECT least(min(year), max(year) - {WINDOW_LENGTH - 1}) AS first_year,
           greatest(max(year), min(year) + {WINDOW_LENGTH - 1}) AS last_year
    FROM works WHERE kept AND year IS NOT NULL
),
windows AS (
    SELECT unnest(range(first_year, last_year - {WINDOW_LENGTH - 2})) AS window_start FROM span
),
window_total AS (
    SELECT y.technology, w.window_start, sum(y.top) AS top
    FROM year_total y JOIN windows w ON y.year BETWEEN w.window_start AND w.window_start + {WINDOW_LENGTH - 1}
    GROUP BY y.technology, w.window_start
),
window_country AS (
    SELECT y.technology, w.window_start, y.country, sum(y.p_top) AS p_top
    FROM year_country y JOIN windows w ON y.year BETWEEN w.window_start AND w.window_start + {WINDOW_LENGTH - 1}
    GROUP BY y.technology, w.window_start, y.country
)
SELECT c.technology, c.window_start, c.window_start + {WINDOW_LENGTH - 1} AS window_end, c.country,
    CASE WHEN t.top > 0 THEN c.p_top / t.top ELSE 0.0 END AS share
FROM window_country c JOIN window_total t ON t.technology = c.technology AND t.window_start = c.window_start
"""


def load(connection, folder):
    """Reads the three tables into DuckDB's in-memory tables."""
    for table, select in LOAD.items():
        connection.execute(f"CREATE OR REPLACE TABLE {table} AS {select}", [os.path.join(folder, table + ".csv")])


def compute(connection):
    """Computes the core figure into DuckDB's table `shares`."""
    connection.execute(COMPUTE)


def fetch(connection):
    """The rows of `shares`, sorted."""
    return connection.execute("SELECT * FROM shares ORDER BY technology, window_start, country").fetchall()


def write_shares(rows, path):
    """Writes the shares as CSV, numbers as Python's shortest round-trip form."""
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["technology", "window_start", "window_end", "country", "share"])
        for technology, start, end, country, share in rows:
            writer.writerow([technology, start, end, country, repr(float(share))])


def read_shares(path):
    """The shares of a CSV with a header line: {(technology, start, end, country): share}."""
    with open(path, newline="") as source:
        reader = csv.DictReader(source)
        return {(r["technology"], int(r["window_start"]), int(r["window_end"]), r["country"]): float(r["share"])
                for r in reader}


def differences(expected, rows, limit=20):
    """Every way the computed rows differ from the expected shares, the first `limit` listed."""
    computed = {(t, int(s), int(e), c): float(v) for t, s, e, c, v in rows}
    found = []
    for key in sorted(expected.keys() - computed.keys()):
        found.append(f"only in the expected shares: {key} = {expected[key]!r}")
    for key in sorted(computed.keys() - expected.keys()):
        found.append(f"only in DuckDB's shares: {key} = {computed[key]!r}")
    for key in sorted(expected.keys() & computed.keys()):
        if not abs(expected[key] - computed[key]) <= TOLERANCE:
            found.append(f"share differs: {key}: expected {expected[key]!r}, DuckDB {computed[key]!r}")
    return len(found), found[:limit]


def peak_megabytes():
    """This process's peak resident memory. VmHWM first: getrusage's maxrss survives exec on
    Linux, so a script started by a large process would report its parent's peak."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    # Linux reports kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", metavar="TABLES_DIR")
    parser.add_argument("--expect", metavar="SHARES_CSV", help="fail unless these shares agree to 1e-9")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="DuckDB threads (default: the cores this process may use)")
    parser.add_argument("--out", metavar="CSV", help="where to write the shares (default TABLES_DIR/duckdb_shares.csv)")
    args = parser.parse_args(argv)
    try:
        import duckdb
    except ImportError:
        print("duckdb_peer.py needs DuckDB for this python: pip install duckdb", file=sys.stderr)
        return 3
    if args.threads < 1:
        parser.error("--threads must be at least 1")

    connection = duckdb.connect(":memory:")
    connection.execute(f"SET threads = {args.threads}")
    clock = time.perf_counter()
    load(connection, args.tables)
    load_seconds = time.perf_counter() - clock
    clock = time.perf_counter()
    compute(connection)
    compute_seconds = time.perf_counter() - clock
    # Fetching the rows into Python is output, as writing them is: timed with the writing.
    clock = time.perf_counter()
    rows = fetch(connection)
    write_shares(rows, args.out or os.path.join(args.tables, "duckdb_shares.csv"))
    write_seconds = time.perf_counter() - clock
    print(json.dumps({
        "load_s": round(load_seconds, 6), "compute_s": round(compute_seconds, 6),
        "write_s": round(write_seconds, 6), "rows": len(rows), "threads": args.threads,
        "peak_mb": round(peak_megabytes(), 1),
        "duckdb": duckdb.__version__,
    }), flush=True)
    if args.expect:
        count, listed = differences(read_shares(args.expect), rows)
        if count:
            print(f"duckdb_peer.py: {count} difference(s) from {args.expect} (tolerance {TOLERANCE}):",
                  file=sys.stderr)
            for line in listed:
                print("  " + line, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
