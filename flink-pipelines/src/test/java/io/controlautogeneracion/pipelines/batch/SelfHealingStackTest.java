package io.controlautogeneracion.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.light.LightSettings;
import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hourly reports heal themselves, through the scheduler a deployment runs, on the local stack's
 * real Druid and catalog stand-in: six hours are reported; readings that land late are reported
 * again without a manual step and carried through the later rows; a Druid task that fails and a
 * catalog that is down fail the hours (the rows stay as they were) and are retried after a backoff;
 * a range re-run over a purged and an open hour leaves them as they were; and the audit finds a row
 * made inconsistent behind the batch's back, and passes once it is reported again.
 */
@WithLocalStack({Engine.DRUID, Engine.COUCHBASE})
class SelfHealingStackTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DRUID_WAIT = Duration.ofMinutes(3);
    // Within the scheduler's horizon: three days ago, from 08:00 UTC (09:00 in Madrid).
    private static final Instant H0 =
            Instant.now()
                    .truncatedTo(ChronoUnit.DAYS)
                    .minus(Duration.ofDays(3))
                    .plus(HOUR.multipliedBy(8));
    private static final HourRange SIX = new HourRange(H0, H0.plus(HOUR.multipliedBy(6)));
    private static final String ROWS =
            "SELECT __time AS t, panel_id, power_gen, diff_last_hour, acum_day, acum_year,"
                    + " samples, coverage FROM panel_report WHERE __time >= ? AND __time < ?"
                    + " AND panel_id LIKE 'P-SH%'";

    private Duration offset = Duration.ZERO;

    @Test
    void shouldReportLateDataAgainAndRetryFailuresWithoutAManualStep(
            RunningStack stack, @TempDir Path dir) throws Exception {
        CatalogFixtures.into(
                stack,
                seed ->
                        seed.madrid("C-SH")
                                .panel("P-SH1", 2000, "C-SH", Instant.parse("2024-06-01T00:00:00Z"))
                                .panel(
                                        "P-SH2",
                                        2000,
                                        "C-SH",
                                        Instant.parse("2024-06-01T00:00:00Z")));
        LandingFiles files = new LandingFiles(dir.resolve("landing"));
        // 600 W every 5 minutes, P-SH1 with its counter; P-SH2 without, and it sent nothing in
        // the second half of 9:00 (its gateway was offline).
        for (int m = 0; m <= 6 * 60 + 5; m += 5) {
            Instant t = H0.plusSeconds(60L * m);
            files.panel("P-SH1", t, 600, 100_000.0 + 50 * m / 5);
            if (m < 60 + 35 || m >= 2 * 60) {
                files.panel("P-SH2", t, 600, null);
            }
        }
        for (Instant h : SIX.slots()) {
            files.close("panel", h);
        }
        SchedulerSettings good = settings(stack, dir);

        // The scheduler reports the six closed hours (7:00 UTC next is still open).
        assertThat(scheduler(good).pass()).isEqualTo(1);
        List<Map<String, Object>> first = rows(stack, r -> r.size() == 12);
        assertThat(number(row(first, "P-SH2", 1), "power_gen")).isCloseTo(300, within(1e-6));
        assertThat(number(row(first, "P-SH2", 1), "coverage")).isCloseTo(0.5, within(1e-9));
        assertThat(number(row(first, "P-SH2", 5), "acum_day")).isCloseTo(3300, within(1e-6));
        assertThat(number(row(first, "P-SH1", 5), "acum_day")).isCloseTo(3600, within(1e-6));
        assertThat(audit(good)).isZero();

        // The gateway uploads what it buffered: late readings land in the 9:00 partition. The
        // next check reports 9:00 again (and 10:00, whose start takes 9:00's last readings) and
        // carries the new energy through the later rows of the day.
        for (int m = 35; m < 60; m += 5) {
            Instant t = H0.plus(HOUR).plusSeconds(60L * m);
            files.line(
                    "panel",
                    t,
                    "{\"panel_id\":\"P-SH2\",\"timestamp\":\"" + t + "\",\"power_w\":600.0}",
                    "part-late.json");
        }
        assertThat(scheduler(good).due().hours()).containsExactly(H0.plus(HOUR));
        scheduler(good).pass();
        List<Map<String, Object>> healed =
                rows(
                        stack,
                        r ->
                                r.size() == 12
                                        && Math.abs(number(row(r, "P-SH2", 1), "power_gen") - 600)
                                                < 1e-6);
        assertThat(number(row(healed, "P-SH2", 1), "coverage")).isEqualTo(1.0);
        assertThat(number(row(healed, "P-SH2", 2), "diff_last_hour")).isCloseTo(0, within(1e-6));
        assertThat(number(row(healed, "P-SH2", 5), "acum_day")).isCloseTo(3600, within(1e-6));
        assertThat(scheduler(good).due().hours()).isEmpty();
        assertThat(audit(good)).isZero();

        // A Druid task that fails: the hour is failed, its rows stay, and it is tried again after
        // its backoff, then reported.
        Path broken = brokenTasks(dir.resolve("broken-tasks"));
        lateCopy(files, "P-SH1", 3);
        SchedulerSettings failing = settings(stack, dir, "--druid.tasks-dir", broken.toString());
        assertThat(scheduler(failing).pass()).isZero();
        HourLedger.Hour failed = ledger(good).hours().get(H0.plus(HOUR.multipliedBy(3)));
        assertThat(failed.status()).isEqualTo(HourLedger.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(rows(stack, r -> r.size() == 12)).isEqualTo(healed);
        assertThat(scheduler(good).due().hours()).isEmpty(); // waiting for its backoff
        offset = offset.plus(Duration.ofMinutes(2));
        assertThat(scheduler(good).pass()).isEqualTo(1);
        assertThat(ledger(good).hours().get(H0.plus(HOUR.multipliedBy(3))).status())
                .isEqualTo(HourLedger.Status.REPORTED);

        // The catalog is down: the hour fails and keeps its good rows rather than losing its
        // client columns; once the catalog answers, the retry reports it.
        lateCopy(files, "P-SH1", 4);
        SchedulerSettings noCatalog =
                settings(
                        stack,
                        dir,
                        // Both ports named: the SDK would otherwise try the manager's default
                        // port, where another local Couchbase may answer.
                        "--couchbase.connection-string",
                        "couchbase://127.0.0.1:1=kv,127.0.0.1:2=manager",
                        "--catalog.timeout",
                        "10 s");
        assertThat(scheduler(noCatalog).pass()).isZero();
        assertThat(ledger(good).hours().get(H0.plus(HOUR.multipliedBy(4))).error())
                .startsWith("cannot reach the catalog");
        List<Map<String, Object>> kept = rows(stack, r -> r.size() == 12);
        assertThat(kept).isEqualTo(healed);
        offset = offset.plus(Duration.ofMinutes(5));
        assertThat(scheduler(good).pass()).isEqualTo(1);
        assertThat(audit(good)).isZero();

        // A range re-run by hand over an hour whose files were purged and one that is open
        // again: both stay as they were (the hours next to them too).
        FileUtils.deleteDirectory(
                HourPartitions.directory(files.base(), "panel", H0.plus(HOUR.multipliedBy(3)))
                        .toFile());
        Files.delete(
                HourPartitions.directory(files.base(), "panel", H0.plus(HOUR.multipliedBy(4)))
                        .resolve(HourPartitions.SUCCESS));
        HourlyBatch.run(
                good.batch(),
                LightSettings.defaults(),
                new HourRange(H0.plus(HOUR.multipliedBy(2)), SIX.to()),
                Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(rows(stack, r -> r.size() == 12)).isEqualTo(healed);

        // A row changed behind the batch's back: the audit says which and fails; marked dirty,
        // the hour is reported again and the audit passes.
        Instant five = H0.plus(HOUR.multipliedBy(5));
        tamper(stack, good, dir, five);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int violations =
                BatchAudit.audit(
                        good.batch(),
                        SIX,
                        Clock.systemUTC(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(violations).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(five + " P-SH1 C-SH: acum_day is");
        new HourLedger(good.batch().stateDir()).update(null, s -> s.markDirty(five));
        scheduler(good).pass();
        rows(stack, r -> r.equals(healed));
        assertThat(audit(good)).isZero();
    }

    private SchedulerSettings settings(RunningStack stack, Path dir, String... extra) {
        List<String> args =
                new ArrayList<>(List.of(StackBatch.args(stack, dir, "--scheduler.settle", "0 s")));
        args.addAll(List.of(extra));
        return SchedulerSettings.from(
                new JobParameters(StackBatch.dedupe(args), Map.of(), "BATCH"));
    }

    private BatchScheduler scheduler(SchedulerSettings s) {
        Clock clock =
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return Instant.now().plus(offset);
                    }
                };
        return new BatchScheduler(
                s,
                range ->
                        HourlyBatch.run(
                                s.batch(),
                                LightSettings.defaults(),
                                range,
                                // The run's "now" travels into its Flink job: a serialisable
                                // snapshot of the scheduler's shifted clock.
                                Clock.fixed(clock.instant(), ZoneOffset.UTC),
                                new PrintStream(
                                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                clock,
                new SchedulerMetrics());
    }

    private static int audit(SchedulerSettings s) {
        return BatchAudit.audit(
                s.batch(),
                SIX,
                Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static HourLedger.State ledger(SchedulerSettings s) {
        return new HourLedger(s.batch().stateDir()).read();
    }

    /** A late copy of a reading the panel already sent in hour {@code h}: the hour is due. */
    private static void lateCopy(LandingFiles files, String panel, int h) {
        Instant t = H0.plus(HOUR.multipliedBy(h));
        files.line(
                "panel",
                t,
                "{\"panel_id\":\""
                        + panel
                        + "\",\"timestamp\":\""
                        + t
                        + "\",\"power_w\":600.0,\"energy_wh\":"
                        + (100_000.0 + 600 * h)
                        + "}",
                "part-copy-" + h + ".json");
    }

    /** The task templates, with panel_report's made to fail on every row. */
    private static Path brokenTasks(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> templates = Files.list(ProjectFiles.path("druid/tasks"))) {
            for (Path t : templates.toList()) {
                Files.copy(t, dir.resolve(t.getFileName()));
            }
        }
        Path report = dir.resolve("panel_report.json");
        Files.writeString(
                report,
                Files.readString(report)
                        .replace("\"column\": \"timestamp\"", "\"column\": \"no_such_column\"")
                        .replace(
                                "\"type\": \"index_parallel\",\n      \"maxNumConcurrentSubTasks\"",
                                "\"type\": \"index_parallel\",\n      \"maxParseExceptions\": 0,\n"
                                        + "      \"maxNumConcurrentSubTasks\""));
        return dir;
    }

    /** Rewrites one stored row of {@code slot} with a wrong running total, as Druid holds it. */
    private static void tamper(RunningStack stack, SchedulerSettings s, Path dir, Instant slot) {
        DruidGateway druid = DruidGateway.over(stack.druid());
        List<Map<String, Object>> rows =
                stack.druid().sql("SELECT * FROM panel_report WHERE __time = ?", slot);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> row = new java.util.LinkedHashMap<>(r);
            row.put("timestamp", row.remove("__time"));
            if ("P-SH1".equals(row.get("panel_id"))) {
                row.put("acum_day", ((Number) row.get("acum_day")).doubleValue() + 100);
            }
            changed.add(row);
        }
        new DruidLoad(druid, ProjectFiles.path("druid/tasks"), DRUID_WAIT, 1)
                .replaceHours("panel_report", List.of(slot), dir.resolve("tamper"), changed);
        stack.druid()
                .awaitSql(
                        "SELECT acum_day FROM panel_report WHERE __time = ? AND panel_id = 'P-SH1'",
                        r ->
                                !r.isEmpty()
                                        && ((Number) r.get(0).get("acum_day")).doubleValue() > 3650,
                        DRUID_WAIT,
                        slot);
    }

    private static List<Map<String, Object>> rows(
            RunningStack stack, java.util.function.Predicate<List<Map<String, Object>>> expect) {
        List<Map<String, Object>> rows =
                new ArrayList<>(
                        stack.druid()
                                .awaitSql(
                                        ROWS,
                                        r -> expect.test(sorted(r)),
                                        DRUID_WAIT,
                                        SIX.from(),
                                        SIX.to()));
        return sorted(rows);
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        out.sort(
                Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("t")))
                        .thenComparing(r -> String.valueOf(r.get("panel_id"))));
        return out;
    }

    /** The row of {@code panel} in hour {@code h} (0–5) of rows in time and panel order. */
    private static Map<String, Object> row(List<Map<String, Object>> rows, String panel, int h) {
        return rows.get(2 * h + (panel.equals("P-SH1") ? 0 : 1));
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }
}
