package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.WindReading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The source's parsing: valid readings go on, invalid ones are counted, never emitted. */
class WindReadingDeserializerTest {
    private final WindReadingDeserializer deserializer = new WindReadingDeserializer();
    private final List<WindArrival> out = new ArrayList<>();

    private void open() {
        deserializer.open(
                new DeserializationSchema.InitializationContext() {
                    @Override
                    public MetricGroup getMetricGroup() {
                        return new UnregisteredMetricsGroup();
                    }

                    @Override
                    public UserCodeClassLoader getUserCodeClassLoader() {
                        throw new UnsupportedOperationException();
                    }
                });
    }

    private void read(String key, String value, long loggedAt) {
        deserializer.deserialize(
                new ConsumerRecord<>(
                        "sensor-wind",
                        0,
                        7L,
                        loggedAt,
                        TimestampType.LOG_APPEND_TIME,
                        -1,
                        -1,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                        new RecordHeaders(),
                        Optional.empty()),
                new Collector<>() {
                    @Override
                    public void collect(WindArrival reading) {
                        out.add(reading);
                    }

                    @Override
                    public void close() {}
                });
    }

    @Test
    void shouldPassValidReadingsAndCountInvalidOnesWithoutEmittingThem() {
        open();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        long logged = now.toEpochMilli() + 15;
        read(
                "W-1",
                "{\"wind_id\":\"W-1\",\"timestamp\":\"" + now + "\",\"wind_speed\":7.5}",
                logged);
        read("W-1", "{not json", logged);
        read(
                "W-2",
                "{\"wind_id\":\"W-2\",\"timestamp\":\"" + now + "\",\"wind_speed\":-1}",
                logged);
        read("W-3", null, logged);

        // Each valid reading with the broker's timestamp of its record.
        assertThat(out)
                .containsExactly(
                        new WindArrival(new WindReading("W-1", now, 7.5, null, null), logged));
        assertThat(deserializer.invalidReadings()).isEqualTo(3);
    }
}
