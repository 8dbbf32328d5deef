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

/**
 * One partition's watermark: event time, never past the broker's clock nor the readings lately
 * delivered late, minus the disorder.
 */
class BrokerBoundedWatermarksTest {
    private static final long NOW = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
    private final BrokerBoundedWatermarks strategy =
            new BrokerBoundedWatermarks(
                    Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofSeconds(30));
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

    @Test
    void shouldWaitForReadingsKeptByAProducerThatComesBackAfterAnother() {
        // Two producers share the partition; the broker is down from T0 to T1, each keeps the
        // readings its devices send meanwhile.
        long t0 = NOW;
        long t1 = NOW + 14_000;
        watermarkAfter(arrival("W-A", t0 - 100, t0 - 90), arrival("W-B", t0 - 50, t0 - 40));
        // The broker is back: A delivers what it kept, then goes on sending in time.
        for (long t = t0; t < t1; t += 1_000) {
            watermarkAfter(arrival("W-A", t, t1));
        }
        long heldAt = 0;
        for (long t = t1; t < t1 + 1_500; t += 100) {
            heldAt = watermarkAfter(arrival("W-A", t, t + 5));
        }
        // B comes back 1.5 s later with readings as old as the outage: none of them is late.
        assertThat(heldAt).isEqualTo(t0 - 501);
        for (long t = t0; t < t1 + 1_500; t += 1_000) {
            assertThat(Seconds.end(t) - 1)
                    .isGreaterThan(watermarkAfter(arrival("W-B", t, t1 + 1_500)));
        }
    }

    @Test
    void shouldCatchUpWithTheBrokersClockOnceTheDelaysAreForgotten() {
        watermarkAfter(arrival("W-A", NOW - 14_000, NOW));
        assertThat(watermarkAfter(arrival("W-A", NOW, NOW))).isEqualTo(NOW - 14_000 - 501);

        long later = NOW + 30_000;
        for (long t = NOW; t < later; t += 1_000) {
            assertThat(watermarkAfter(arrival("W-A", t, t))).isEqualTo(NOW - 14_000 - 501);
        }

        assertThat(watermarkAfter(arrival("W-A", later, later))).isEqualTo(later - 501);
    }

    @Test
    void shouldNotHoldTheFleetForAClockFurtherBehindThanTheLongestDelayWaitedFor() {
        long watermark =
                watermarkAfter(arrival("W-SLOW", NOW - 300_000, NOW), arrival("W-1", NOW, NOW));

        assertThat(watermark).isEqualTo(NOW - 501);
    }

    @Test
    void shouldRememberTheOldestReadingDeliveredLateForItsMemory() {
        BrokerBoundedWatermarks.DelayedReadings delayed =
                new BrokerBoundedWatermarks.DelayedReadings(3_000);
        delayed.add(NOW, NOW - 800, "W-1");
        delayed.add(NOW + 1_000, NOW - 300, "W-2");
        delayed.add(NOW + 2_500, NOW - 900, "W-3");
        delayed.add(NOW + 2_600, NOW + 2_000, "W-4");

        int oldest = delayed.oldest(NOW + 2_600);
        assertThat(delayed.eventTime(oldest)).isEqualTo(NOW - 900);
        assertThat(delayed.device(oldest)).isEqualTo("W-3");
        // Three seconds on, the first second is forgotten; six seconds on, all of them.
        assertThat(delayed.eventTime(delayed.oldest(NOW + 3_000))).isEqualTo(NOW - 900);
        assertThat(delayed.eventTime(delayed.oldest(NOW + 4_000))).isEqualTo(NOW - 900);
        assertThat(delayed.oldest(NOW + 6_000)).isEqualTo(-1);
    }
}
