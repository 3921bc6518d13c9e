#!/usr/bin/env bash
# Installs the system libraries Gongkai links (Debian/Ubuntu), if they are missing.
set -euo pipefail
missing=()
for pkg in libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
