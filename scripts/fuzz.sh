#!/usr/bin/env bash
# Runs every Go fuzz target in the module for the given time each (default 20s).
# The seed corpora under each package's testdata/fuzz are checked in and also run
# by plain `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${1:-20s}"
status=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $target ($fuzztime)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" || status=1
  done
done
# Random Luau buffer programs under buflsp and the real luau (needs
# BUFLSP_LUAU_DIR or luau on PATH); LUAUFUZZ_N programs, 10000 by default.
if [ -z "${BUFLSP_LUAU_DIR:-}" ] && [ -d ../shared/oracles/luau ]; then
  export BUFLSP_LUAU_DIR="$(cd ../shared/oracles/luau && pwd)"
fi
echo "== luaufuzz (${LUAUFUZZ_N:-10000} programs)"
go run ./internal/tools/luaufuzz -n "${LUAUFUZZ_N:-10000}" -jobs "${LUAUFUZZ_JOBS:-2}" || status=1
# Random string.buffer programs under buflsp and Debian's luajit;
# LJFUZZ_N programs, 10000 by default.
echo "== ljfuzz (${LJFUZZ_N:-10000} programs)"
go run ./internal/tools/ljfuzz -n "${LJFUZZ_N:-10000}" -jobs "${LJFUZZ_JOBS:-2}" || status=1
# The slow red-team evaluation cases (each runs to its 2 s deadline), under
# eval and under run.
echo "== red-team evaluation cases, slow ones included, under eval and run"
BUFLSP_REDTEAM_SLOW=1 go test -count=1 -run '^TestRedTeamEval$|^TestRedTeamEvalCasesUnderRun$' ./cmd/buflsp || status=1
# The red-team cases (testdata/redteam) again, with every generated shape ten
# times larger than in `make test` (docs/redteam.md).
echo "== red-team cases at 10x size"
BUFLSP_REDTEAM_SCALE=10 go test -count=1 -timeout 30m -run '^TestRedTeam(Check|Protocol)$|^TestHostileShapes' \
  ./cmd/buflsp ./lsp ./analysis ./analysis/syntax || status=1
exit $status
