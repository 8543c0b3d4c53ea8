#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the portal's browser tests (deploy/stack, *BrowserIT), once:
# nothing happens when both are on the PATH. Run by Maven before the end-to-end tests; the browser comes from
# Debian's packages, never from a download of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: the browser tests need Debian's chromium and chromium-driver; install them as root:" >&2
    echo "  apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  sudo=(sudo)
fi
echo "installing chromium and chromium-driver for the browser tests …"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null
