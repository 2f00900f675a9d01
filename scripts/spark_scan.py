#!/usr/bin/env python3
"""Reduces an OpenAlex snapshot to the works that match a technology, on a Spark cluster.

    spark-submit [--master URL] --files /path/to/techtracker[,/path/to/technologies.yaml] \\
        scripts/spark_scan.py [--taxonomy NAME] [--binary NAME] INPUT OUTPUT_DIR

Every part of INPUT is read with `sc.textFile` (one task per .gz part: gzip does not split)
and piped, a task at a time, through `techtracker scan`, shipped to the executors with
`--files`. The kept lines are written to OUTPUT_DIR as gzip-compressed text parts
(`part-00000.gz`, ...), which `techtracker ingest OUTPUT_DIR` reads as they are.

INPUT: a folder, searched recursively for .gz parts (names starting with `_` or `.` are left
out, as Hadoop does), such as a snapshot's `data/works` (its `manifest` is not a part) or what
`techtracker generate` writes; or a glob (`s3a://.../updated_date=*/part_*.gz`), whose matches
are read whatever they are called. Any file system Spark reads (local, HDFS, S3) will do.

--binary NAME: the techtracker file shipped with --files (default `techtracker`). A path to a
local binary is shipped by the script itself (`python3 scripts/spark_scan.py --binary
.build/release/techtracker ...` runs in local mode without spark-submit).
--taxonomy NAME: a taxonomy YAML shipped with --files (or a local path, shipped likewise);
without it the taxonomy built into the binary is used.

Each task runs `techtracker scan --threads C` (C = spark.task.cpus, the cores a task holds).
A task whose scan fails (exit code not 0) fails with the end of the scan's messages, and Spark
retries it. Lines Spark cannot decode as UTF-8 reach the scan with U+FFFD in place of the bad
bytes (Spark reads text as UTF-8), where `ingest` would reject them.

At the end it prints `spark_scan: read N, kept M, not matching K, rejected R` (added up from
each task's `scan:` summary; a retried task counts twice) and the output folder.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import threading

from pyspark import SparkContext, SparkFiles

SUMMARY = re.compile(rb"^scan: read (\d+), matching (\d+) \(written\), not matching (\d+), rejected (\d+)$")
# How many of a failed scan's last message lines the task's error repeats.
KEPT_MESSAGES = 20


def ship(sc, name_or_path):
    """The name under which a file is found with SparkFiles.get on the executors: a local path is
    shipped here (sc.addFile); a bare name must have come with --files."""
    if os.sep in name_or_path and os.path.isfile(name_or_path):
        sc.addFile(os.path.abspath(name_or_path))
        return os.path.basename(name_or_path)
    return name_or_path


def parts(sc, input_path):
    """Every file INPUT stands for: a glob's matches, or the .gz files under a folder, sorted."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    pattern = jvm.org.apache.hadoop.fs.Path(input_path)
    fs = pattern.getFileSystem(conf)
    found = []
    for status in fs.globStatus(pattern) or []:
        if not status.isDirectory():
            found.append(status.getPath().toString())
            continue
        files = fs.listFiles(status.getPath(), True)
        while files.hasNext():
            path = files.next().getPath()
            relative = path.toString()[len(status.getPath().toString()):]
            hidden = any(segment.startswith(("_", ".")) for segment in relative.split("/") if segment)
            if path.getName().endswith(".gz") and not hidden:
                found.append(path.toString())
    return sorted(found)


def scan_partition(binary_name, taxonomy_name, threads, counters):
    """The task: pipes its lines through `techtracker scan` and yields the kept ones.

    This is RDD.pipe with two differences: the binary is looked up with SparkFiles.get here, on
    the executor (a command line fixed on the driver would name the driver's copy, which the
    executors do not have), and the scan's standard error is read for its summary.
    """

    def run(lines):
        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            # Some file systems drop the execute bit on the way.
            os.chmod(binary, 0o755)
        command = [binary, "scan", "--threads", str(threads)]
        if taxonomy_name:
            command += ["--taxonomy", SparkFiles.get(taxonomy_name)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        messages = []

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # the scan stopped early; its exit code says why
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        def drain():
            for message in process.stderr:
                messages.append(message.rstrip(b"\n"))
                del messages[:-KEPT_MESSAGES]
                sys.stderr.buffer.write(message)  # into the executor's log

        feeder = threading.Thread(target=feed, daemon=True)
        drainer = threading.Thread(target=drain, daemon=True)
        feeder.start()
        drainer.start()
        for line in process.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        process.wait()
        feeder.join()
        drainer.join()
        if process.returncode != 0:
            tail = "\n".join(message.decode("utf-8", "replace") for message in messages)
            raise RuntimeError(f"{shlex.join(command)} exited with code {process.returncode}:\n{tail}")
        for message in messages:
            summary = SUMMARY.match(message)
            if summary:
                for counter, value in zip(counters, summary.groups()):
                    counter.add(int(value))

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default="techtracker", help="the techtracker shipped with --files, or a path")
    parser.add_argument("--taxonomy", help="a taxonomy YAML shipped with --files, or a path (default: built in)")
    parser.add_argument("input", metavar="INPUT", help="a folder of .gz parts, or a glob")
    parser.add_argument("output", metavar="OUTPUT_DIR", help="where the kept works go (must not exist)")
    arguments = parser.parse_args()

    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")
    output = sc._jvm.org.apache.hadoop.fs.Path(arguments.output)
    if output.getFileSystem(sc._jsc.hadoopConfiguration()).exists(output):
        sys.exit(f"spark_scan: {arguments.output} exists already; give a new folder")
    files = parts(sc, arguments.input)
    if not files:
        sys.exit(f"spark_scan: no .gz parts found at {arguments.input}")
    binary = ship(sc, arguments.binary)
    taxonomy = ship(sc, arguments.taxonomy) if arguments.taxonomy else None
    threads = int(sc.getConf().get("spark.task.cpus", "1"))

    counters = [sc.accumulator(0) for _ in range(4)]
    kept = sc.textFile(",".join(files)).mapPartitions(scan_partition(binary, taxonomy, threads, counters))
    kept.saveAsTextFile(arguments.output, compressionCodecClass="org.apache.hadoop.io.compress.GzipCodec")
    read, matching, not_matching, rejected = (counter.value for counter in counters)
    print(f"spark_scan: read {read}, kept {matching}, not matching {not_matching}, rejected {rejected}")
    print(f"spark_scan: {len(files)} parts scanned; kept works in {arguments.output} (techtracker ingest reads it)")
    sc.stop()


if __name__ == "__main__":
    main()
