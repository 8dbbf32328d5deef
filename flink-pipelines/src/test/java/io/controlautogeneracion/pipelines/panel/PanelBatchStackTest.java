package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.HourlyBatch;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.LandingFiles;
import io.controlautogeneracion.pipelines.batch.StackBatch;
import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel batch through the local stack's real Druid and the catalog in the Couchbase stand-in:
 * landed files for three hours, each hour run on its own (history from Druid SQL), then the middle
 * hour again: the rows carry the right diffs and running totals and the re-run changes nothing;
 * late readings landed in the middle hour change it, and its re-run carries the change through the
 * later hour's diff and totals. The command line over a four-hour range: light reports, and panel
 * alarms whose expectation comes from the client's light sensor (under-production, then a silent
 * hour), which a re-run over corrected files takes away again.
 */
@WithLocalStack({Engine.DRUID, Engine.COUCHBASE})
class PanelBatchStackTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration DRUID_WAIT = Duration.ofMinutes(3);
    // The stack's Druid is shared by the module's test classes: every query keeps to its days.
    private static final String DAY2 =
            " WHERE __time >= TIMESTAMP '2026-06-02 00:00:00'"
                    + " AND __time < TIMESTAMP '2026-06-03 00:00:00'";
    private static final Instant H0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final String ROWS =
            "SELECT __time AS t, panel_id, client_id, power_gen, diff_last_hour, diff_last_day,"
                    + " acum_day, acum_month, acum_year, samples, coverage FROM panel_report"
                    + " WHERE __time < TIMESTAMP '2026-06-02 00:00:00' ORDER BY __time";

    @Test
    void shouldLoadHourlyReportsWithHistoryFromDruidAndCarryACorrectionThrough(
            RunningStack stack, @TempDir Path dir) throws Exception {
        seedCatalog(stack);
        LandingFiles files = new LandingFiles(dir.resolve("landing"));
        double[] watts = {300, 600, 900};
        for (int h = 0; h < 3; h++) {
            Instant hour = H0.plusSeconds(3600L * h);
            for (int m = 0; m < 60; m++) {
                files.panel("P-1", hour.plusSeconds(60L * m), watts[h], null);
                files.panel("P-X", hour.plusSeconds(60L * m), 60, null);
            }
            files.close("panel", hour);
        }
        files.panel("P-1", H0.plusSeconds(3 * 3600), 900, null);
        files.panel("P-X", H0.plusSeconds(3 * 3600), 60, null);
        PanelBatch batch =
                HourlyBatch.panelBatch(
                        StackBatch.settings(stack, dir), new LandedLines(Clock.systemUTC()));

        for (int h = 0; h < 3; h++) {
            Instant hour = H0.plusSeconds(3600L * h);
            batch.run(HourRange.hour(hour), environment(), ExpectedEnergy.NONE);
            int expected = 2 * (h + 1);
            // The next hour reads this one's running totals back through SQL.
            rows(stack, r -> r.size() == expected);
        }
        List<Map<String, Object>> first = rows(stack, r -> true);
        // The hours are exact at their bounds: 8:59–9:00 ramps from 300 W to 600 W (7.5 Wh to
        // hour 8), 9:59–10:00 from 600 W to 900 W (12.5 Wh to hour 9), and 10:59–11:00 is read
        // from the next hour's first reading.
        assertThat(number(first.get(0), "power_gen")).isCloseTo(302.5, within(1e-6));
        assertThat(number(first.get(2), "power_gen")).isCloseTo(602.5, within(1e-6));
        Map<String, Object> last = first.get(4);
        assertThat(last.get("panel_id")).isEqualTo("P-1");
        assertThat(last.get("client_id")).isEqualTo("C-1");
        assertThat(number(last, "power_gen")).isCloseTo(900, within(1e-6));
        assertThat(number(last, "diff_last_hour")).isCloseTo(900 - 602.5, within(1e-6));
        assertThat(last.get("diff_last_day")).isNull();
        // 10:00 UTC is noon in Madrid: the day's total holds all three hours.
        assertThat(number(last, "acum_day")).isCloseTo(302.5 + 602.5 + 900, within(1e-6));
        assertThat(number(last, "samples")).isEqualTo(60.0);
        assertThat(first.get(5).get("client_id")).isNull();
        assertThat(number(first.get(5), "acum_day")).isCloseTo(180, within(1e-6));

        // A re-run with the same files changes nothing.
        batch.run(HourRange.hour(H0.plusSeconds(3600)), environment(), ExpectedEnergy.NONE);
        assertThat(stack.druid().awaitSql(ROWS, r -> r.size() == 6, DRUID_WAIT)).isEqualTo(first);

        // Late readings land in the middle hour: P-1 read 1200 W at every half minute from 9:30.
        // 9:30–10:00 now averages 900 W on 29.5 min plus 1050 W on the last half minute:
        // 451.25 Wh instead of 302.5, so the hour is 751.25 Wh. Re-running that hour alone
        // carries the change through the later hour's diff and running totals.
        for (int m = 30; m < 60; m++) {
            Instant t = H0.plusSeconds(3600 + 60L * m + 30);
            files.line(
                    "panel",
                    t,
                    "{\"panel_id\":\"P-1\",\"timestamp\":\"" + t + "\",\"power_w\":1200.0}",
                    "part-late.json");
        }
        batch.run(HourRange.hour(H0.plusSeconds(3600)), environment(), ExpectedEnergy.NONE);
        List<Map<String, Object>> after =
                rows(
                        stack,
                        r ->
                                r.size() == 6
                                        && Math.abs(number(r.get(2), "power_gen") - 751.25) < 1e-6);
        Map<String, Object> later = after.get(4);
        assertThat(number(later, "power_gen")).isCloseTo(900, within(1e-6));
        assertThat(number(later, "diff_last_hour")).isCloseTo(900 - 751.25, within(1e-6));
        assertThat(number(later, "acum_day")).isCloseTo(302.5 + 751.25 + 900, within(1e-6));
        assertThat(number(later, "acum_year")).isCloseTo(302.5 + 751.25 + 900, within(1e-6));
        assertThat(after.get(0)).isEqualTo(first.get(0));
        assertThat(after.get(5)).isEqualTo(first.get(5));
        // Druid holds what each run loaded: no file of rows is left behind in the work directory.
        try (Stream<Path> left = Files.walk(dir.resolve("work"))) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void shouldRunLightThenPanelsForARangeAndTakeAlarmsAwayOnACorrectedRerun(
            RunningStack stack, @TempDir Path dir) throws Exception {
        seedCatalog(stack);
        Instant day2 = H0.plusSeconds(86_400);
        // The client's light sensor sees sun; the panel makes next to nothing, then falls silent.
        LandingFiles files = landLightAndPanel(dir.resolve("landing"), day2, 5, 3);
        runCommandLine(stack, files, dir, day2, 4);

        List<Map<String, Object>> rows =
                stack.druid()
                        .awaitSql(
                                "SELECT __time, light_id, client_id, lux_avg, irradiance_wm2,"
                                        + " estimated_power_w, optimal_tilt, optimal_azimuth,"
                                        + " samples FROM light_report WHERE __time >= TIMESTAMP"
                                        + " '2026-06-02 00:00:00' AND __time < TIMESTAMP"
                                        + " '2026-06-03 00:00:00' ORDER BY __time",
                                r -> r.size() == 4,
                                DRUID_WAIT);
        assertThat(rows.get(0).get("client_id")).isEqualTo("C-1");
        assertThat(number(rows.get(0), "lux_avg")).isCloseTo(20_027.5, within(1e-6));
        assertThat(number(rows.get(0), "irradiance_wm2")).isCloseTo(20_027.5 / 120, within(1e-6));
        assertThat(number(rows.get(2), "samples")).isEqualTo(12.0);
        assertThat(rows.get(2).get("optimal_tilt")).isNotNull();
        assertThat(number(rows.get(2), "estimated_power_w")).isPositive();
        List<Map<String, Object>> alarms =
                stack.druid()
                        .awaitSql(
                                "SELECT __time, panel_id, power_low, text_alarm FROM panel_alarm"
                                        + DAY2
                                        + " ORDER BY __time",
                                r -> r.size() == 4,
                                DRUID_WAIT);
        assertThat(alarms)
                .allSatisfy(
                        a -> {
                            assertThat(a.get("panel_id")).isEqualTo("P-1");
                            assertThat((String) a.get("text_alarm")).contains("light sensor L-1");
                            assertThat(number(a, "power_low")).isPositive();
                        });
        assertThat((String) alarms.get(3).get("text_alarm"))
                .startsWith("panel P-1 sent no reading in the hour from 2026-06-02T11:00:00Z");

        // The panel was fine after all (the files are landed again): a re-run of the range
        // leaves no alarm behind, and the reports carry the new figures.
        LandingFiles fixed = landLightAndPanel(dir.resolve("landing-fixed"), day2, 300, 4);
        runCommandLine(stack, fixed, dir, day2, 4);
        stack.druid()
                .awaitSql(
                        "SELECT COUNT(*) AS n, MIN(power_gen) AS low FROM panel_report" + DAY2,
                        r -> number(r.get(0), "n") == 4 && number(r.get(0), "low") > 250,
                        DRUID_WAIT);
        assertThat(
                        stack.druid()
                                .awaitSql(
                                        "SELECT __time, panel_id FROM panel_alarm" + DAY2,
                                        List::isEmpty,
                                        DRUID_WAIT))
                .isEmpty();
    }

    /**
     * Four closed hours from {@code day}: light sensor L-1 in the sun, panel P-1 at {@code watts}
     * in the first {@code panelHours} of them.
     */
    private static LandingFiles landLightAndPanel(
            Path base, Instant day, double watts, int panelHours) {
        LandingFiles files = new LandingFiles(base);
        for (int h = 0; h < 4; h++) {
            Instant hour = day.plusSeconds(3600L * h);
            for (int m = 0; m < 60; m += 5) {
                files.light("L-1", hour.plusSeconds(60L * m), 20_000 + 1000 * h + m);
                if (h < panelHours) {
                    files.panel("P-1", hour.plusSeconds(60L * m), watts, null);
                }
            }
            files.close("sensor-light", hour).close("panel", hour);
        }
        return files;
    }

    private static void runCommandLine(
            RunningStack stack, LandingFiles files, Path base, Instant from, int hours)
            throws Exception {
        HourlyBatch.run(
                StackBatch.args(
                        stack,
                        base,
                        "--landing.dir",
                        files.base().toString(),
                        "--from",
                        from.toString(),
                        "--to",
                        from.plusSeconds(hours * 3600L).toString()),
                System.out);
    }

    /** The rows in time and panel order (Druid orders a scan by time only). */
    private static List<Map<String, Object>> rows(
            RunningStack stack, Predicate<List<Map<String, Object>>> expectation) {
        List<Map<String, Object>> rows =
                new ArrayList<>(stack.druid().awaitSql(ROWS, expectation, DRUID_WAIT));
        rows.sort(
                Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("t")))
                        .thenComparing(r -> String.valueOf(r.get("panel_id"))));
        return rows;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    private static StreamExecutionEnvironment environment() {
        return HourlyBatch.environment(2);
    }

    private static void seedCatalog(RunningStack stack) {
        Instant installed = Instant.parse("2024-06-01T00:00:00Z");
        CatalogFixtures.into(
                stack,
                seed ->
                        seed.madrid("C-1")
                                .panel("P-1", 400.0, "C-1", installed)
                                .light("L-1", 400.0, "C-1", installed));
    }
}
