package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.WindReading;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    // An hour's edge: "now" for the timestamp bounds, whatever the machine's clock says.
    private static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");

    private WindReadingDeserializer deserializer = deserializerAt(NOW);
    private final List<WindArrival> out = new ArrayList<>();

    private static WindReadingDeserializer deserializerAt(Instant now) {
        return new WindReadingDeserializer(Clock.fixed(now, ZoneOffset.UTC));
    }

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
        Instant now = NOW.minusSeconds(2);

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

    private static String reading(String id, Instant timestamp) {
        return "{\"wind_id\":\""
                + id
                + "\",\"timestamp\":\""
                + timestamp
                + "\",\"wind_speed\":7.5}";
    }

    /**
     * A device clock that runs ahead is judged by the injected clock: at 13:00:00 a reading stamped
     * 13:05:00 is just within the 5 minutes allowed, one stamped 13:05:00.001 just past them; one
     * millisecond later on the injected clock, that one is within them too.
     */
    @Test
    void shouldJudgeAClockAheadByTheInjectedClockAtAnHoursEdge() {
        Instant edge = NOW.plus(Duration.ofMinutes(5));
        Instant past = edge.plusMillis(1);
        open();

        read("W-1", reading("W-1", edge), NOW.toEpochMilli());
        read("W-2", reading("W-2", past), NOW.toEpochMilli());

        assertThat(out).extracting(a -> a.reading().windId()).containsExactly("W-1");
        assertThat(deserializer.invalidReadings()).isEqualTo(1);

        deserializer = deserializerAt(NOW.plusMillis(1));
        out.clear();
        open();
        read("W-2", reading("W-2", past), NOW.toEpochMilli() + 1);

        assertThat(out).extracting(a -> a.reading().timestamp()).containsExactly(past);
        assertThat(deserializer.invalidReadings()).isZero();
    }
}
