#!/usr/bin/env bash
# Runs the hourly batch (RichPanel -> WritePanel, RichSensorLight -> WriteSensorLight) for the last
# closed hour at minute ${BATCH_MINUTE:-20} of every hour, as a local Flink execution (the batch
# collects its rows in the driver, then hands them to Druid index_parallel tasks that replace the
# hour: a re-run is idempotent). Settings come from the environment: BATCH_* (see flink-pipelines).
# With arguments, runs once with them (e.g. --from 2026-11-28T00:00:00Z --to 2026-11-28T12:00:00Z);
# with BATCH_ONCE=true, runs once for the last closed hour (a Kubernetes CronJob does the timing).
set -euo pipefail
CP="/opt/flink/lib/*:/opt/flink/usrlib/*"
MAIN=io.controlautogeneracion.pipelines.batch.HourlyBatch
LOG_CONF=/opt/flink/conf/log4j-console.properties
# BATCH_JAVA_OPTS holds several options: split on purpose.
# shellcheck disable=SC2086
run() { java ${BATCH_JAVA_OPTS:--Xmx1g} -Dlog4j.configurationFile="$LOG_CONF" -cp "$CP" "$MAIN" "$@"; }

if [ "$#" -gt 0 ] || [ "${BATCH_ONCE:-false}" = true ]; then
  run "$@"
  exit
fi
MINUTE="${BATCH_MINUTE:-20}"
while true; do
  now=$(date -u +%s)
  next=$(( now - now % 3600 + MINUTE * 60 ))
  [ "$next" -le "$now" ] && next=$(( next + 3600 ))
  sleep $(( next - now ))
  run || echo "hourly batch failed (exit $?); re-run it with --hour" >&2
done
