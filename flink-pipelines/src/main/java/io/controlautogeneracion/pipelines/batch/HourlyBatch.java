package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.light.LightBatch;
import io.controlautogeneracion.pipelines.light.LightSettings;
import io.controlautogeneracion.pipelines.light.WriteSensorLight;
import io.controlautogeneracion.pipelines.panel.ExpectedEnergy;
import io.controlautogeneracion.pipelines.panel.PanelAlarms;
import io.controlautogeneracion.pipelines.panel.PanelBatch;
import io.controlautogeneracion.pipelines.panel.WritePanel;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly batch's command line, for the last closed hour, one {@code --hour}, or a range {@code
 * --from .. --to}: the light batch (RichSensorLight → WriteSensorLight) first, whose hours give the
 * panel alarms their expectations, then the panel batch (RichPanel → WritePanel); prints what each
 * hour produced.
 */
public final class HourlyBatch {
    private static final Logger LOG = LoggerFactory.getLogger(HourlyBatch.class);

    private HourlyBatch() {}

    public static void main(String[] args) throws Exception {
        JobParameters p = new JobParameters(args, System.getenv(), "BATCH");
        BatchSettings s = BatchSettings.from(p);
        HourRange range = BatchSettings.range(p, Instant.now());
        PrintStream out = System.out;
        out.printf("hourly batch %s (%d h)%n", range, range.hours());
        long start = System.nanoTime();
        LightSettings light = lightSettings(p);
        LightBatch.Result lights = lightBatch(s, light).run(range, environment(s));
        PanelBatch.Result panels =
                panelBatch(s).run(range, environment(s), lights.expectation(light));
        printPerHour(out, range, panels, lights);
        out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        laterHours(DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker())), range)
                .ifPresent(out::println);
    }

    /**
     * When Druid already holds panel hours after {@code range}, their diffs and running totals were
     * computed from the rows this run replaced: says so, and which range carries the change
     * through.
     */
    public static Optional<String> laterHours(DruidGateway druid, HourRange range) {
        if (!DruidSql.exists(druid, "panel_report")) {
            return Optional.empty();
        }
        Map<String, Object> row =
                druid.sql(
                                // Exact: Druid's COUNT(DISTINCT) is approximate by default.
                                "SELECT COUNT(*) AS hours, MAX(t) AS last FROM (SELECT __time"
                                        + " AS t FROM panel_report WHERE __time >= ?"
                                        + " GROUP BY __time)",
                                range.to())
                        .get(0);
        Double hours = DruidSql.number(row, "hours");
        if (hours == null || hours == 0) {
            return Optional.empty();
        }
        Instant last = DruidSql.time(row, "last");
        return Optional.of(
                String.format(
                        "note: panel_report holds %d later hour(s), up to %s, whose diff_* and"
                                + " acum_* were computed before this run; to carry this run's"
                                + " figures through them, run --from %s --to %s",
                        hours.longValue(), last, range.from(), last.plus(Duration.ofHours(1))));
    }

    static LightSettings lightSettings(JobParameters p) {
        LightSettings d = LightSettings.defaults();
        return new LightSettings(
                p.getDouble("light.lux-per-wm2", d.luxPerWm2()),
                p.getDouble("light.reference-power-cap", d.referencePowerCap()),
                p.getInt("light.window-days", d.windowDays()),
                p.getDouble("light.sun-up-elevation", d.sunUpElevation()),
                d.nearZeroShare(),
                p.getDouble("light.drop-ratio", d.dropRatio()),
                d.historyDays());
    }

    /** The light batch with the real catalog and Druid. */
    public static LightBatch lightBatch(BatchSettings s, LightSettings light) {
        DruidGateway druid = DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker()));
        return new LightBatch(
                s.landingDir(),
                s.lightTopic(),
                s.includeOpen(),
                s.catalogFactory(),
                druid,
                new WriteSensorLight(
                        new DruidLoad(druid, s.tasksDir(), s.druidTaskTimeout(), s.druidSubTasks()),
                        s.workDir()),
                light,
                s.catalogTimeout(),
                s.catalogCapacity());
    }

    /** The panel batch with the real catalog and Druid. */
    public static PanelBatch panelBatch(BatchSettings s) {
        DruidGateway druid = DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker()));
        DruidLoad load =
                new DruidLoad(druid, s.tasksDir(), s.druidTaskTimeout(), s.druidSubTasks());
        return new PanelBatch(
                s.landingDir(),
                s.panelTopic(),
                s.includeOpen(),
                s.catalogFactory(),
                druid,
                new WritePanel(load, s.workDir()),
                new PanelAlarms(
                        s.alarmRatio(),
                        s.alarmHistoryDays(),
                        3,
                        s.alarmMinExpectedWh(),
                        s.alarmSilentLookback(),
                        ExpectedEnergy.NONE),
                s.maxGap(),
                s.catalogTimeout(),
                s.catalogCapacity());
    }

    /** A local Flink environment in BATCH mode. */
    public static StreamExecutionEnvironment environment(BatchSettings s) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (s.parallelism() > 0) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, s.parallelism());
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    static void printPerHour(
            PrintStream out, HourRange range, PanelBatch.Result r, LightBatch.Result l) {
        Map<Instant, Long> reports = count(r.reports(), PanelReportRow::timestamp);
        Map<Instant, Long> alarms = count(r.alarms(), PanelAlarmRow::timestamp);
        Map<Instant, Long> lights = count(l.reports(), LightReportRow::timestamp);
        Map<Instant, Long> sensorAlarms = count(l.alarms(), SensorAlarmRow::timestamp);
        for (Instant slot : range.slots()) {
            out.printf(
                    "  %s  panel_report %7d  panel_alarm %5d  light_report %5d  sensor_alarm %4d%n",
                    slot,
                    reports.getOrDefault(slot, 0L),
                    alarms.getOrDefault(slot, 0L),
                    lights.getOrDefault(slot, 0L),
                    sensorAlarms.getOrDefault(slot, 0L));
        }
        LOG.info("{}: {} panel reports, {} alarms", range, r.reports().size(), r.alarms().size());
    }

    private static <T> Map<Instant, Long> count(Iterable<T> rows, Function<T, Instant> slot) {
        Map<Instant, Long> m = new TreeMap<>();
        rows.forEach(row -> m.merge(slot.apply(row), 1L, Long::sum));
        return m;
    }
}
