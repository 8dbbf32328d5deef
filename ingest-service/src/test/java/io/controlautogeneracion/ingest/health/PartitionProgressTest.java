package io.controlautogeneracion.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void shouldReportAPartitionWithMessagesWaitingAndNoWriteForTheTimeout() {
        progress.observe("panel", Map.of(0, 100L, 1, 50L), T0);
        progress.received("panel", 0, 40, T0);
        progress.written("panel", 1, 49, T0);
        assertThat(progress.stalled(T0.plus(TIMEOUT), TIMEOUT)).as("not longer yet").isEmpty();

        progress.observe("panel", Map.of(0, 100L, 1, 50L), T0.plusSeconds(150));
        assertThat(progress.stalled(T0.plusSeconds(150), TIMEOUT))
                .singleElement()
                .isEqualTo(
                        new PartitionProgress.Stall("panel", 0, 40, 60, Duration.ofSeconds(150)));
    }

    @Test
    void shouldCountAWriteOrAnEmptyBacklogAsProgress() {
        progress.observe("panel", Map.of(0, 100L), T0);
        progress.received("panel", 0, 40, T0);
        progress.written("panel", 0, 59, T0.plusSeconds(100));
        assertThat(progress.stalled(T0.plusSeconds(200), TIMEOUT)).isEmpty();
        assertThat(progress.stalled(T0.plusSeconds(221), TIMEOUT))
                .extracting(PartitionProgress.Stall::offset)
                .containsExactly(60L);

        progress.written("panel", 0, 99, T0.plusSeconds(230));
        progress.observe("panel", Map.of(0, 100L), T0.plusSeconds(500));
        assertThat(progress.stalled(T0.plusSeconds(500), TIMEOUT)).as("nothing waiting").isEmpty();
    }

    @Test
    void shouldForgetPartitionsNoLongerAssignedAndWaitForAnEndOffset() {
        progress.received("panel", 0, 40, T0);
        assertThat(progress.stalled(T0.plusSeconds(600), TIMEOUT)).as("end unknown").isEmpty();
        progress.observe("panel", Map.of(0, 100L), T0.plusSeconds(600));
        assertThat(progress.stalled(T0.plusSeconds(600), TIMEOUT)).hasSize(1);
        progress.observe("panel", Map.of(1, -1L), T0.plusSeconds(601));
        assertThat(progress.stalled(T0.plusSeconds(900), TIMEOUT)).isEmpty();
    }
}
