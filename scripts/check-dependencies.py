#!/usr/bin/env python3
"""Checks that each target of Package.swift declares exactly the modules its files import.

The module graph is the architecture (docs/ARCHITECTURE.md): a declared dependency no file
imports hides a wrong arrow, and an import that is not declared builds only by accident of
build order. System modules (Foundation, Glibc, …) are not dependencies and are ignored.
Usage: scripts/check-dependencies.py   (from anywhere; exit 1 and a list when they differ)
"""
import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Darwin", "Dispatch", "Synchronization",
          "Testing", "XCTest", "os", "Musl"}
# Products whose module name differs from the product name.
MODULE_OF_PRODUCT = {"ArgumentParser": "ArgumentParser", "GRDB": "GRDB", "GRDBSQLite": "GRDBSQLite"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_spi\(\w+\)\s+)?(?:public\s+|internal\s+|package\s+|private\s+|fileprivate\s+)?"
                    r"import\s+(?:struct\s+|class\s+|enum\s+|func\s+|protocol\s+)?(\w+)", re.M)

package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
problems = []
for target in package["targets"]:
    if target["type"] in ("system", "plugin", "binary"):
        continue
    declared = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        name = value[0]
        declared.add(MODULE_OF_PRODUCT.get(name, name))
    folder = root / ("Tests" if target["type"] == "test" else "Sources") / target["name"]
    if target.get("path"):
        folder = root / target["path"]
    imported = set()
    for file in folder.rglob("*.swift"):
        imported.update(IMPORT.findall(file.read_text(encoding="utf-8")))
    imported -= SYSTEM
    imported.discard(target["name"])
    if target["type"] == "test":
        # A test target may declare the module under test without importing more of it.
        declared_only = set()
    else:
        declared_only = declared - imported
    undeclared = imported - declared
    for name in sorted(declared_only):
        problems.append(f"{target['name']}: declares {name} but no file imports it")
    for name in sorted(undeclared):
        problems.append(f"{target['name']}: imports {name} but does not declare it")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"dependencies: every target declares exactly what it imports ({len(package['targets'])} targets)")
