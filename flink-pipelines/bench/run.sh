#!/usr/bin/env bash
# Benchmark of the hourly panel batch (not a test): starts the local stack's Druid and catalog
# stand-in for the run, seeds the catalog, writes landed files and times files -> Druid rows.
#   bench/run.sh                 100 000 panels x 1 h, then 1 000 panels x 168 h (a week)
#   BENCH_PANELS=20000 BENCH_BACKFILL_HOURS=168 bench/run.sh
# Figures are printed as "BENCH ..." lines (also in target/surefire-reports).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -pl flink-pipelines -am test -Dspotless.check.skip=true \
  -Dtest=HourlyBatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.panels="${BENCH_PANELS:-100000}" \
  -Dbench.backfill-panels="${BENCH_BACKFILL_PANELS:-1000}" \
  -Dbench.backfill-hours="${BENCH_BACKFILL_HOURS:-168}" \
  -DargLine="-Xmx4g -Dbench.panels=${BENCH_PANELS:-100000} -Dbench.backfill-panels=${BENCH_BACKFILL_PANELS:-1000} -Dbench.backfill-hours=${BENCH_BACKFILL_HOURS:-168}" \
  | grep -E "BENCH|Tests run|ERROR" 
