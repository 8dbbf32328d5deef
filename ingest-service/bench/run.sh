#!/usr/bin/env bash
# Benchmark of ingest-service (not a test): end-to-end rate into the MongoDB stand-in against the
# stand-in's own raw bulk-insert rate, CPU and RSS of the service process, then the JMH benchmark
# of the per-message path. Usage: ingest-service/bench/run.sh [N messages per topic, default 1000000]
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/ingest-service"
cd "$root"
# JMH's annotation processor must see every benchmark class: compile the test sources afresh.
rm -rf "$module/target/test-classes"
./mvnw -B -q -pl ingest-service -am -Pbenchmark package -DskipTests -Dspotless.check.skip=true
./mvnw -B -q -pl ingest-service -am -Pbenchmark dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"

echo "== end to end, N=$n per topic"
java -Xmx${BENCH_DRIVER_HEAP:-12g} -cp "$cp" io.controlautogeneracion.ingest.bench.IngestBenchmark \
  "$n" "$module/target/quarkus-app/quarkus-run.jar" 2>&1 | grep -E "RESULT|preloaded|stored|Exception" || true

echo "== JMH: parse + validate + map to the document, one thread"
java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main IngestPathBenchmark -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s 2>&1 \
  | grep -E "^Benchmark|IngestPathBenchmark\.|Result|ERROR|Exception" || true
