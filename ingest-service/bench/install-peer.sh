#!/usr/bin/env bash
# Installs what the seed-style peer consumer of the side-by-side benchmark needs: Debian's
# python3-confluent-kafka (librdkafka) and python3-pymongo, for /usr/bin/python3. Needs root (or
# sudo) and apt. Exit code 0 when both import afterwards, 1 otherwise (the benchmark then measures
# the service alone and says so).
set -uo pipefail
python="${BENCH_PEER_PYTHON:-/usr/bin/python3}"
if "$python" -c "import confluent_kafka, pymongo" 2>/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "no apt-get here: install confluent-kafka and pymongo for $python by hand" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "installing the peer's packages needs root" >&2
    exit 1
  fi
fi
echo "Installing Debian's python3-confluent-kafka and python3-pymongo (the seed-style peer)…"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null &&
  $sudo apt-get install -y -qq --no-install-recommends python3-confluent-kafka python3-pymongo >/dev/null
if "$python" -c "import confluent_kafka, pymongo" 2>/dev/null; then
  exit 0
fi
echo "the peer's packages could not be installed" >&2
exit 1
