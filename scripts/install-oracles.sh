#!/usr/bin/env bash
# Installs the reference programs the tests compare against, when they are
# missing: luajit, lua5.1 to lua5.4 (syntax and runtime oracles), luacheck (the
# lint speed baseline) and neovim (the end-to-end editor test).
# It needs root (or sudo) and Debian's apt; on other systems install them by hand.
set -euo pipefail

declare -A pkg_of=(
  [luajit]=luajit
  [lua5.1]=lua5.1
  [lua5.2]=lua5.2
  [lua5.3]=lua5.3
  [lua5.4]=lua5.4
  [luacheck]=lua-check
  [nvim]=neovim
)

missing=()
for bin in "${!pkg_of[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("${pkg_of[$bin]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-oracles: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-oracles: not root and no sudo; install these packages by hand: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
