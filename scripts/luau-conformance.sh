#!/usr/bin/env bash
# Runs Luau's own conformance tests (tests/conformance/*.luau of a luau-lang/luau
# checkout, which is not part of this repository) under `buflsp run` and
# reports which pass. Each file gets the one harness function the tests call,
# is_native_if_supported(), defined first; a file passes when buflsp exits 0.
#
#   scripts/luau-conformance.sh /path/to/luau [buffers ...]
#
# With no names it runs every file. docs/runtime.md records the figures.
set -uo pipefail
src="${1:?usage: $0 LUAU_CHECKOUT [name ...]}"
shift
cd "$(dirname "$0")/.."
go build -o "${TMPDIR:-/tmp}/buflsp-conformance" ./cmd/buflsp || exit 2
bin="${TMPDIR:-/tmp}/buflsp-conformance"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$src"/tests/conformance/*.luau; do names+=("$(basename "$f" .luau)"); done
fi
pass=0
for name in "${names[@]}"; do
  file="$src/tests/conformance/$name.luau"
  { echo 'function is_native_if_supported() return true end'; cat "$file"; } > "$work/$name.luau"
  if (cd "$work" && timeout 60 "$bin" run --target luau "$name.luau" > "$work/out" 2>&1); then
    echo "pass  $name"
    pass=$((pass + 1))
  else
    echo "FAIL  $name: $(grep -m1 -v '^\s' "$work/out" | grep -m1 'buflsp:' | cut -c1-160)"
  fi
done
echo "$pass of ${#names[@]} conformance files pass under buflsp run"
