package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.HourJob;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.RunInputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One light batch run over a range of hours: RichSensorLight on Flink over the closed partitions of
 * the range, the rolling window from Druid, then WriteSensorLight (reports, alarms, Druid loads
 * that replace the hours read and no other). Its hours also give the panel batch its expectations
 * ({@link SensorLightExpectation}).
 */
public final class LightBatch {
    private final Path landingDir;
    private final String topic;
    private final boolean includeOpen;
    private final BatchCatalog.Factory catalog;
    private final DruidGateway druid;
    private final WriteSensorLight write;
    private final LightSettings settings;
    private final LandedLines lines;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    public LightBatch(
            Path landingDir,
            String topic,
            boolean includeOpen,
            BatchCatalog.Factory catalog,
            DruidGateway druid,
            WriteSensorLight write,
            LightSettings settings,
            LandedLines lines,
            Duration catalogTimeout,
            int catalogCapacity) {
        this.landingDir = landingDir;
        this.topic = topic;
        this.includeOpen = includeOpen;
        this.catalog = catalog;
        this.druid = druid;
        this.write = write;
        this.settings = settings;
        this.lines = lines;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /** What a run produced (and loaded), with the hours for the panel alarms. */
    public record Result(
            List<LightHour> hours,
            List<LightReportRow> reports,
            List<SensorAlarmRow> alarms,
            RunInputs inputs) {

        public SensorLightExpectation expectation(LightSettings s) {
            return new SensorLightExpectation(hours, s.estimator());
        }
    }

    public Result run(HourRange range, StreamExecutionEnvironment env) throws Exception {
        RunInputs inputs = RunInputs.of(landingDir, topic, range, includeOpen);
        Optional<FileSource<byte[]>> source = RunInputs.source(inputs.files());
        if (source.isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), inputs);
        }
        // The last run's reports are the rolling window of this one: they must be served.
        druid.awaitServed("light_report", Duration.ofMinutes(10));
        List<LightHour> hours =
                new HourJob<>(
                                List.of(source.get()),
                                catalog,
                                new RichSensorLight(range),
                                lines,
                                catalogTimeout,
                                HourJob.capacity(catalogCapacity, range, 50_000))
                        .run(env);
        LightHistory history = LightHistory.fetch(druid, hours, range, settings.windowDays());
        LightReports.addRun(hours, history);
        List<LightReportRow> reports = new LightReports(settings).build(hours, history);
        List<SensorAlarmRow> alarms = new SensorAlarms(settings).build(hours, history);
        write.write(inputs.slots(), reports, alarms);
        return new Result(hours, reports, alarms, inputs);
    }
}
