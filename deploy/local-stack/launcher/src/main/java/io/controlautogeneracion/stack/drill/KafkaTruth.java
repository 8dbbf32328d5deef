package io.controlautogeneracion.stack.drill;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.WindReading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What Kafka holds between the drill's first and last offsets: every message's partition, offset
 * and time (for the MongoDB check), and the drill devices' valid readings (for the landing and wind
 * checks), read back after the run. Kafka's log is the truth: the stores must hold exactly this,
 * once.
 */
final class KafkaTruth {
    /** Per partition: the first offset read and each message's timestamp, by offset. */
    final Map<TopicPartition, long[]> times = new HashMap<>();

    final Map<TopicPartition, Long> firstOffsets = new HashMap<>();

    /** Drill panel and light readings: "topic|device|epoch ms" → how many times Kafka holds it. */
    final Map<String, Integer> readings = new HashMap<>();

    /** Drill anemometer seconds: "device|second ms" → {readings, max speed × 10}. */
    final Map<String, long[]> windSeconds = new HashMap<>();

    static KafkaTruth read(
            Map<String, Object> kafka,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            ReadingParser parser) {
        KafkaTruth truth = new KafkaTruth();
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> pending = new ArrayList<>();
            from.forEach(
                    (tp, start) -> {
                        long end = to.get(tp);
                        truth.firstOffsets.put(tp, start);
                        truth.times.put(tp, new long[(int) (end - start)]);
                        if (end > start) {
                            pending.add(tp);
                        }
                    });
            consumer.assign(pending);
            pending.forEach(tp -> consumer.seek(tp, from.get(tp)));
            while (!pending.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    long end = to.get(tp);
                    if (r.offset() >= end) {
                        continue;
                    }
                    truth.times.get(tp)[(int) (r.offset() - from.get(tp))] = r.timestamp();
                    truth.drillReading(r, parser);
                    if (r.offset() == end - 1) {
                        pending.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        }
        return truth;
    }

    private void drillReading(ConsumerRecord<byte[], byte[]> r, ReadingParser parser) {
        if (r.key() == null
                || !new String(r.key(), StandardCharsets.UTF_8).startsWith(DrillProducer.PREFIX)) {
            return;
        }
        DeviceKind kind =
                switch (r.topic()) {
                    case "panel" -> DeviceKind.PANEL;
                    case "sensor-light" -> DeviceKind.LIGHT;
                    default -> DeviceKind.WIND;
                };
        if (!(parser.parse(kind, r.value()) instanceof ParseResult.Valid valid)) {
            return;
        }
        long millis = valid.reading().timestamp().toEpochMilli();
        if (valid.reading() instanceof WindReading wind) {
            long[] second =
                    windSeconds.computeIfAbsent(
                            wind.windId() + "|" + Math.floorDiv(millis, 1000) * 1000,
                            k -> new long[2]);
            second[0]++;
            second[1] = Math.max(second[1], Math.round(wind.windSpeed() * 10));
        } else {
            readings.merge(
                    r.topic() + "|" + valid.reading().deviceId() + "|" + millis, 1, Integer::sum);
        }
    }

    long messages() {
        return times.values().stream().mapToLong(t -> t.length).sum();
    }
}
