#!/usr/bin/env bash
# One-shot Kafka set-up: the device and Druid topics (sensor-wind stamped with the broker's clock),
# and transaction.version=1, which the wind job's exactly-once Kafka sink needs
# (flink-connector-kafka 5.0.0 cannot commit a recovered transaction under Kafka 4's transaction
# protocol v2; see flink-pipelines/README.md). Idempotent.
set -euo pipefail
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
PARTITIONS="${KAFKA_PARTITIONS:-2}"
BIN=/opt/kafka/bin

for topic in panel sensor-light sensor-wind topic_stats wind_reading wind_alarm; do
  $BIN/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
# The wind job bounds event time by the broker's clock (a device's clock may run ahead): its input
# records carry the time the broker logged them, whatever the producer sets.
$BIN/kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
  --entity-name sensor-wind --add-config message.timestamp.type=LogAppendTime
if $BIN/kafka-features.sh --bootstrap-server "$BOOTSTRAP" describe \
    | grep -E 'Feature: transaction.version\b' | grep -qE 'FinalizedVersionLevel: 1\b'; then
  echo "transaction.version is 1"
else
  $BIN/kafka-features.sh --bootstrap-server "$BOOTSTRAP" downgrade --feature transaction.version=1
fi
