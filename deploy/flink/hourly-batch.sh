#!/usr/bin/env bash
# The hourly batch (RichPanel -> WritePanel, RichSensorLight -> WriteSensorLight) in production, the
# same as in the local stack:
#   hourly-batch.sh                   the scheduler (io.controlautogeneracion.pipelines.batch.BatchScheduler):
#                                     every minute it reports each closed hour that is due (never
#                                     reported, changed by late readings, dirty, failed and past its
#                                     backoff), oldest first, each run in a JVM of its own; its ledger
#                                     lives in BATCH_STATE_DIR, its metrics on BATCH_METRICS_PORT
#   hourly-batch.sh run --from F --to T   one run now (io.controlautogeneracion.pipelines.batch.HourlyBatch)
#   hourly-batch.sh audit [--from F --to T]   the audit (io.controlautogeneracion.pipelines.batch.BatchAudit),
#                                     exit 1 on any violation
# Settings come from the environment: BATCH_* (see flink-pipelines/README.md).
set -euo pipefail
CP="/opt/flink/lib/*:/opt/flink/usrlib/*"
# The image's logging (deploy/flink/log4j-console.properties): console text, or JSON with LOG_JSON=true.
LOG_CONF=/opt/flink/conf/log4j-console.properties
LOG_FILE="${FLINK_LOG_DIR:-/opt/flink/log}/hourly-batch.log"
# BATCH_JAVA_OPTS holds several options: split on purpose.
# shellcheck disable=SC2086
java_with() { exec java ${BATCH_JAVA_OPTS:--Xmx1g} -Dlog4j.configurationFile="$LOG_CONF" -Dlog.file="$LOG_FILE" -cp "$CP" "$@"; }

case "${1:-}" in
  run) shift; java_with io.controlautogeneracion.pipelines.batch.HourlyBatch "$@" ;;
  audit) shift; java_with io.controlautogeneracion.pipelines.batch.BatchAudit "$@" ;;
  "") BATCH_JAVA_OPTS="${BATCH_SCHEDULER_JAVA_OPTS:--Xmx128m}" \
        java_with io.controlautogeneracion.pipelines.batch.BatchScheduler ;;
  *) echo "usage: hourly-batch.sh [run --from F --to T | audit [--from F --to T]]" >&2; exit 2 ;;
esac
