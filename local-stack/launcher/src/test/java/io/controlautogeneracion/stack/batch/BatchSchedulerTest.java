package io.controlautogeneracion.stack.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.stack.StackConfig;
import io.controlautogeneracion.stack.StackContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which hours the scheduler runs: closed ones not done, back-filled ones once closing pauses. */
class BatchSchedulerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:25:00Z");
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH").withZone(ZoneOffset.UTC);

    @TempDir Path data;

    private BatchScheduler scheduler(Instant now) {
        StackConfig config =
                StackConfig.load()
                        .with(
                                Map.of(
                                        "data.dir",
                                        data.toString(),
                                        "hourly-batch.catch-up.hours",
                                        "72"));
        return new BatchScheduler(new StackContext(config), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void land(String topic, Instant hour, boolean closed, Instant closedAt)
            throws IOException {
        Path dir = data.resolve("landing").resolve(topic).resolve(PARTITION.format(hour));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("part-0.json"), "{}\n");
        if (closed) {
            Path marker = Files.createFile(dir.resolve("_SUCCESS"));
            Files.setLastModifiedTime(marker, FileTime.from(closedAt));
        }
    }

    @Test
    void shouldRunTheHourJustEndedAtItsMinute() throws IOException {
        Instant hour = Instant.parse("2026-11-28T11:00:00Z");
        land("panel", hour, true, NOW.minusSeconds(5));
        land("sensor-light", hour, true, NOW.minusSeconds(5));

        assertThat(scheduler(NOW).due().hours()).containsExactly(hour);
        // Before minute 20 the hour waits, as it always has.
        assertThat(scheduler(Instant.parse("2026-11-28T12:15:00Z")).due().isEmpty()).isTrue();
    }

    @Test
    void shouldWaitForBackFilledHoursToStopClosingThenRunThemTogether() throws IOException {
        Instant first = Instant.parse("2026-11-26T13:00:00Z");
        for (int h = 0; h < 30; h++) {
            land("panel", first.plus(Duration.ofHours(h)), true, NOW.minusSeconds(30));
        }
        assertThat(scheduler(NOW).due().isEmpty()).isTrue();

        BatchScheduler.Due due = scheduler(NOW.plusSeconds(120)).due();
        assertThat(due.hours()).hasSize(30);
        assertThat(due.from()).isEqualTo(first);
        assertThat(due.to()).isEqualTo(first.plus(Duration.ofHours(30)));
    }

    @Test
    void shouldLeaveAnHourOutWhileOneOfItsPartitionsIsOpen() throws IOException {
        Instant hour = Instant.parse("2026-11-28T09:00:00Z");
        land("panel", hour, true, NOW.minusSeconds(600));
        land("sensor-light", hour, false, null);

        assertThat(scheduler(NOW).due().isEmpty()).isTrue();
    }

    @Test
    void shouldRunEachStretchOfConsecutiveHoursOnItsOwn() throws IOException {
        Instant first = Instant.parse("2026-11-28T01:00:00Z");
        for (int h : new int[] {0, 1, 3, 4, 5}) {
            land("panel", first.plus(Duration.ofHours(h)), true, NOW.minusSeconds(600));
        }
        // Hour 2 is still open: no range may span it.
        land("panel", first.plus(Duration.ofHours(2)), false, null);

        List<BatchScheduler.Due> runs = scheduler(NOW).due().runs();
        assertThat(runs)
                .extracting(BatchScheduler.Due::from)
                .containsExactly(first, first.plus(Duration.ofHours(3)));
        assertThat(runs)
                .extracting(BatchScheduler.Due::to)
                .containsExactly(first.plus(Duration.ofHours(2)), first.plus(Duration.ofHours(6)));
    }
}
