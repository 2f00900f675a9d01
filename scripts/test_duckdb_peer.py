#!/usr/bin/env python3
"""Hand-computed cases for scripts/duckdb_peer.py: Leiden's tie rule (METHOD §4), fractional
credits with an unknown part (§3), the rows listed and the --expect comparison.

Run: python3 -m unittest discover -s scripts -p 'test_duckdb_peer.py'   (skipped without DuckDB)
"""
import contextlib
import csv
import io
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import duckdb_peer  # noqa: E402

try:
    import duckdb
except ImportError:
    duckdb = None


def write_tables(folder, works, credits, memberships):
    """works: (work, year or None, citations, kept); credits: (work, country or None, credit);
    memberships: (technology, work). Written as `techtracker bench peer` writes them."""
    def write(name, header, rows):
        with open(os.path.join(folder, name), "w", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v)
                                 for v in row])
    write("works.csv", ["work", "year", "citations", "kept"], works)
    write("credits.csv", ["work", "country", "credit"], [(w, c, "%.17g" % v) for w, c, v in credits])
    write("memberships.csv", ["technology", "work"], memberships)


@unittest.skipUnless(duckdb, "DuckDB is not installed (pip install duckdb)")
class LeidenTiesTest(unittest.TestCase):
    def shares(self, works, credits, memberships):
        """Runs the script's load and compute on the tables: {(technology, start, country): share}."""
        with tempfile.TemporaryDirectory() as folder:
            write_tables(folder, works, credits, memberships)
            connection = duckdb.connect(":memory:")
            duckdb_peer.load(connection, folder)
            duckdb_peer.compute(connection)
            rows = duckdb_peer.fetch(connection)
        for technology, start, end, country, share in rows:
            self.assertEqual(end, start + 4)
        return {(t, s, c): v for t, s, _, c, v in rows}

    def test_ties_at_the_threshold_share_the_rest_of_the_top_ten_percent(self):
        # Ten works of 2020 with 0, 1, 1, 2, 3, 3, 3, 5, 5, 5 citations: cum(3) = 0.7, cum(5) = 1.0,
        # so t* = 5 and each of the three works at 5 weighs theta = (1.0 - 0.9) / 0.3 = 1/3; the
        # weights sum to 1 = 10% of 10. A work that is not kept (100 citations) and one without a
        # year must change nothing.
        citations = [0, 1, 1, 2, 3, 3, 3, 5, 5, 5]
        works = [(w, 2020, c, True) for w, c in enumerate(citations)] + [(10, 2020, 100, False), (11, None, 50, True)]
        credits = [(0, "FR", 1.0), (1, None, 1.0)] + [(w, "IT", 1.0) for w in range(2, 7)]
        credits += [(7, "US", 1.0), (8, "US", 0.5), (8, "CN", 0.5), (9, "CN", 1 / 3), (9, "DE", 2 / 3)]
        credits += [(10, "GB", 1.0), (11, "GB", 1.0)]
        shares = self.shares(works, credits, [("t1", w) for w in range(12)])
        # One year of data gives the five whole windows that contain it: 2016-2020 … 2020-2024.
        self.assertEqual({s for _, s, _ in shares}, set(range(2016, 2021)))
        for start in range(2016, 2021):
            # US: 1/3 + 1/2 x 1/3; CN: 1/2 x 1/3 + 1/3 x 1/3; DE: 2/3 x 1/3; FR and IT: no top work.
            expected = {"US": 1 / 2, "CN": 5 / 18, "DE": 2 / 9, "FR": 0.0, "IT": 0.0}
            got = {c: v for (_, s, c), v in shares.items() if s == start}
            self.assertEqual(set(got), set(expected), "GB's works are not kept or have no year")
            for country, value in expected.items():
                self.assertAlmostEqual(got[country], value, delta=1e-12, msg=country)

    def test_a_threshold_exactly_at_ninety_percent_gives_the_tied_works_nothing(self):
        # 0 … 9 citations: cum(8) = 0.9 exactly, so t* = 8 and theta = (0.9 - 0.9) / 0.1 = 0:
        # only the work with 9 citations is in the top 10%, with weight 1.
        works = [(w, 2020, w, True) for w in range(10)]
        credits = [(w, "FR", 1.0) for w in range(8)] + [(8, "JP", 1.0), (9, "KR", 1.0)]
        shares = self.shares(works, credits, [("t1", w) for w in range(10)])
        self.assertEqual(shares[("t1", 2020, "KR")], 1.0)
        self.assertEqual(shares[("t1", 2020, "JP")], 0.0)
        self.assertEqual(shares[("t1", 2020, "FR")], 0.0)

    def test_all_tied_and_an_unknown_part_stays_in_the_denominator(self):
        # Ten works with 4 citations each: t* = 4, theta = 0.1 for every one. The unknown part
        # (nine works) counts in P_top(all) but is listed as no country.
        works = [(w, 2020, 4, True) for w in range(10)]
        credits = [(0, "US", 1.0)] + [(w, None, 1.0) for w in range(1, 10)]
        shares = self.shares(works, credits, [("t1", w) for w in range(10)])
        self.assertEqual({c for _, _, c in shares}, {"US"})
        self.assertAlmostEqual(shares[("t1", 2020, "US")], 0.1, delta=1e-15)

    def test_thresholds_are_per_publication_year(self):
        # 2020: 0 … 9 citations, 2021: 10 … 19. Per year, the top work of each year weighs 1 (KR in
        # 2020, JP in 2021); one threshold over both years would have given both tops to 2021.
        works = [(w, 2020, w, True) for w in range(10)] + [(10 + w, 2021, 10 + w, True) for w in range(10)]
        credits = [(w, "FR", 1.0) for w in range(20) if w not in (9, 18, 19)]
        credits += [(9, "KR", 1.0), (18, "DE", 1.0), (19, "JP", 1.0)]
        technology = [("t1", w) for w in range(20)] + [("t2", 0)]
        shares = self.shares(works, credits, technology)
        # Data in 2020-2021: windows 2017-2021 … 2020-2024, each holding both years.
        for start in range(2017, 2021):
            self.assertEqual(shares[("t1", start, "KR")], 0.5)
            self.assertEqual(shares[("t1", start, "JP")], 0.5)
            self.assertEqual(shares[("t1", start, "DE")], 0.0)
        # t2 has one work, of 2020, alone in its set: t* is its count and theta = (1 - 0.9) / 1 = 0.1,
        # all of P_top(all).
        self.assertEqual(shares[("t2", 2017, "FR")], 1.0)

    def test_expect_fails_on_a_different_share_or_row(self):
        works = [(w, 2020, w, True) for w in range(10)]
        credits = [(w, "FR", 1.0) for w in range(9)] + [(9, "KR", 1.0)]
        with tempfile.TemporaryDirectory() as folder:
            write_tables(folder, works, credits, [("t1", w) for w in range(10)])
            expected = os.path.join(folder, "expected.csv")

            def run(rows):
                with open(expected, "w", newline="") as out:
                    out.write("technology,window_start,window_end,country,share\n")
                    out.writelines(f"t1,{s},{s + 4},{c},{v!r}\n" for s, c, v in rows)
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
                    code = duckdb_peer.main([folder, "--expect", expected, "--threads", "1"])
                return code, err.getvalue()

            good = [(s, c, v) for s in range(2016, 2021) for c, v in (("FR", 0.0), ("KR", 1.0))]
            self.assertEqual(run(good)[0], 0)
            # Within 1e-9 agrees; beyond it does not.
            self.assertEqual(run([(s, c, v - 1e-10 if c == "KR" else v) for s, c, v in good])[0], 0)
            code, message = run([(s, c, v - 1e-8 if c == "KR" else v) for s, c, v in good])
            self.assertEqual(code, 1)
            self.assertIn("share differs", message)
            code, message = run(good[1:])
            self.assertEqual(code, 1)
            self.assertIn("only in DuckDB's shares", message)
            code, message = run(good + [(2016, "ZZ", 0.0)])
            self.assertEqual(code, 1)
            self.assertIn("only in the expected shares", message)


if __name__ == "__main__":
    unittest.main()
