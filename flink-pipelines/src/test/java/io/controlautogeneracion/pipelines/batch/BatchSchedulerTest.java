package io.controlautogeneracion.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.panel.EdgeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scheduler finds due, over landed partitions and its ledger, with a runner that records
 * its ranges and the hours as a real run does: oldest first in stretches, late data, a neighbour's
 * edge readings that moved, failures with a doubling backoff, dirty hours, open and settling hours.
 */
class BatchSchedulerTest {
    private static final Duration HOUR = Duration.ofHours(1);
    // After every file the test writes, so they are all settled by then.
    private static final Instant NOW = Instant.now().plus(Duration.ofMinutes(5));
    private static final Instant H =
            NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(HOUR.multipliedBy(6));

    @TempDir Path dir;
    private LandingFiles files;
    private SchedulerSettings settings;
    private final List<HourRange> runs = new ArrayList<>();
    private final List<String> failWith = new ArrayList<>();
    private Instant now = NOW;
    private Instant failing;

    @BeforeEach
    void land() {
        files = new LandingFiles(dir.resolve("landing"));
        settings = settings("0 s");
        // Four closed hours 6:00–10:00 with a panel and a light sensor; 10:00 still open.
        for (int h = 0; h < 5; h++) {
            Instant hour = H.plus(HOUR.multipliedBy(h));
            for (int m = 5; m < 60; m += 10) {
                files.panel("P-1", hour.plusSeconds(60L * m), 100, 1000.0 + h * 60 + m);
                files.light("L-1", hour.plusSeconds(60L * m), 20_000);
            }
            if (h < 4) {
                files.close("panel", hour).close("sensor-light", hour);
            }
        }
    }

    private SchedulerSettings settings(String settle, String... extra) {
        String[] base = {
            "--landing.dir", dir.resolve("landing").toString(),
            "--state.dir", dir.resolve("state").toString(),
            "--druid.overlord", "http://127.0.0.1:1",
            "--druid.broker", "http://127.0.0.1:1",
            "--couchbase.connection-string", "couchbase://127.0.0.1",
            "--couchbase.password", "unused",
            "--scheduler.settle", settle
        };
        List<String> args = new ArrayList<>(List.of(base));
        args.addAll(List.of(extra));
        return SchedulerSettings.from(
                new JobParameters(args.toArray(String[]::new), Map.of(), "BATCH"));
    }

    private BatchScheduler scheduler() {
        return new BatchScheduler(
                settings, this::run, Clock.fixed(now, ZoneOffset.UTC), new SchedulerMetrics());
    }

    /** What a run leaves behind: the edges of the panel partitions it read, and its ledger. */
    private void run(HourRange range) {
        runs.add(range);
        if (!failWith.isEmpty()) {
            throw new BatchException(failWith.remove(0));
        }
        if (failing != null && range.contains(failing)) {
            throw new BatchException("an unreadable file in " + failing);
        }
        BatchSettings s = settings.batch();
        RunInputs panels = RunInputs.of(s.landingDir(), s.panelTopic(), range, false);
        RunInputs lights = RunInputs.of(s.landingDir(), s.lightTopic(), range, false);
        EdgeStore edges =
                new EdgeStore(s.stateDir(), s.panelTopic(), new LandedLines(Clock.systemUTC()));
        for (Instant slot : List.of(range.from().minus(HOUR), range.to())) {
            Partition.of(s.landingDir(), s.panelTopic(), slot).ifPresent(edges::edges);
        }
        panels.read().forEach(edges::edges);
        HourlyBatch.record(s, range, panels, lights, List.of(), Clock.systemUTC());
    }

    @Test
    void shouldRunTheClosedHoursOnceAsOneStretchAndLeaveTheOpenHour() {
        assertThat(scheduler().pass()).isEqualTo(1);
        assertThat(runs).containsExactly(new HourRange(H, H.plus(HOUR.multipliedBy(4))));
        assertThat(scheduler().due().hours()).isEmpty();
        assertThat(scheduler().due().open()).isEqualTo(1);
        assertThat(scheduler().pass()).isZero();
        assertThat(runs).hasSize(1);
    }

    @Test
    void shouldRunAnHourAgainWhenALateReadingLandsInIt() {
        scheduler().pass();
        runs.clear();
        files.line(
                "panel",
                H,
                "{\"panel_id\":\"P-2\",\"timestamp\":\"" + H.plusSeconds(90) + "\",\"power_w\":5}",
                "part-late.json");

        assertThat(scheduler().due().hours()).containsExactly(H);
        scheduler().pass();
        // Then 7:00, whose start takes the last readings of 6:00, among them P-2's new one.
        assertThat(runs).containsExactly(HourRange.hour(H), HourRange.hour(H.plus(HOUR)));
        assertThat(scheduler().due().hours()).isEmpty();
    }

    @Test
    void shouldRunTheHourBeforeWhenTheFirstReadingsOfItsNextHourMove() {
        scheduler().pass();
        runs.clear();
        // A reading earlier than any other of 8:00 arrives late: 7:00's end interval changes.
        Instant eight = H.plus(HOUR.multipliedBy(2));
        files.line(
                "panel",
                eight,
                "{\"panel_id\":\"P-1\",\"timestamp\":\""
                        + eight.plusSeconds(60)
                        + "\",\"power_w\":100,\"energy_wh\":1120.5}",
                "part-late.json");
        // 8:00 itself is due; once it ran, its new first reading makes 7:00 due.
        scheduler().pass();
        assertThat(runs).containsExactly(HourRange.hour(eight), HourRange.hour(eight.minus(HOUR)));
        assertThat(scheduler().due().hours()).isEmpty();
    }

    @Test
    void shouldRetryAFailedRangeAfterABackoffThatDoubles() {
        failWith.add("druid task failed");
        assertThat(scheduler().pass()).isZero();
        HourLedger.Hour failed = new HourLedger(settings.batch().stateDir()).read().hours().get(H);
        assertThat(failed.status()).isEqualTo(HourLedger.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo("druid task failed");
        assertThat(failed.nextAttempt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(scheduler().due().hours()).isEmpty();
        assertThat(scheduler().due().waiting()).isEqualTo(4);

        now = NOW.plus(Duration.ofMinutes(1));
        failWith.add("druid task failed again");
        scheduler().pass();
        assertThat(new HourLedger(settings.batch().stateDir()).read().hours().get(H).nextAttempt())
                .isEqualTo(now.plus(Duration.ofMinutes(2)));

        now = now.plus(Duration.ofMinutes(2));
        assertThat(scheduler().pass()).isEqualTo(1);
        assertThat(new HourLedger(settings.batch().stateDir()).read().hours().get(H).status())
                .isEqualTo(HourLedger.Status.REPORTED);
        assertThat(runs).hasSize(3);
    }

    @Test
    void shouldNarrowAStretchThatKeepsFailingDownToTheHourThatFails() {
        settings = settings("0 s", "--scheduler.max-hours", "4");
        failing = H.plus(HOUR.multipliedBy(2));
        for (int check = 0; check < 6; check++) {
            scheduler().pass();
            now = now.plus(Duration.ofHours(1));
        }
        // 4 hours fail, then 2, then 1 at a time: the three good hours get reported.
        assertThat(runs.subList(0, 2))
                .containsExactly(
                        new HourRange(H, H.plus(HOUR.multipliedBy(4))),
                        new HourRange(H, H.plus(HOUR.multipliedBy(2))));
        Map<Instant, HourLedger.Hour> hours =
                new HourLedger(settings.batch().stateDir()).read().hours();
        assertThat(hours.get(H).status()).isEqualTo(HourLedger.Status.REPORTED);
        assertThat(hours.get(H.plus(HOUR)).status()).isEqualTo(HourLedger.Status.REPORTED);
        assertThat(hours.get(H.plus(HOUR.multipliedBy(3))).status())
                .isEqualTo(HourLedger.Status.REPORTED);
        assertThat(hours.get(failing).status()).isEqualTo(HourLedger.Status.FAILED);
        assertThat(hours.get(failing).error()).isEqualTo("an unreadable file in " + failing);
    }

    @Test
    void shouldRunTheSettledHoursWhileAnotherIsStillChanging() throws Exception {
        settings = settings("10 min");
        Instant nine = H.plus(HOUR.multipliedBy(3));
        try (var all = java.nio.file.Files.walk(dir.resolve("landing"))) {
            for (Path f : all.filter(java.nio.file.Files::isRegularFile).toList()) {
                boolean recent = f.toString().contains(HourPartitions.bucket(nine));
                java.nio.file.Files.setLastModifiedTime(
                        f,
                        java.nio.file.attribute.FileTime.from(
                                NOW.minus(Duration.ofMinutes(recent ? 1 : 30))));
            }
        }
        assertThat(scheduler().due().hours())
                .containsExactly(H, H.plus(HOUR), H.plus(HOUR.multipliedBy(2)));
        assertThat(scheduler().due().settling()).isEqualTo(1);
    }

    @Test
    void shouldRunAnHourARunMarkedDirty() {
        scheduler().pass();
        runs.clear();
        Instant seven = H.plus(HOUR);
        new HourLedger(settings.batch().stateDir()).update(null, s -> s.markDirty(seven));
        scheduler().pass();
        assertThat(runs).containsExactly(HourRange.hour(seven));
    }

    @Test
    void shouldWaitUntilTheLandingHasSettled() throws Exception {
        settings = settings("10 min");
        // The partitions changed a minute ago: they may still be closing one after another.
        try (var all = java.nio.file.Files.walk(dir.resolve("landing"))) {
            for (Path f : all.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.setLastModifiedTime(
                        f, java.nio.file.attribute.FileTime.from(NOW.minusSeconds(60)));
            }
        }
        assertThat(scheduler().due().hours()).isEmpty();
        assertThat(scheduler().due().settling()).isEqualTo(4);
        assertThat(scheduler().pass()).isZero();
        now = NOW.plus(Duration.ofMinutes(9));
        assertThat(scheduler().pass()).isEqualTo(1);
        assertThat(runs).hasSize(1);
    }
}
