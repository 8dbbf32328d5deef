#!/usr/bin/env bash
# Installs Debian packages a command of the project needs (the dashboards' browser test, the
# benchmark's seed-style peer): apt-get as root, or through sudo. Exit code 0 when apt-get installed
# them, 1 otherwise (no apt-get, no root, or a failed install), with the reason on stderr.
# Usage: deploy/debian-packages.sh "what they are for" PACKAGE...
set -uo pipefail
purpose="$1"
shift
if ! command -v apt-get >/dev/null; then
  echo "no apt-get here: install $* by hand ($purpose)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "installing $* ($purpose) needs root" >&2
    exit 1
  fi
fi
echo "Installing Debian's $* ($purpose)…"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null &&
  $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
