#!/usr/bin/env bash
# Installs what the seed-style peer consumer of the side-by-side benchmark needs: Debian's
# python3-confluent-kafka (librdkafka) and python3-pymongo, for /usr/bin/python3, through
# deploy/debian-packages.sh (root or sudo, and apt). Exit code 0 when both import afterwards, 1
# otherwise (the benchmark then measures the service alone and says so).
set -uo pipefail
python="${BENCH_PEER_PYTHON:-/usr/bin/python3}"
if "$python" -c "import confluent_kafka, pymongo" 2>/dev/null; then
  exit 0
fi
"$(dirname "$0")/../../deploy/debian-packages.sh" "the seed-style peer" python3-confluent-kafka python3-pymongo
if "$python" -c "import confluent_kafka, pymongo" 2>/dev/null; then
  exit 0
fi
echo "the peer's packages could not be installed" >&2
exit 1
