#!/usr/bin/env bash
# One-shot Kafka set-up, as the operator's user (admin): the device and Druid topics (sensor-wind
# stamped with the broker's clock); transaction.version=1, which the wind job's exactly-once Kafka
# sink needs (flink-connector-kafka 5.0.0 cannot commit a recovered transaction under Kafka 4's
# transaction protocol v2; see flink-pipelines/README.md); every user of acls.txt as a
# SCRAM-SHA-512 user with the password of KAFKA_<USER>_PASSWORD (setting it again rotates it); and
# the ACLs of acls.txt. Idempotent.
set -euo pipefail
BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
PARTITIONS="${KAFKA_PARTITIONS:-2}"
ACLS="${KAFKA_ACLS:-/init/acls.txt}"
BIN=/opt/kafka/bin
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"

# The operator's client settings, in a file only this process can read.
umask 077
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
{
  echo "security.protocol=${KAFKA_SECURITY_PROTOCOL:-SASL_PLAINTEXT}"
  echo "sasl.mechanism=PLAIN"
  echo "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD}\";"
  if [[ -n "${KAFKA_SSL_TRUSTSTORE_LOCATION:-}" ]]; then
    echo "ssl.truststore.location=${KAFKA_SSL_TRUSTSTORE_LOCATION}"
    echo "ssl.truststore.password=${KAFKA_SSL_TRUSTSTORE_PASSWORD:-}"
  fi
} > "$ADMIN_CONFIG"
ADMIN=(--bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG")

i=0
until $BIN/kafka-broker-api-versions.sh "${ADMIN[@]}" >/dev/null 2>&1; do
  i=$((i + 1))
  [[ $i -ge 60 ]] && { echo "Kafka at $BOOTSTRAP does not answer the operator's user" >&2; exit 1; }
  sleep 2
done

for topic in panel sensor-light sensor-wind topic_stats wind_reading wind_alarm; do
  $BIN/kafka-topics.sh "${ADMIN[@]}" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
# The wind job bounds event time by the broker's clock (a device's clock may run ahead): its input
# records carry the time the broker logged them, whatever the producer sets.
$BIN/kafka-configs.sh "${ADMIN[@]}" --alter --entity-type topics \
  --entity-name sensor-wind --add-config message.timestamp.type=LogAppendTime
if $BIN/kafka-features.sh "${ADMIN[@]}" describe \
    | grep -E 'Feature: transaction.version\b' | grep -qE 'FinalizedVersionLevel: 1\b'; then
  echo "transaction.version is 1"
else
  $BIN/kafka-features.sh "${ADMIN[@]}" downgrade --feature transaction.version=1
fi

# Users: every principal of acls.txt, its password from KAFKA_<PRINCIPAL>_PASSWORD
# (device-panel: KAFKA_DEVICE_PANEL_PASSWORD).
rules="$(grep -vE '^\s*(#|$)' "$ACLS")"
for user in $(awk '{print $1}' <<<"$rules" | sort -u); do
  var="KAFKA_$(tr 'a-z-' 'A-Z_' <<<"$user")_PASSWORD"
  password="${!var:-}"
  [[ -n "$password" ]] || { echo "set $var" >&2; exit 1; }
  $BIN/kafka-configs.sh "${ADMIN[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" >/dev/null
  echo "user $user"
done

# ACLs: one ALLOW rule a line (adding one that exists changes nothing).
while read -r principal operation resource pattern name; do
  $BIN/kafka-acls.sh "${ADMIN[@]}" --add --allow-principal "User:$principal" \
    --operation "$operation" "--$resource" "$name" --resource-pattern-type "${pattern^^}" >/dev/null
  echo "acl User:$principal $operation $resource $pattern $name"
done <<<"$rules"
