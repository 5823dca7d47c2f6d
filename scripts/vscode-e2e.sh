#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server), driven by playwright-core
# and Debian's chromium. `make test-vscode` runs it. Everything it needs is installed on first use:
# Debian packages through apt, code-server into a cache directory outside the repository, and
# playwright-core into editors/vscode/e2e/node_modules (from its committed lock file).
#
# Usage: scripts/vscode-e2e.sh [--setup-only] [--only check,check,...] [--keep-state]
# Environment:
#   BUFLSP_E2E_CACHE  where code-server is installed (default ~/.cache/buflsp-vscode-e2e)
#   VSIX              a prebuilt .vsix to install instead of building one with `make vscode`
#   BUFLSP_BIN        a prebuilt buflsp binary instead of building one
#   TIMEOUT_MS        hard deadline for the browser part (default 180000)
#   UPDATE_SCREENSHOT=1  copy the main screenshot into editors/vscode/images/ for the README
# Exit codes: 0 all checks passed, 1 a check failed, 2 deadline or setup failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EXT_DIR=$ROOT/editors/vscode
E2E_DIR=$EXT_DIR/e2e
ART=$EXT_DIR/test-artifacts
CACHE=${BUFLSP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/buflsp-vscode-e2e}
CS_VERSION=4.100.3
CS_DIR=$CACHE/code-server-$CS_VERSION
CS_BIN=$CS_DIR/node_modules/.bin/code-server
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

SETUP_ONLY=0
KEEP_STATE=0
ONLY=""
while [ $# -gt 0 ]; do
  case $1 in
    --setup-only) SETUP_ONLY=1 ;;
    --keep-state) KEEP_STATE=1 ;;
    --only) shift; ONLY=${1:-} ;;
    --only=*) ONLY=${1#--only=} ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "vscode-e2e: unknown argument $1 (expected --setup-only, --only LIST or --keep-state)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[vscode-e2e %s] %s\n' "$(date +%T)" "$*" >&2; }
T0=$(date +%s)

# ---- setup ---------------------------------------------------------------------------------------

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "vscode-e2e: need root (or sudo) to run: $*" >&2; return 1; fi; }

ensure_debian_packages() {
  local missing=()
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  command -v rg >/dev/null || missing+=(ripgrep)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  command -v g++ >/dev/null || missing+=(build-essential)
  command -v python3 >/dev/null || missing+=(python3)
  [ ${#missing[@]} = 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
}

ensure_code_server() {
  [ -x "$CS_BIN" ] && return 0
  log "installing code-server $CS_VERSION into $CS_DIR (about 2 minutes, once)"
  rm -rf "$CS_DIR.partial"
  mkdir -p "$CS_DIR.partial/tmp/rgseed"
  # @vscode/ripgrep's postinstall downloads ripgrep from GitHub unless it finds this cached archive
  # under $TMPDIR; Debian's rg is a fine substitute and keeps the install off the internet.
  local seed=$CS_DIR.partial/tmp/vscode-ripgrep-cache-1.15.11
  mkdir -p "$seed"
  cp "$(command -v rg)" "$CS_DIR.partial/tmp/rgseed/rg"
  tar czf "$seed/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CS_DIR.partial/tmp/rgseed" rg
  (
    cd "$CS_DIR.partial"
    printf '{"name":"buflsp-code-server","private":true}\n' > package.json
    # unsafe_perm: code-server's postinstall refuses to run as root otherwise.
    # yes: node-pty's postinstall runs npx node-gyp, which must not prompt.
    TMPDIR=$CS_DIR.partial/tmp npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"
  )
  rm -rf "$CS_DIR.partial/tmp" "$CS_DIR"
  mv "$CS_DIR.partial" "$CS_DIR"
  [ -x "$CS_BIN" ] || { echo "vscode-e2e: code-server install finished but $CS_BIN is missing" >&2; return 1; }
}

ensure_playwright() {
  [ -d "$E2E_DIR/node_modules/playwright-core" ] && return 0
  log "installing playwright-core (npm ci in editors/vscode/e2e)"
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_debian_packages || exit 2
ensure_code_server || exit 2
ensure_playwright || exit 2
T_SETUP=$(date +%s)
log "setup done in $((T_SETUP - T0)) s"
[ "$SETUP_ONLY" = 1 ] && exit 0
