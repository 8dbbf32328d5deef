#!/usr/bin/env bash
# Benchmark of the hourly panel batch (not a test): starts the local stack's Druid and catalog
# stand-in for the run, seeds the catalog, writes landed files and times files -> Druid rows.
#   bench/run.sh                 100 000 panels x 1 h, then 1 000 panels x 168 h (a week)
#   BENCH_PANELS=20000 BENCH_BACKFILL_HOURS=168 bench/run.sh
#   bench/run.sh year            1 000 panels x the 12 months of 2025 landed, then one run (~38 GB of files)
#   BENCH_YEAR_BY_MONTH=true bench/run.sh year    one run per month instead, a month of files at a time
#   BENCH_YEAR_PANELS=500 BENCH_YEAR_MONTHS=3 bench/run.sh year
# Figures are printed as "BENCH ..." lines (also in target/surefire-reports).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = year ]; then
  test="HourlyBatchBenchmark#backfillYear"
  props="-Dbench.year-panels=${BENCH_YEAR_PANELS:-1000} -Dbench.year-months=${BENCH_YEAR_MONTHS:-12} -Dbench.year-by-month=${BENCH_YEAR_BY_MONTH:-false}"
else
  test="HourlyBatchBenchmark#measure"
  props=""
fi
./mvnw -B -pl flink-pipelines -am test -Dspotless.check.skip=true \
  -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.panels="${BENCH_PANELS:-100000}" \
  -Dbench.backfill-panels="${BENCH_BACKFILL_PANELS:-1000}" \
  -Dbench.backfill-hours="${BENCH_BACKFILL_HOURS:-168}" \
  -DargLine="-Xmx4g -Dbench.panels=${BENCH_PANELS:-100000} -Dbench.backfill-panels=${BENCH_BACKFILL_PANELS:-1000} -Dbench.backfill-hours=${BENCH_BACKFILL_HOURS:-168} $props" \
  | grep -E "BENCH|Tests run|ERROR" 
