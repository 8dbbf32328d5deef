package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.HourFiles;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One light batch run over a range of hours: RichSensorLight on Flink, the rolling window from
 * Druid, then WriteSensorLight (reports, alarms, Druid loads). Its hours also give the panel batch
 * its expectations ({@link SensorLightExpectation}).
 */
public final class LightBatch {
    private final Path landingDir;
    private final String topic;
    private final boolean includeOpen;
    private final BatchCatalog.Factory catalog;
    private final DruidGateway druid;
    private final WriteSensorLight write;
    private final LightSettings settings;
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
            Duration catalogTimeout,
            int catalogCapacity) {
        this.landingDir = landingDir;
        this.topic = topic;
        this.includeOpen = includeOpen;
        this.catalog = catalog;
        this.druid = druid;
        this.write = write;
        this.settings = settings;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /** What a run produced (and loaded), with the hours for the panel alarms. */
    public record Result(
            List<LightHour> hours, List<LightReportRow> reports, List<SensorAlarmRow> alarms) {

        public SensorLightExpectation expectation(LightSettings s) {
            return new SensorLightExpectation(hours, s.estimator());
        }
    }

    public Result run(HourRange range, StreamExecutionEnvironment env) throws Exception {
        Optional<FileSource<String>> source =
                HourFiles.source(landingDir, topic, range, includeOpen);
        if (source.isEmpty()) {
            return new Result(List.of(), List.of(), List.of());
        }
        List<LightHour> hours =
                new LightHourJob(source.get(), catalog, catalogTimeout, catalogCapacity).run(env);
        LightHistory history = LightHistory.fetch(druid, hours, range, settings.windowDays());
        LightReports.addRun(hours, history);
        List<LightReportRow> reports = new LightReports(settings).build(hours, history);
        List<SensorAlarmRow> alarms = new SensorAlarms(settings).build(hours, history);
        write.write(range, reports, alarms);
        return new Result(hours, reports, alarms);
    }
}
