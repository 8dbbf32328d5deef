package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.WindReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** One partition's watermark: event time, never past the broker's clock minus the disorder. */
class BrokerBoundedWatermarksTest {
    private static final long NOW = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
    private final BrokerBoundedWatermarks strategy =
            new BrokerBoundedWatermarks(Duration.ofMillis(500));
    private final WatermarkGenerator<WindArrival> generator =
            strategy.createWatermarkGenerator(null);
    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    emitted.add(watermark.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };

    private static WindArrival arrival(String windId, long eventTime, long brokerTime) {
        return new WindArrival(
                new WindReading(windId, Instant.ofEpochMilli(eventTime), 4.0, null, null),
                brokerTime);
    }

    private long watermarkAfter(WindArrival... arrivals) {
        for (WindArrival a : arrivals) {
            generator.onEvent(a, a.eventTime(), output);
        }
        generator.onPeriodicEmit(output);
        return emitted.get(emitted.size() - 1);
    }

    @Test
    void shouldHoldAClockFourMinutesAheadToTheBrokersClock() {
        long watermark =
                watermarkAfter(
                        arrival("W-ON-TIME", NOW - 20, NOW), arrival("W-FAST", NOW + 240_000, NOW));

        assertThat(watermark).isEqualTo(NOW - 500 - 1);
        // Another anemometer's reading 300 ms old is still on time for its second.
        assertThat(Seconds.end(NOW - 300) - 1).isGreaterThan(watermark);
    }

    @Test
    void shouldFollowTheReadingsOwnTimeInABackFill() {
        long hourAgo = NOW - 3_600_000;

        assertThat(watermarkAfter(arrival("W-1", hourAgo, NOW))).isEqualTo(hourAgo - 501);
    }

    @Test
    void shouldFollowEventTimeWhenTheRecordHasNoTimestamp() {
        assertThat(watermarkAfter(arrival("W-1", NOW, -1))).isEqualTo(NOW - 501);
    }

    @Test
    void shouldNeverGoBack() {
        watermarkAfter(arrival("W-1", NOW, NOW));

        assertThat(watermarkAfter(arrival("W-1", NOW - 10_000, NOW + 10))).isEqualTo(NOW - 501);
    }

    @Test
    void shouldStampEachReadingWithItsOwnTime() {
        WindArrival fast = arrival("W-FAST", NOW + 240_000, NOW);

        assertThat(strategy.createTimestampAssigner(null).extractTimestamp(fast, NOW))
                .isEqualTo(NOW + 240_000);
        assertThat(fast.boundedTime()).isEqualTo(NOW);
    }
}
