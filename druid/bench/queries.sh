#!/usr/bin/env bash
# Query benchmark over a year of panel_report (issue #12), see druid/bench/README.md. Not a test:
# starts the local stack's Druid for the run, loads a generated year of 1 000 panels with the
# datasources' own task templates, times the dashboards' heaviest named queries through Druid SQL
# on the broker, compacts the year with druid/compaction/panel_report.json and times them again.
#   druid/bench/queries.sh
#   BENCH_RUNS=100 BENCH_PANELS=1000 druid/bench/queries.sh
# Figures are printed as "BENCH ..." lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
props="-Dbench.panels=${BENCH_PANELS:-1000} -Dbench.runs=${BENCH_RUNS:-50}"
props="$props -Dbench.warmup=${BENCH_WARMUP:-5} -Dbench.compact=${BENCH_COMPACT:-true}"
props="$props -Dbench.segment-granularity=${BENCH_SEGMENT_GRANULARITY:-day}"
props="$props -Dbench.measure-loaded=${BENCH_MEASURE_LOADED:-true} -Dbench.loaded-runs=${BENCH_LOADED_RUNS:-10}"
# The load is not what is measured: the indexer gets the full JIT for it (the stack runs it on C1).
props="$props -Dstack.druid.indexer.jvm.flags=-XX:+UseSerialGC"
./mvnw -B -pl superset/page -am test -Dspotless.check.skip=true \
  -Dtest=QueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx2g $props" \
  | grep --line-buffered -E "BENCH|Tests run|ERROR"
