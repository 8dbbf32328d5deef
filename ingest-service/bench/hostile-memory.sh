#!/usr/bin/env bash
# The packaged ingest-service, with its deployed JVM options (jvm.options), against the messages
# that cost it the most memory on all three topics at once (HostileMemoryBenchmark): prints its
# peak RSS and whether every message was stored. Not a test; asserts nothing. The MongoDB stand-in
# in the driver JVM keeps each such document as about 27 MiB of Java objects, so a few dozen
# messages per topic is what the driver can hold; its own OutOfMemoryError lines after the RESULT
# line are the stand-in's, not the service's.
# Usage: ingest-service/bench/hostile-memory.sh [messages per topic, default 20]
set -euo pipefail
n=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/ingest-service"
cd "$root"
# One invocation: the classpath names the modules' fresh jars, nothing from the local repository.
./mvnw -B -q -pl ingest-service -am -Pbenchmark package dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
echo "== hostile memory, $n messages of ~1 MiB per topic; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx10g -cp "$cp" io.controlautogeneracion.ingest.bench.HostileMemoryBenchmark \
  "$n" "$module/target/quarkus-app/quarkus-run.jar" > "$module/target/hostile-memory.log" 2>&1 || true
grep -E "RESULT|Exception|OutOfMemory" "$module/target/hostile-memory.log" || true
grep -E "OutOfMemoryError|ERROR" "$module/target/bench-hostile.log" | head -5 || true
