#!/usr/bin/env bash
# Runs every benchmark of the module in one go and prints them as one table.
# Comparisons (buflsp against luajit, luacheck, table.concat, ...) are made by
# benchmarks that run both sides in the same process and report both.
set -euo pipefail
cd "$(dirname "$0")/.."
benchtime="${1:-1x}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench . -benchmem -benchtime "$benchtime" -timeout 60m ./... | tee "$out" >&2
go run ./internal/tools/benchtable < "$out"
