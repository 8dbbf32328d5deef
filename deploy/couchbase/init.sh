#!/usr/bin/env bash
# One-shot initialisation of the Couchbase cluster: the node (data, index, query), the `catalog`
# bucket, a read-write user for catalog-service and a read-only user for the Flink jobs. Every step
# is skipped when already done, so it is safe at every start.
set -euo pipefail
HOST="${COUCHBASE_HOST:-couchbase}"
ADMIN="${COUCHBASE_ADMIN_USER:-Administrator}"
: "${COUCHBASE_ADMIN_PASSWORD:?}" "${CATALOG_COUCHBASE_PASSWORD:?}" "${CATALOG_READER_PASSWORD:?}"
BUCKET="${CATALOG_COUCHBASE_BUCKET:-catalog}"
CLI=/opt/couchbase/bin/couchbase-cli

for i in $(seq 1 90); do
  curl -fs "http://$HOST:8091/ui/index.html" >/dev/null && break
  [ "$i" = 90 ] && { echo "Couchbase at $HOST:8091 not up" >&2; exit 1; }
  sleep 2
done

if ! curl -fs -u "$ADMIN:$COUCHBASE_ADMIN_PASSWORD" "http://$HOST:8091/pools/default" >/dev/null; then
  $CLI cluster-init -c "$HOST:8091" --cluster-username "$ADMIN" --cluster-password "$COUCHBASE_ADMIN_PASSWORD" \
    --cluster-name control-autogeneracion --services data,index,query \
    --cluster-ramsize 512 --cluster-index-ramsize 256 --index-storage-setting default
fi

if ! curl -fs -u "$ADMIN:$COUCHBASE_ADMIN_PASSWORD" "http://$HOST:8091/pools/default/buckets/$BUCKET" >/dev/null; then
  $CLI bucket-create -c "$HOST:8091" -u "$ADMIN" -p "$COUCHBASE_ADMIN_PASSWORD" \
    --bucket "$BUCKET" --bucket-type couchbase --bucket-ramsize 256 --bucket-replica 0 --wait
fi

# Users are set (created or updated) every time, so a changed password in .env takes effect.
$CLI user-manage -c "$HOST:8091" -u "$ADMIN" -p "$COUCHBASE_ADMIN_PASSWORD" --set --auth-domain local \
  --rbac-username "${CATALOG_COUCHBASE_USERNAME:-catalog}" --rbac-password "$CATALOG_COUCHBASE_PASSWORD" \
  --roles "data_reader[$BUCKET],data_writer[$BUCKET],query_select[$BUCKET],query_insert[$BUCKET],query_update[$BUCKET],query_delete[$BUCKET]"
$CLI user-manage -c "$HOST:8091" -u "$ADMIN" -p "$COUCHBASE_ADMIN_PASSWORD" --set --auth-domain local \
  --rbac-username "${CATALOG_READER_USERNAME:-catalog_reader}" --rbac-password "$CATALOG_READER_PASSWORD" \
  --roles "data_reader[$BUCKET]"
echo "bucket $BUCKET ready"
