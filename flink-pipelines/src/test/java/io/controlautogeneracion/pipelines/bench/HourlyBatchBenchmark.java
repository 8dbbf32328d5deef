package io.controlautogeneracion.pipelines.bench;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchAudit;
import io.controlautogeneracion.pipelines.batch.BatchSettings;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.HourlyBatch;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import io.controlautogeneracion.pipelines.batch.StackBatch;
import io.controlautogeneracion.pipelines.light.LightSettings;
import io.controlautogeneracion.pipelines.panel.ExpectedEnergy;
import io.controlautogeneracion.pipelines.panel.PanelBatch;
import io.controlautogeneracion.pipelines.testing.ProcessCpu;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Not a test (surefire runs only {@code *Test} classes): the panel batch against the local stack's
 * Druid and catalog stand-in. {@code BENCH_PANELS} panels (default 100 000) for one hour at one
 * reading a minute, then {@code BENCH_BACKFILL_PANELS} (1 000) over {@code BENCH_BACKFILL_HOURS}
 * hours in one run, a day later. Prints figures; asserts nothing about time. See {@code
 * bench/run.sh}.
 */
@WithLocalStack({Engine.DRUID, Engine.COUCHBASE})
class HourlyBatchBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(HourlyBatchBenchmark.class);
    private static final Instant H0 = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void measure(RunningStack stack) throws Exception {
        int panels = Integer.getInteger("bench.panels", 100_000);
        int backfillPanels = Integer.getInteger("bench.backfill-panels", 1_000);
        int backfillHours = Integer.getInteger("bench.backfill-hours", 24 * 7);
        Path dir = Path.of("target", "bench").toAbsolutePath();
        seedCatalog(stack, Math.max(panels, backfillPanels));

        long t0 = System.nanoTime();
        long lines = writeHours(dir.resolve("hour"), panels, H0, 1);
        report("generated %,d lines (%d panels, 1 h) in %.1f s", lines, panels, secs(t0));
        run(stack, dir.resolve("hour"), HourRange.hour(H0), panels, dir.resolve("work-hour"));

        // After the hour above: a back-fill before it would carry its running totals through
        // that hour's 100 000 rows, which is another figure (the year's correction measures it).
        Instant from = H0.plus(Duration.ofHours(48));
        t0 = System.nanoTime();
        lines = writeHours(dir.resolve("backfill"), backfillPanels, from, backfillHours);
        report(
                "generated %,d lines (%d panels, %d h) in %.1f s",
                lines, backfillPanels, backfillHours, secs(t0));
        run(
                stack,
                dir.resolve("backfill"),
                new HourRange(from, from.plus(Duration.ofHours(backfillHours))),
                (long) backfillPanels * backfillHours,
                dir.resolve("work-backfill"));
    }

    /**
     * A year of {@code bench.year-panels} panels (default 1 000) back-filled the way an operator
     * would: the year's files landed, then one run over the whole range (which goes a month at a
     * time, carrying the running totals in memory); the files need about 38 GB. With {@code
     * bench.year-by-month} one run per calendar month (UTC) instead, each reading the previous
     * months' running totals back from Druid; a month's landed and work files are deleted once it
     * is queryable, so the disk holds one month at a time.
     */
    @Test
    void backfillYear(RunningStack stack) throws Exception {
        int panels = Integer.getInteger("bench.year-panels", 0);
        Assumptions.assumeTrue(panels > 0, "set bench.year-panels (bench/run.sh year)");
        int months = Integer.getInteger("bench.year-months", 12);
        Path dir = Path.of("target", "bench-year").toAbsolutePath();
        seedCatalog(stack, panels);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long total = System.nanoTime();
        long rows = 0;
        double batch = 0;
        double writing = 0;
        boolean byMonth = Boolean.getBoolean("bench.year-by-month");
        if (!byMonth) {
            Instant end = start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
            int hours = (int) Duration.between(start, end).toHours();
            long t0 = System.nanoTime();
            long lines = writeHours(dir.resolve("landing"), panels, start, hours);
            writing = secs(t0);
            report("year back-fill: %,d lines written in %.1f s", lines, writing);
            rows = (long) panels * hours;
            batch =
                    run(
                            stack,
                            dir.resolve("landing"),
                            new HourRange(start, end),
                            rows,
                            dir.resolve("work"));
            FileUtils.deleteDirectory(dir.resolve("landing").toFile());
            FileUtils.deleteDirectory(dir.resolve("work").toFile());
        }
        for (int month = 0; byMonth && month < months; month++) {
            Instant from = start.atZone(ZoneOffset.UTC).plusMonths(month).toInstant();
            Instant to = start.atZone(ZoneOffset.UTC).plusMonths(month + 1L).toInstant();
            int hours = (int) Duration.between(from, to).toHours();
            long t0 = System.nanoTime();
            long lines = writeHours(dir.resolve("landing"), panels, from, hours);
            double written = secs(t0);
            writing += written;
            HourRange range = new HourRange(from, to);
            batch +=
                    run(
                            stack,
                            dir.resolve("landing"),
                            range,
                            (long) panels * hours,
                            dir.resolve("work"));
            rows += (long) panels * hours;
            report(
                    "year back-fill month %d/%d: %,d lines written in %.1f s, month done in %.1f s,"
                            + " %,d rows so far in %.1f s",
                    month + 1, months, lines, written, secs(t0), rows, secs(total));
            // The month's raw files go; the batch's state (the hours' edge readings) stays.
            FileUtils.deleteDirectory(dir.resolve("landing").toFile());
            FileUtils.deleteDirectory(dir.resolve("work").toFile());
        }
        long inDruid =
                ((Number)
                                stack.druid()
                                        .sql(
                                                "SELECT COUNT(*) AS n FROM panel_report"
                                                        + " WHERE __time >= ? AND __time < ?",
                                                start,
                                                start.atZone(ZoneOffset.UTC)
                                                        .plusMonths(months)
                                                        .toInstant())
                                        .get(0)
                                        .get("n"))
                        .longValue();
        report(
                "year back-fill: %d panels x %d months, %,d panel_report rows in Druid in %.1f s:"
                        + " the batch (files landed -> rows queryable)"
                        + " %.1f s, writing the benchmark's files %.1f s, deleting them the rest",
                panels, months, inDruid, secs(total), batch, writing);
        correctJanuary(stack, dir, panels, start, months);
    }

    /**
     * A January hour corrected after the year is in: its files are landed again (the panels made
     * half of what they first said), the batch runs that hour, which carries the change through
     * every later row of the year; then the audit checks the whole year.
     */
    private static void correctJanuary(
            RunningStack stack, Path dir, int panels, Instant start, int months) throws Exception {
        Instant hour = Instant.parse("2025-01-15T11:00:00Z");
        writeHours(dir.resolve("landing"), panels, hour, 1, 0.5);
        BatchSettings settings = settings(stack, dir.resolve("landing"), dir.resolve("work"));
        long t0 = System.nanoTime();
        HourlyBatch.Report r =
                HourlyBatch.run(
                        settings,
                        LightSettings.defaults(),
                        HourRange.hour(hour),
                        Clock.systemUTC(),
                        new PrintStream(OutputStream.nullOutputStream()));
        double ran = secs(t0);
        report(
                "correcting %s for %d panels: %,d later rows up to %s carried through, the year"
                        + " consistent in Druid after %.1f s",
                hour, panels, r.panels().carried(), r.panels().written().to(), ran);
        t0 = System.nanoTime();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int violations =
                BatchAudit.audit(
                        settings,
                        new HourRange(
                                start, start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant()),
                        Clock.systemUTC(),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        report(
                "audit of the year after the correction: %d violation(s) in %.1f s (%s)",
                violations,
                secs(t0),
                printed.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse(""));
    }

    private static BatchSettings settings(RunningStack stack, Path landing, Path work) {
        return StackBatch.settings(
                stack,
                work.getParent(),
                "--landing.dir",
                landing.toString(),
                "--work.dir",
                work.toString(),
                "--state.dir",
                work.resolveSibling("state").toString(),
                "--druid.task-timeout",
                "30 min",
                "--catalog.capacity",
                "1000",
                "--catalog.timeout",
                "60 s");
    }

    /** Runs the batch over {@code range}; the seconds until its rows are all queryable. */
    private static double run(
            RunningStack stack, Path landing, HourRange range, long rows, Path work)
            throws Exception {
        PanelBatch batch =
                HourlyBatch.panelBatch(
                        settings(stack, landing, work), new LandedLines(Clock.systemUTC()));
        StreamExecutionEnvironment env = HourlyBatch.environment(2);
        long t0 = System.nanoTime();
        long cpu0 = ProcessCpu.nanos();
        PanelBatch.Result r = batch.run(range, env, ExpectedEnergy.NONE);
        double loaded = secs(t0);
        double cpu = (ProcessCpu.nanos() - cpu0) / 1e9;
        String count = "SELECT COUNT(*) AS n FROM panel_report WHERE __time >= ? AND __time < ?";
        stack.druid()
                .awaitSql(
                        count,
                        x -> !x.isEmpty() && ((Number) x.get(0).get("n")).longValue() == rows,
                        Duration.ofMinutes(10),
                        range.from(),
                        range.to());
        report(
                "%s: %,d panel_report rows, %,d alarms; files -> Druid task success %.1f s,"
                        + " queryable %.1f s; the batch's JVM %.1f CPU-s until its loads"
                        + " succeeded",
                range, r.reports(), r.alarms().size(), loaded, secs(t0), cpu);
        return secs(t0);
    }

    /** One file per panel group and hour, every panel reading once a minute. */
    private static long writeHours(Path base, int panels, Instant from, int hours)
            throws Exception {
        return writeHours(base, panels, from, hours, 1.0);
    }

    /** One file per panel group and hour, every panel reading once a minute, power × scale. */
    private static long writeHours(Path base, int panels, Instant from, int hours, double scale)
            throws Exception {
        long lines = 0;
        int files = 4;
        for (int h = 0; h < hours; h++) {
            Instant hour = from.plus(Duration.ofHours(h));
            Path partition = HourPartitions.directory(base, "panel", hour);
            Files.createDirectories(partition);
            for (int f = 0; f < files; f++) {
                try (BufferedWriter out =
                        Files.newBufferedWriter(
                                partition.resolve("part-" + f + ".json"), StandardCharsets.UTF_8)) {
                    StringBuilder sb = new StringBuilder(128);
                    for (int m = 0; m < 60; m++) {
                        String t = hour.plusSeconds(60L * m).toString();
                        for (int p = f; p < panels; p += files) {
                            double watts = (100 + (p % 300) + m) * scale;
                            sb.setLength(0);
                            sb.append("{\"panel_id\":\"P-")
                                    .append(p)
                                    .append("\",\"timestamp\":\"")
                                    .append(t)
                                    .append("\",\"power_w\":")
                                    .append(watts)
                                    .append("}\n");
                            out.write(sb.toString());
                            lines++;
                        }
                    }
                }
            }
            HourPartitions.close(partition);
        }
        return lines;
    }

    private static void seedCatalog(RunningStack stack, int panels) {
        long t0 = System.nanoTime();
        CatalogSeed.into(
                CatalogSeed.settings(stack),
                seed -> {
                    seed.put(
                            CatalogKeys.client("C-1"),
                            MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7));
                    Flux.range(0, panels)
                            .flatMap(
                                    p -> {
                                        String id = "P-" + p;
                                        Panel panel = MemoryCatalog.panelDocument(id, 400.0);
                                        ClientRelHistory rel =
                                                MemoryCatalog.ownedSince(
                                                        DeviceKind.PANEL, id, "C-1", Instant.EPOCH);
                                        return Flux.concat(
                                                seed.putReactive(
                                                        CatalogKeys.device(DeviceKind.PANEL, id),
                                                        panel),
                                                seed.putReactive(
                                                        CatalogKeys.relations(DeviceKind.PANEL, id),
                                                        rel));
                                    },
                                    64)
                            .blockLast();
                });
        report("seeded %,d panels into the catalog stand-in in %.1f s", panels, secs(t0));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void report(String format, Object... args) {
        LOG.info("BENCH " + String.format(format, args));
    }
}
