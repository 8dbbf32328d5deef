package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.light.LightBatch;
import io.controlautogeneracion.pipelines.light.LightSettings;
import io.controlautogeneracion.pipelines.light.WriteSensorLight;
import io.controlautogeneracion.pipelines.panel.EdgeStore;
import io.controlautogeneracion.pipelines.panel.ExpectedEnergy;
import io.controlautogeneracion.pipelines.panel.GapWeight;
import io.controlautogeneracion.pipelines.panel.PanelAlarms;
import io.controlautogeneracion.pipelines.panel.PanelBatch;
import io.controlautogeneracion.pipelines.panel.PanelEnergy;
import io.controlautogeneracion.pipelines.panel.WritePanel;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly batch's command line, for the last closed hour, one {@code --hour}, or a range {@code
 * --from .. --to}: the light batch (RichSensorLight → WriteSensorLight) first, whose hours give the
 * panel alarms their expectations, then the panel batch (RichPanel → WritePanel); records what it
 * computed in the {@link HourLedger} and prints what each hour produced.
 */
public final class HourlyBatch {
    private static final Logger LOG = LoggerFactory.getLogger(HourlyBatch.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private HourlyBatch() {}

    /** How a failed run's last line on standard error starts; the scheduler records the rest. */
    public static final String FAILED = "hourly batch failed: ";

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (JobParameters.BadParameter e) {
            e.exit("hourly batch");
        } catch (Exception e) {
            LOG.error("the hourly batch failed", e);
            System.err.println(FAILED + BatchScheduler.reason(e));
            System.exit(1);
        }
        // A thread a library leaves behind (Flink's file-source split fetcher, seen after a
        // finished job) must not keep the run's JVM, and the scheduler waiting for it, alive.
        System.out.flush();
        System.exit(0);
    }

    /**
     * Runs what the command line asks for (its environment too) on the system clock, printing to
     * {@code out}.
     */
    public static Report run(String[] args, PrintStream out) throws Exception {
        JobParameters p = new JobParameters(args, System.getenv(), "BATCH");
        Clock clock = Clock.systemUTC();
        return run(
                BatchSettings.from(p),
                lightSettings(p),
                BatchSettings.range(p, clock.instant()),
                clock,
                out);
    }

    /** What a run did, for its caller. */
    public record Report(LightBatch.Result lights, PanelBatch.Result panels) {}

    /**
     * Runs {@code range} and records it in the ledger; prints one line per hour to {@code out}.
     * {@code clock} is "now" for the landed lines' sanity bound and the hours' report times; it
     * travels into the Flink jobs, so it must be serialisable (the system clock, a fixed one).
     */
    public static Report run(
            BatchSettings s, LightSettings light, HourRange range, Clock clock, PrintStream out)
            throws Exception {
        out.printf("hourly batch %s (%d h)%n", range, range.hours());
        long start = System.nanoTime();
        LandedLines lines = new LandedLines(clock);
        LightBatch.Result lights =
                lightBatch(s, light, lines).run(range, environment(s.parallelism()));
        PanelBatch.Result panels =
                panelBatch(s, lines)
                        .run(range, environment(s.parallelism()), lights.expectation(light));
        record(s, range, panels.inputs(), lights.inputs(), panels.gaps(), clock);
        printPerHour(out, range, panels, lights);
        if (panels.carried() > 0) {
            out.printf(
                    "  the changed hours carried through %d later rows, up to %s%n",
                    panels.carried(), panels.written().to());
        }
        if (!panels.gaps().isEmpty()) {
            out.printf(
                    "  %d counter gap(s) reach beyond the range; the hours they cross are due"
                            + " again%n",
                    panels.gaps().size());
        }
        out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return new Report(lights, panels);
    }

    /**
     * Records the hours the run computed, with the inputs it computed them from, and marks the
     * hours that newly found counter gaps cross outside the range as dirty.
     */
    public static void record(
            BatchSettings s,
            HourRange range,
            RunInputs panels,
            RunInputs lights,
            List<HourLedger.Gap> gaps,
            Clock clock) {
        HourInputs inputs =
                new HourInputs(
                        s.landingDir(),
                        s.stateDir(),
                        s.panelTopic(),
                        s.lightTopic(),
                        new LandedLines(clock));
        Map<Instant, String> panelRead = new TreeMap<>();
        panels.read().forEach(p -> panelRead.put(p.slot(), p.fingerprint()));
        Map<Instant, String> lightRead = new TreeMap<>();
        lights.read().forEach(p -> lightRead.put(p.slot(), p.fingerprint()));
        Instant now = clock.instant();
        new HourLedger(s.stateDir())
                .update(
                        null,
                        state -> {
                            for (Instant slot : range.slots()) {
                                HourLedger.Hour current = inputs.now(slot, now);
                                String panel = read(panelRead, slot, current.panel());
                                String light = read(lightRead, slot, current.light());
                                if (panel == null || light == null) {
                                    // A partition of the hour was not read (still open): the
                                    // hour is not reported.
                                    continue;
                                }
                                if (HourInputs.NONE.equals(panel)
                                        && HourInputs.NONE.equals(light)) {
                                    continue;
                                }
                                state.hours()
                                        .put(
                                                slot,
                                                HourLedger.Hour.reported(
                                                        panel,
                                                        light,
                                                        current.before(),
                                                        current.after(),
                                                        now));
                            }
                            for (HourLedger.Gap g : gaps) {
                                if (!state.addGap(g)) {
                                    continue;
                                }
                                for (Instant h = SlotCalendar.slotOf(g.from());
                                        !h.isAfter(g.to());
                                        h = h.plus(HOUR)) {
                                    if (!range.contains(h)) {
                                        state.markDirty(h);
                                    }
                                }
                            }
                        });
    }

    /**
     * The fingerprint the run read for the hour: what it read, {@code none} when the topic has no
     * partition there, or null when a partition exists that the run did not read.
     */
    private static String read(Map<Instant, String> read, Instant slot, String now) {
        if (read.containsKey(slot)) {
            return read.get(slot);
        }
        return HourInputs.NONE.equals(now) ? HourInputs.NONE : null;
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
    public static LightBatch lightBatch(BatchSettings s, LightSettings light, LandedLines lines) {
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
                lines,
                s.catalogTimeout(),
                s.catalogCapacity());
    }

    /** The panel batch with the real catalog and Druid. */
    public static PanelBatch panelBatch(BatchSettings s, LandedLines lines) {
        DruidGateway druid = DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker()));
        DruidLoad load =
                new DruidLoad(druid, s.tasksDir(), s.druidTaskTimeout(), s.druidSubTasks());
        return new PanelBatch(
                s.landingDir(),
                s.panelTopic(),
                s.includeOpen(),
                s.catalogFactory(),
                druid,
                new WritePanel(load, s.workDir(), druid),
                new PanelAlarms(
                        s.alarmRatio(),
                        s.alarmHistoryDays(),
                        3,
                        s.alarmMinExpectedWh(),
                        s.alarmSilentLookback(),
                        ExpectedEnergy.NONE),
                new PanelEnergy(s.maxGap().toMillis(), GapWeight.CLEAR_SKY),
                new EdgeStore(s.stateDir(), s.panelTopic(), lines),
                new HourLedger(s.stateDir()),
                s.gapReach(),
                s.catalogTimeout(),
                s.catalogCapacity());
    }

    /**
     * A local Flink environment in BATCH mode with {@code parallelism} tasks per operator (the
     * machine's cores where it is not positive).
     */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Chained operators hand records on without a copy: each operator of the hour jobs emits
        // a new object, or its input once and does not touch it again, and BATCH mode's sorted
        // and network inputs deserialize a new object per record. The copies were a run's samples
        // and outputs once more each.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        // FLINK-40660: a file source's split fetcher can miss its shutdown hand-over when its
        // element queue is full, and then blocks until the reader's close timeout (30 s by
        // default) and outlives the job. A roomier queue makes that rarer, a short timeout bounds
        // what it costs a run (the run's JVM exits regardless: main).
        conf.set(SourceReaderOptions.ELEMENT_QUEUE_CAPACITY, 16);
        conf.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, 2_000L);
        if (parallelism > 0) {
            conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    static void printPerHour(
            PrintStream out, HourRange range, PanelBatch.Result r, LightBatch.Result l) {
        Map<Instant, Integer> reports = r.reportsPerHour();
        Map<Instant, Long> alarms = count(r.alarms(), PanelAlarmRow::timestamp);
        Map<Instant, Long> lights = count(l.reports(), LightReportRow::timestamp);
        Map<Instant, Long> sensorAlarms = count(l.alarms(), SensorAlarmRow::timestamp);
        for (Instant slot : range.slots()) {
            out.printf(
                    "  %s  panel_report %7d  panel_alarm %5d  light_report %5d  sensor_alarm %4d%n",
                    slot,
                    reports.getOrDefault(slot, 0),
                    alarms.getOrDefault(slot, 0L),
                    lights.getOrDefault(slot, 0L),
                    sensorAlarms.getOrDefault(slot, 0L));
        }
        LOG.info("{}: {} panel reports, {} alarms", range, r.reports(), r.alarms().size());
    }

    private static <T> Map<Instant, Long> count(Iterable<T> rows, Function<T, Instant> slot) {
        Map<Instant, Long> m = new TreeMap<>();
        rows.forEach(row -> m.merge(slot.apply(row), 1L, Long::sum));
        return m;
    }
}
