package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.UpsertOptions;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.CouchbaseBatchCatalog;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.HourlyBatch;
import io.controlautogeneracion.pipelines.batch.LandingFiles;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import io.controlautogeneracion.pipelines.batch.ProjectFiles;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.stack.parts.DruidService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel batch through the local stack's real Druid and the catalog in the Couchbase stand-in:
 * landed files for three hours, each hour run on its own (history from Druid SQL), then the middle
 * hour again: the rows carry the right diffs and running totals and the re-run changes nothing. The
 * command line over a four-hour range: light reports, and panel alarms whose expectation comes from
 * the client's light sensor (under-production, then a silent hour), which a re-run over corrected
 * files takes away again.
 */
@WithLocalStack({Engine.DRUID, Engine.COUCHBASE})
class PanelBatchStackTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DRUID_WAIT = Duration.ofMinutes(3);
    private static final Instant H0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final String ROWS =
            "SELECT __time AS t, panel_id, client_id, power_gen, diff_last_hour, diff_last_day,"
                    + " acum_day, acum_month, acum_year, samples, coverage FROM panel_report"
                    + " WHERE __time < TIMESTAMP '2026-06-02 00:00:00' ORDER BY __time";

    @Test
    void shouldLoadHourlyReportsWithHistoryFromDruidAndReplaceThemOnARerun(
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
        DruidGateway druid = DruidGateway.over(stack.druid());
        PanelBatch batch = batch(stack, druid, files.base(), dir.resolve("work"));

        for (int h = 0; h < 3; h++) {
            Instant hour = H0.plusSeconds(3600L * h);
            batch.run(HourRange.hour(hour), environment(), ExpectedEnergy.NONE);
            int expected = 2 * (h + 1);
            // The next hour reads this one's running totals back through SQL.
            rows(stack, r -> r.size() == expected);
        }
        List<Map<String, Object>> first = rows(stack, r -> true);
        Map<String, Object> last = first.get(4);
        assertThat(last.get("panel_id")).isEqualTo("P-1");
        assertThat(last.get("client_id")).isEqualTo("C-1");
        assertThat(number(last, "power_gen")).isCloseTo(900, within(1e-6));
        assertThat(number(last, "diff_last_hour")).isCloseTo(300, within(1e-6));
        assertThat(last.get("diff_last_day")).isNull();
        // 10:00 UTC is noon in Madrid: the day's total holds all three hours.
        assertThat(number(last, "acum_day")).isCloseTo(1800, within(1e-6));
        assertThat(number(last, "acum_year")).isCloseTo(1800, within(1e-6));
        assertThat(number(last, "samples")).isEqualTo(60.0);
        assertThat(first.get(5).get("client_id")).isNull();
        assertThat(number(first.get(5), "acum_day")).isCloseTo(180, within(1e-6));

        batch.run(HourRange.hour(H0.plusSeconds(3600)), environment(), ExpectedEnergy.NONE);
        assertThat(stack.druid().awaitSql(ROWS, r -> r.size() == 6, DRUID_WAIT)).isEqualTo(first);
        // A re-run of an hour before the last says which range carries a change through.
        assertThat(HourlyBatch.laterHours(druid, HourRange.hour(H0.plusSeconds(3600))))
                .hasValueSatisfying(
                        note ->
                                assertThat(note)
                                        .contains("1 later hour(s), up to 2026-06-01T10:00:00Z")
                                        .endsWith(
                                                "--from 2026-06-01T09:00:00Z"
                                                        + " --to 2026-06-01T11:00:00Z"));
        assertThat(HourlyBatch.laterHours(druid, HourRange.hour(H0.plusSeconds(7200)))).isEmpty();
    }

    @Test
    void shouldRunLightThenPanelsForARangeAndTakeAlarmsAwayOnACorrectedRerun(
            RunningStack stack, @TempDir Path dir) throws Exception {
        seedCatalog(stack);
        Instant day2 = H0.plusSeconds(86_400);
        // The client's light sensor sees sun; the panel makes next to nothing, then falls silent.
        LandingFiles files = landLightAndPanel(dir.resolve("landing"), day2, 5, 3);
        runCommandLine(stack, files, dir.resolve("work"), day2, 4);

        List<Map<String, Object>> rows =
                stack.druid()
                        .awaitSql(
                                "SELECT __time, light_id, client_id, lux_avg, irradiance_wm2,"
                                        + " estimated_power_w, optimal_tilt, optimal_azimuth,"
                                        + " samples FROM light_report ORDER BY __time",
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
        runCommandLine(stack, fixed, dir.resolve("work"), day2, 4);
        stack.druid()
                .awaitSql(
                        "SELECT COUNT(*) AS n, MIN(power_gen) AS low FROM panel_report"
                                + " WHERE __time >= TIMESTAMP '2026-06-02 08:00:00'",
                        r -> number(r.get(0), "n") == 4 && number(r.get(0), "low") > 250,
                        DRUID_WAIT);
        assertThat(
                        stack.druid()
                                .awaitSql(
                                        "SELECT __time, panel_id FROM panel_alarm",
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
            RunningStack stack, LandingFiles files, Path work, Instant from, int hours)
            throws Exception {
        HourlyBatch.main(
                new String[] {
                    "--landing.dir", files.base().toString(),
                    "--work.dir", work.toString(),
                    "--druid.tasks-dir", ProjectFiles.tasksDir().toString(),
                    "--druid.overlord", DruidService.url(stack.context(), "coordinator"),
                    "--druid.broker", DruidService.url(stack.context(), "broker"),
                    "--couchbase.connection-string", stack.couchbaseConnectionString(),
                    "--couchbase.bucket", stack.couchbaseBucket(),
                    "--couchbase.password", stack.couchbasePassword(),
                    "--from", from.toString(),
                    "--to", from.plusSeconds(hours * 3600L).toString(),
                    "--parallelism", "2"
                });
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

    private static PanelBatch batch(
            RunningStack stack, DruidGateway druid, Path landing, Path work) {
        String bucket = stack.couchbaseBucket();
        return new PanelBatch(
                landing,
                "panel",
                false,
                new CouchbaseBatchCatalog.Factory(
                        stack.couchbaseConnectionString(),
                        bucket,
                        stack.couchbasePassword(),
                        bucket,
                        1000,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(5)),
                druid,
                new WritePanel(new DruidLoad(druid, ProjectFiles.tasksDir(), DRUID_WAIT, 1), work),
                PanelAlarms.defaults(),
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                100);
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static void seedCatalog(RunningStack stack) {
        CatalogClientSettings settings =
                CatalogClientSettings.of(
                        stack.couchbaseConnectionString(),
                        stack.couchbaseBucket(),
                        stack.couchbasePassword(),
                        stack.couchbaseBucket());
        try (CatalogConnection connection = CatalogConnection.open(settings)) {
            Collection c = connection.collection();
            Client ana = MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7);
            put(c, CatalogKeys.client("C-1"), ana);
            Instant installed = Instant.parse("2024-06-01T00:00:00Z");
            put(
                    c,
                    CatalogKeys.device(DeviceKind.PANEL, "P-1"),
                    MemoryCatalog.panelDocument("P-1", 400.0));
            put(
                    c,
                    CatalogKeys.device(DeviceKind.LIGHT, "L-1"),
                    MemoryCatalog.lightDocument("L-1", 400.0));
            put(
                    c,
                    CatalogKeys.relations(DeviceKind.LIGHT, "L-1"),
                    MemoryCatalog.ownedSince(DeviceKind.LIGHT, "L-1", "C-1", installed));
            put(
                    c,
                    CatalogKeys.relations(DeviceKind.PANEL, "P-1"),
                    MemoryCatalog.ownedSince(DeviceKind.PANEL, "P-1", "C-1", installed));
        }
    }

    private static void put(Collection c, String key, Object document) {
        c.upsert(
                key,
                CatalogDocuments.write(document),
                UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE));
    }
}
