#!/usr/bin/env bash
# The flink-pipelines image's entrypoint. Flink's own entrypoint writes the cluster configuration
# (FLINK_PROPERTIES, jobmanager.rpc.address) into /opt/flink/conf at each start. With a read-only
# root file system (deploy/compose.yaml, deploy/k8s) that directory is an empty writable mount
# (tmpfs, emptyDir): it first receives the image's configuration, kept in /opt/flink/conf-image.
set -euo pipefail
CONF_DIR="${FLINK_CONF_MOUNT:-/opt/flink/conf}"
IMAGE_CONF="${FLINK_IMAGE_CONF:-/opt/flink/conf-image}"
if [ -d "$IMAGE_CONF" ] && [ -z "$(ls -A "$CONF_DIR" 2>/dev/null)" ]; then
  cp -R "$IMAGE_CONF"/. "$CONF_DIR"/
fi
exec "${FLINK_ENTRYPOINT:-/docker-entrypoint.sh}" "$@"
