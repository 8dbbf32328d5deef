#!/bin/sh
# Submits every Kafka supervisor spec in $SUPERVISORS_DIR (default /supervisors, holding
# druid/supervisors/*.json) to the overlord, with ${KAFKA_BOOTSTRAP} filled in. Submitting a spec
# again updates its supervisor, so this is safe at every start.
set -eu
OVERLORD="${DRUID_OVERLORD:-http://druid-coordinator:8081}"
SUPERVISORS_DIR="${SUPERVISORS_DIR:-/supervisors}"
: "${KAFKA_BOOTSTRAP:?set KAFKA_BOOTSTRAP}"

i=0
until curl -fsS "$OVERLORD/druid/indexer/v1/leader" >/dev/null 2>&1; do
  i=$((i + 1))
  [ "$i" -ge 90 ] && { echo "overlord $OVERLORD not ready" >&2; exit 1; }
  sleep 2
done

for spec in "$SUPERVISORS_DIR"/*.json; do
  echo "supervisor $(basename "$spec" .json)"
  sed "s|\${KAFKA_BOOTSTRAP}|$KAFKA_BOOTSTRAP|g" "$spec" \
    | curl -fsS -X POST -H 'Content-Type: application/json' --data-binary @- \
        "$OVERLORD/druid/indexer/v1/supervisor"
  echo
done
