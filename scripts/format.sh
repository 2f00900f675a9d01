#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the settings in .swift-format.
#   scripts/format.sh           rewrite the files in place
#   scripts/format.sh --check   change nothing; list every unformatted place and exit 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Package.swift Plugins Sources Tests)
[[ -d Benchmarks ]] && paths+=(Benchmarks/Package.swift Benchmarks/Benchmarks)

case "${1:-}" in
    --check)
        if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
            echo "format: the places above are not formatted; run scripts/format.sh" >&2
            exit 1
        fi
        echo "format: all Swift files formatted"
        ;;
    "")
        swift format --in-place --recursive --parallel "${paths[@]}"
        ;;
    *)
        echo "usage: scripts/format.sh [--check]" >&2
        exit 2
        ;;
esac
