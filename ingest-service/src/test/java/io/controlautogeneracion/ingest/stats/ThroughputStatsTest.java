package io.controlautogeneracion.ingest.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.ingest.stream.ParsedMessage;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputStatsTest {

    private static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");
    private final ReadingParser parser = ReadingParser.withDefaults();
    private final ThroughputStats stats =
            new ThroughputStats(Duration.ofSeconds(10), Duration.ofSeconds(2));

    @Test
    void shouldCountMessagesBytesInvalidAndLatencyPerBucket() {
        stats.record(
                "panel",
                T0.plusSeconds(3),
                List.of(valid(T0), valid(T0.plusSeconds(1)), invalid()));
        stats.record("panel", T0.plusSeconds(12), List.of(valid(T0.plusSeconds(11))));

        List<BucketSnapshot> deltas = stats.drainPending();
        assertThat(deltas).hasSize(2);
        BucketStats first =
                deltas.stream().filter(d -> d.start().equals(T0)).findFirst().orElseThrow().stats();
        assertThat(first.messages()).isEqualTo(3);
        assertThat(first.invalid()).isEqualTo(1);
        assertThat(first.latencyCount()).as("invalid without event time").isEqualTo(2);
        assertThat(first.latencyMaxMillis()).isEqualTo(3000);
        assertThat(first.latencyAvgMillis()).isEqualTo(2500);
        assertThat(stats.drainPending()).isEmpty();
    }

    @Test
    void shouldCloseABucketOnlyAfterItsGracePeriod() {
        stats.record("panel", T0.plusSeconds(1), List.of(valid(T0)));
        assertThat(stats.closeUpTo(T0.plusSeconds(11))).isEmpty();
        List<BucketSnapshot> closed = stats.closeUpTo(T0.plusSeconds(12));
        assertThat(closed)
                .singleElement()
                .satisfies(b -> assertThat(b.stats().messages()).isEqualTo(1));
        assertThat(stats.closeUpTo(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void shouldKeepDeltasWhoseFlushFailed() {
        stats.record("panel", T0, List.of(valid(T0)));
        List<BucketSnapshot> failed = stats.drainPending();
        stats.record("panel", T0.plusSeconds(1), List.of(valid(T0)));
        stats.restorePending(failed);
        assertThat(stats.drainPending())
                .singleElement()
                .satisfies(b -> assertThat(b.stats().messages()).isEqualTo(2));
    }

    @Test
    void shouldReAggregateIntoMinutes() {
        stats.record("panel", T0.plusSeconds(5), List.of(valid(T0)));
        stats.record("panel", T0.plusSeconds(55), List.of(valid(T0), valid(T0)));
        stats.record("panel", T0.plusSeconds(65), List.of(valid(T0)));
        List<BucketSnapshot> minutes =
                StatsAggregation.rebucket("panel", stats.drainPending(), Duration.ofMinutes(1));
        assertThat(minutes).extracting(b -> b.stats().messages()).containsExactly(3L, 1L);
        assertThat(minutes.get(0).stats().latencyMaxMillis()).isEqualTo(55_000);
    }

    private ParsedMessage valid(Instant eventTime) {
        String json = "{\"panel_id\":\"p1\",\"timestamp\":\"" + eventTime + "\",\"power_w\":10}";
        ReadingParser atEvent =
                new ReadingParser(
                        io.controlautogeneracion.model.reading.ValidationRules.defaults(),
                        java.time.Clock.fixed(eventTime, java.time.ZoneOffset.UTC));
        return new ParsedMessage(
                "panel", 0, 1, "p1", json.length(), atEvent.parse(DeviceKind.PANEL, json), null);
    }

    private ParsedMessage invalid() {
        return new ParsedMessage(
                "panel", 0, 2, "p1", 5, parser.parse(DeviceKind.PANEL, "oops!"), null);
    }
}
