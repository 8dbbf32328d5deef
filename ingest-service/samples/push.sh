#!/usr/bin/env bash
# Pushes the sample messages (valid and bad) of this folder to Kafka, stamped with the current time.
# Usage: push.sh <bootstrap servers> <classpath holding kafka-tools, or empty to use kafka-console-producer.sh>
set -euo pipefail
bootstrap=${1:-127.0.0.1:9092}
classpath=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for topic in panel sensor-light sensor-wind; do
  args=(--bootstrap-server "$bootstrap" --topic "$topic" --property parse.key=true --property "key.separator=|")
  if [ -n "$classpath" ]; then
    sed "s/@NOW@/$now/g" "$here/$topic.txt" | java -cp "$classpath" org.apache.kafka.tools.ConsoleProducer "${args[@]}"
  else
    sed "s/@NOW@/$now/g" "$here/$topic.txt" | kafka-console-producer.sh "${args[@]}"
  fi
done
