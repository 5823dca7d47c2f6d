#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server), driven by playwright-core
# and Debian's chromium. `make test-vscode` runs it. Everything it needs is installed on first use:
# Debian packages through apt, code-server into a cache directory outside the repository, and
# playwright-core into editors/vscode/e2e/node_modules (from its committed lock file).
#
# Usage: scripts/vscode-e2e.sh [--setup-only] [--only check,check,...] [--keep-state]
# Checks (editors/vscode/e2e/run.mjs): in a first session, with the platform .vsix and no buflsp.path
# set, bundled-server, config-error, diagnostics, hover, completion, quickfix, fix-all-on-save,
# evaluate, missing-server; in a second session, with a stand-in extension carrying the id sumneko.lua
# installed next to it, companion.
# Environment:
#   BUFLSP_E2E_CACHE  where code-server is installed (default ~/.cache/buflsp-vscode-e2e)
#   VSIX              a prebuilt platform .vsix (with its server) instead of building one
#   TIMEOUT_MS        hard deadline for the browser part (default 180000)
#   UPDATE_SCREENSHOT=1  copy the main screenshot into editors/vscode/images/ for the README
#   E2E_NETNS=off     do not run code-server and chromium in a loopback-only network namespace
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
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
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
CHECKS=$ONLY node "$E2E_DIR/run.mjs" --check-names || exit 2
T_SETUP=$(date +%s)
log "setup done in $((T_SETUP - T0)) s"
[ "$SETUP_ONLY" = 1 ] && exit 0

# ---- build -----------------------------------------------------------------------------------------

STATE=$(mktemp -d "${TMPDIR:-/tmp}/buflsp-vscode-e2e.XXXXXX")
CS_PID=""
NETNS_PID=""
stop_code_server() {
  if [ -n "$CS_PID" ]; then
    # code-server keeps the extension host and the language server alive waiting for a reconnect,
    # so the whole process group started by setsid goes, not just the first process.
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.3; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
    CS_PID=""
  fi
}

cleanup() {
  local rc=$?
  stop_code_server
  [ -n "$NETNS_PID" ] && kill "$NETNS_PID" 2>/dev/null
  if [ "$KEEP_STATE" = 1 ]; then log "state kept in $STATE"; else rm -rf "$STATE"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 2' INT TERM

mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/result*.json "$ART"/*.log

# The .vsix for this machine's platform, with the server cross-compiled into it exactly as
# `make vscode` does for every platform; no buflsp.path is set, so the extension runs that server.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) TARGET=linux-x64 ;;
  Linux-aarch64) TARGET=linux-arm64 ;;
  Darwin-x86_64) TARGET=darwin-x64 ;;
  Darwin-arm64) TARGET=darwin-arm64 ;;
  *) echo "vscode-e2e: no .vsix target for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac
if [ -n "${VSIX:-}" ]; then VSIX=$(cd "$(dirname "$VSIX")" && pwd)/$(basename "$VSIX"); fi
if [ -z "${VSIX:-}" ]; then
  # `make vscode` starts with npm ci, which reinstalls node_modules every time; skip that step when
  # node_modules is already newer than the lock file.
  if ! [ "$EXT_DIR/node_modules/.package-lock.json" -nt "$EXT_DIR/package-lock.json" ]; then
    log "installing the extension's node_modules (npm ci)"
    (cd "$EXT_DIR" && npm ci --no-audit --no-fund --loglevel=error) >"$ART/make-vscode.log" 2>&1 \
      || { cat "$ART/make-vscode.log" >&2; echo "vscode-e2e: npm ci failed" >&2; exit 2; }
  fi
  log "building the $TARGET .vsix with its server (npm test, go build, vsce package --target $TARGET)"
  (cd "$EXT_DIR" && npm test --silent && bash "$ROOT/scripts/vscode-package.sh" "$TARGET") >>"$ART/make-vscode.log" 2>&1 \
    || { cat "$ART/make-vscode.log" >&2; echo "vscode-e2e: building the .vsix failed" >&2; exit 2; }
  VSIX=$ROOT/dist/buflsp-vscode-$TARGET.vsix
fi
# The stand-in for lua-language-server's extension, for the companion session.
STANDIN=$STATE/standin-lua.vsix
if [ -z "$ONLY" ] || [[ ",$ONLY," == *,companion,* ]]; then
  (cd "$E2E_DIR/standin-lua" && "$EXT_DIR/node_modules/.bin/vsce" package --allow-missing-repository --skip-license -o "$STANDIN") \
    >"$ART/standin.log" 2>&1 || { cat "$ART/standin.log" >&2; echo "vscode-e2e: packaging the stand-in failed" >&2; exit 2; }
fi
T_BUILD=$(date +%s)
log "build done in $((T_BUILD - T_SETUP)) s"

# ---- network ------------------------------------------------------------------------------------------

export XDG_DATA_HOME=$STATE/xdg-data XDG_CONFIG_HOME=$STATE/xdg-config XDG_CACHE_HOME=$STATE/xdg-cache
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/vscode/gallery","itemUrl":"http://127.0.0.1:9/vscode/item","resourceUrlTemplate":"http://127.0.0.1:9/{publisher}/{name}/{version}/{path}"}'

# No traffic off the machine: where the kernel allows it (root, or user namespaces), code-server, the
# extension host, the language server and chromium all run in a network namespace that has nothing
# but loopback, held open by a sleeping process. Elsewhere (E2E_NETNS=off, or unshare refused) the
# settings below and chromium's flags are what keep them local.
IN_NS=()
NETWORK="settings only"
if [ "${E2E_NETNS:-auto}" != off ] && command -v unshare >/dev/null && command -v nsenter >/dev/null \
   && unshare -n true 2>/dev/null; then
  unshare -n sleep 100000 &
  NETNS_PID=$!
  for _ in $(seq 1 50); do
    [ "$(readlink "/proc/$NETNS_PID/ns/net" 2>/dev/null)" != "$(readlink /proc/self/ns/net)" ] && break
    sleep 0.05
  done
  if nsenter -t "$NETNS_PID" -n ip link set lo up 2>/dev/null; then
    IN_NS=(nsenter -t "$NETNS_PID" -n)
    NETWORK="isolated: loopback-only network namespace"
  else
    kill "$NETNS_PID" 2>/dev/null; NETNS_PID=""
  fi
fi
log "network: $NETWORK"

# ---- one session: fresh state, code-server, the checks ---------------------------------------------------

# session NAME CHECKS [EXTRA_VSIX]: a fresh user-data dir, extensions dir and copy of the workspace (the
# checks edit files and settings, and VS Code's hot exit would bring back edits from an earlier run),
# code-server started on them, run.mjs driving the given checks, code-server stopped. Returns run.mjs's
# exit code.
session() {
  local name=$1 checks=$2 extra=${3:-}
  local dir=$STATE/$name
  WS=$dir/workspace
  mkdir -p "$dir/data/User" "$dir/ext"
  cp -R "$E2E_DIR/workspace" "$WS"
  printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$dir/config.yaml"
  # Settings that keep the workbench off the network (gallery, updates, experiments, telemetry) and
  # quiet (no welcome page, no chat). No buflsp.path: the server is the one bundled in the .vsix.
  # Fix all on save is what the README tells users to set.
  node -e '
    const [file] = process.argv.slice(1);
    const s = {
      "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
      "extensions.ignoreRecommendations": true, "workbench.enableExperiments": false,
      "telemetry.telemetryLevel": "off", "update.mode": "none", "chat.disableAIFeatures": true,
      "workbench.startupEditor": "none", "workbench.tips.enabled": false, "security.workspace.trust.enabled": false,
      "files.hotExit": "off", "editor.hover.delay": 200, "editor.quickSuggestions": { "other": false },
      "editor.codeActionsOnSave": { "source.fixAll.buflsp": "explicit" },
      "buflsp.trace.server": "messages",
    };
    require("fs").writeFileSync(file, JSON.stringify(s, null, 2));
  ' "$dir/data/User/settings.json"
  local cs_args=(--config "$dir/config.yaml" --user-data-dir "$dir/data" --extensions-dir "$dir/ext")
  local v
  for v in "$VSIX" $extra; do
    log "[$name] installing $(basename "$v")"
    "$CS_BIN" "${cs_args[@]}" --install-extension "$v" >"$ART/install-extension-$name.log" 2>&1 \
      || { cat "$ART/install-extension-$name.log" >&2; echo "vscode-e2e: code-server --install-extension $v failed" >&2; return 2; }
  done
  log "[$name] starting code-server"
  setsid "${IN_NS[@]}" "$CS_BIN" "${cs_args[@]}" --bind-addr 127.0.0.1:0 --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override "$WS" >"$ART/code-server-$name.log" 2>&1 &
  CS_PID=$!
  local port=""
  for _ in $(seq 1 150); do
    port=$(sed -n 's#.*HTTP server listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$ART/code-server-$name.log" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$port" ]; then
    cat "$ART/code-server-$name.log" >&2
    echo "vscode-e2e: code-server did not report a listening port within 30 s" >&2
    return 2
  fi
  log "[$name] code-server on 127.0.0.1:$port"
  local rc=0
  CS_URL=http://127.0.0.1:$port WS=$WS ART=$ART SESSION=$name CHECKS=$checks CHROMIUM=$CHROMIUM PROFILE=$dir/chromium \
    LOGS=$dir/data/logs EXT_DIR_INSTALLED=$dir/ext TIMEOUT_MS=${TIMEOUT_MS:-180000} NETWORK=$NETWORK \
    "${IN_NS[@]}" node "$E2E_DIR/run.mjs" || rc=$?
  # The server's stderr and the client's trace end up in the extension host's log folder.
  find "$dir/data/logs" -path '*buflsp*' -name '*.log' -exec cat {} + >"$ART/buflsp-output-$name.log" 2>/dev/null || true
  stop_code_server
  return $rc
}

# ---- drive it ------------------------------------------------------------------------------------------

CHECKS_MAIN=$(CHECKS=$ONLY SESSION=main node "$E2E_DIR/run.mjs" --list)
CHECKS_COMPANION=$(CHECKS=$ONLY SESSION=companion node "$E2E_DIR/run.mjs" --list)
T_CS=$(date +%s)
RC=0
if [ -n "$CHECKS_MAIN" ]; then
  session main "$CHECKS_MAIN" || RC=$?
fi
if [ -n "$CHECKS_COMPANION" ] && [ "$RC" != 2 ]; then
  rc2=0
  session companion "$CHECKS_COMPANION" "$STANDIN" || rc2=$?
  [ "$rc2" -gt "$RC" ] && RC=$rc2
fi
if [ "${UPDATE_SCREENSHOT:-0}" = 1 ] && [ -f "$ART/hover.png" ]; then
  mkdir -p "$EXT_DIR/images" && cp "$ART/hover.png" "$EXT_DIR/images/screenshot.png"
  log "updated editors/vscode/images/screenshot.png"
fi
T_END=$(date +%s)
log "timing: setup $((T_SETUP - T0)) s, build $((T_BUILD - T_SETUP)) s, sessions $((T_END - T_CS)) s, total $((T_END - T0)) s"
log "artifacts in $ART"
exit $RC
