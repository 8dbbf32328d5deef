#!/usr/bin/env bash
# Installs Debian's Chromium and its chromedriver for the dashboards' browser test
# (DashboardsBrowserTest), which is skipped where they are missing, through deploy/debian-packages.sh
# (root or sudo, and apt).
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
"$(dirname "$0")/../../deploy/debian-packages.sh" "the dashboards' browser test" \
  chromium chromium-driver fonts-dejavu-core
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi
echo "Chromium could not be installed: the dashboards' browser test will be skipped" >&2
exit 1
