#!/usr/bin/env bash
# Benchmark of the wind job (not a test): starts the local stack's Kafka, Druid and Couchbase
# stand-in for the run, then
#   1. readings/s and readings per CPU-second through RichSensorWind (warm cache), the 1-second
#      windows and the alarms, at parallelism 1, from a generator (no Kafka);
#   2. latency from a produced sensor-wind reading to its wind_alarm row in Druid SQL, at
#      5,000 readings/s (1,000 anemometers at 5 Hz), job at parallelism 2 with exactly-once sinks.
#   bench/wind.sh
#   BENCH_RATE=5000 BENCH_SECONDS=60 BENCH_WARMUP=20 BENCH_SENSORS=1000 BENCH_READINGS=3000000 bench/wind.sh
# Figures are printed as "BENCH ..." lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
props="-Dbench.rate=${BENCH_RATE:-5000} -Dbench.seconds=${BENCH_SECONDS:-60} -Dbench.warmup=${BENCH_WARMUP:-20} -Dbench.sensors=${BENCH_SENSORS:-1000} -Dbench.readings=${BENCH_READINGS:-3000000}"
./mvnw -B -pl flink-pipelines -am test -Dspotless.check.skip=true \
  -Dtest=WindBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.kafka.security=none \
  -DargLine="-Xmx2g ${props}" \
  | grep -E "BENCH|Tests run|ERROR"
