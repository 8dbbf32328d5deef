#!/usr/bin/env bash
# Side-by-side benchmark of ingest-service (not a test): the same messages on the same in-JVM Kafka
# broker into the same MongoDB stand-in, consumed by the packaged service and by the seed-style
# peer consumer (a Python consumer with confluent-kafka and pymongo) one after the other, RUNS
# times; both measured the same way (messages/s from the first stored document to the last, CPU
# seconds of the process over that span, peak RSS), printed as one table with the ratios. Then the
# JMH benchmark of the per-message path.
# Usage: ingest-service/bench/run.sh [N messages per topic, default 1000000] [RUNS, default 3]
# Environment: BENCH_PEER (the peer's script; default ../shared/peers/seed_style_ingest.py beside
# the checkout, "-" for none), BENCH_SERVICE_JAVA_OPTS, BENCH_NATIVE (a native executable of the
# service, measured after the JVM one in each run; BENCH_NATIVE_OPTS), BENCH_CATALOG_CACHE_TTL, BENCH_RAW=1,
# BENCH_JMH=0 (skip JMH), BENCH_IDLE_SECONDS (the service's CPU per second with nothing to read,
# measured after each of its runs; default 20, 0 for none), BENCH_PROFILE=cpu, alloc or wall (the service runs under async-profiler, from
# Maven Central: one file of collapsed stacks per run, target/profile-<event>-<pid>.collapsed),
# BENCH_PROFILE_LOOP=15s (a file every 15 s instead, target/profile-<event>-<pid>-<time>.collapsed:
# the steady state apart from the start),
# BENCH_DRIVER_HEAP (the heap of the JVM with the broker and the stand-ins, default 16g: the stand-in
# keeps a run's documents, and 3 million filled an old generation of 8 GB).
set -euo pipefail
n=${1:-1000000}
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/ingest-service"
cd "$root"
peer="${BENCH_PEER:-$root/../shared/peers/seed_style_ingest.py}"
if [ "$peer" != "-" ]; then
  if [ ! -f "$peer" ]; then
    echo "no peer script at $peer: measuring the service alone (BENCH_PEER names another)" >&2
    peer="-"
  elif ! "$module/bench/install-peer.sh"; then
    echo "the peer cannot run here: measuring the service alone" >&2
    peer="-"
  fi
fi
# JMH's annotation processor must see every benchmark class: compile the test sources afresh.
rm -rf "$module/target/test-classes"
# One invocation: the classpath names the modules' fresh jars, nothing from the local repository.
./mvnw -B -q -pl ingest-service -am -Pbenchmark package dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")"

if [ -n "${BENCH_PROFILE:-}" ]; then
  # CPU samples every millisecond (the threads' own and the kernel's for them), or a sample every
  # 256 KiB allocated, weighted by bytes; the stacks start at each thread's run method.
  case "$BENCH_PROFILE" in
    cpu) events="event=cpu,interval=1ms" ;;
    alloc) events="event=alloc,alloc=256k,total" ;;
    # Where each thread spends its time, running or waiting (the stream's insert replies, its
    # polls): a sample every 5 ms of every thread, stacks per thread.
    wall) events="event=wall,interval=5ms,threads" ;;
    *) echo "BENCH_PROFILE is cpu, alloc or wall" >&2; exit 2 ;;
  esac
  profiler="$module/target/profiler"
  ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 -DoutputDirectory="$profiler"
  unzip -o -q "$profiler/async-profiler-4.2.jar" 'linux-x64/*' -d "$profiler"
  agent="-agentpath:$profiler/linux-x64/libasyncProfiler.so=start,$events"
  if [ -n "${BENCH_PROFILE_LOOP:-}" ]; then
    agent+=",loop=$BENCH_PROFILE_LOOP,file=$module/target/profile-$BENCH_PROFILE-%p-%t.collapsed"
  else
    agent+=",file=$module/target/profile-$BENCH_PROFILE-%p.collapsed"
  fi
  export BENCH_SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS:-@$module/jvm.options} $agent"
fi

echo "== side by side, N=$n per topic, $runs run(s) each; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The stand-in keeps every stored document in this JVM's heap until the run ends: promoted at their
# first young collection, they are copied once instead of from survivor space to survivor space
# (the collector's threads: 32 CPU-s a run of 3 million messages instead of about 60). The parallel
# collector, the whole heap from the start and a young generation of 1 GB, so that the old one
# holds a run's 3 million documents (they filled one of 8 GB) without a full collection: G1's
# barriers and remembered sets cost the stand-in's workers and its collector a third more over the
# same documents (ingest README, "Benchmark").
heap="${BENCH_DRIVER_HEAP:-16g}"
java -XX:+UseParallelGC -Xms$heap -Xmx$heap -Xmn1g -XX:MaxTenuringThreshold=0 -cp "$cp" \
  io.controlautogeneracion.ingest.bench.IngestBenchmark \
  "$n" "$runs" "$module/target/quarkus-app/quarkus-run.jar" "$peer" 2>&1 \
  | grep -E "RESULT|preloaded|run [0-9]+, |progress: |Exception" || true
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${BENCH_JMH:-1}" != 0 ]; then
  echo "== JMH: parse + validate + map to the document, one thread"
  java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main IngestPathBenchmark -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s 2>&1 \
    | grep -E "^Benchmark|IngestPathBenchmark\.|Result|ERROR|Exception" || true
fi
