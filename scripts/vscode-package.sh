#!/usr/bin/env bash
# Builds one .vsix per platform, each with its own buflsp server inside, the way the lua-language-server
# and luau-lsp extensions ship theirs: Go cross-compiles the server (no cgo, so no C toolchain per
# platform), and vsce packages the extension with --target so the Marketplace (or a user installing a
# .vsix) picks the right one. `make vscode` runs this; VSCODE_TARGETS picks a subset.
#
# Usage: scripts/vscode-package.sh [target...]   (default: every target below)
# Writes dist/buflsp-vscode-<target>.vsix. Expects editors/vscode/node_modules (npm ci) to exist.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EXT=$ROOT/editors/vscode
ALL="linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64"
TARGETS=${*:-$ALL}
LDFLAGS=${LDFLAGS:-}

goos_goarch() {
  case $1 in
    linux-x64) echo "linux amd64" ;;
    linux-arm64) echo "linux arm64" ;;
    darwin-x64) echo "darwin amd64" ;;
    darwin-arm64) echo "darwin arm64" ;;
    win32-x64) echo "windows amd64" ;;
    *) echo "vscode-package: unknown target $1 (expected one of: $ALL)" >&2; return 1 ;;
  esac
}

mkdir -p "$ROOT/dist"
for t in $TARGETS; do
  read -r goos goarch < <(goos_goarch "$t")
  exe=buflsp
  [ "$goos" = windows ] && exe=buflsp.exe
  rm -rf "$EXT/server"
  mkdir -p "$EXT/server"
  echo "vscode-package: $t: go build ($goos/$goarch)" >&2
  (cd "$ROOT" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -ldflags "$LDFLAGS" -o "$EXT/server/$exe" ./cmd/buflsp)
  echo "vscode-package: $t: vsce package" >&2
  rm -f "$ROOT/dist/buflsp-vscode-$t.vsix"
  # vsce runs vscode:prepublish (type check and bundle) first, every time.
  (cd "$EXT" && npx --no-install vsce package --target "$t" --no-dependencies --skip-license \
    -o "$ROOT/dist/buflsp-vscode-$t.vsix") >&2
done
rm -rf "$EXT/server"
ls -l "$ROOT"/dist/buflsp-vscode-*.vsix >&2
