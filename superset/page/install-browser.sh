#!/usr/bin/env bash
# Installs Debian's Chromium and its chromedriver for the dashboards' browser test
# (DashboardsBrowserTest), which is skipped where they are missing. Needs root (or sudo) and apt.
# CHROMIUM and CHROMEDRIVER name another browser and driver (a CI runner's Chrome), and then
# nothing is installed. Exit code 0 when both are there afterwards, 1 otherwise (the test is then
# skipped, not failed).
set -uo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
driver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
if [ -x "$browser" ] && [ -x "$driver" ]; then
  echo "Browser for the dashboards' test: $("$browser" --version 2>/dev/null)"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "no apt-get here: install Chromium and chromedriver by hand (or set CHROMIUM and CHROMEDRIVER)" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "installing Chromium needs root" >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium and chromium-driver (for the dashboards' browser test)…"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null &&
  $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi
echo "Chromium could not be installed: the dashboards' browser test will be skipped" >&2
exit 1
