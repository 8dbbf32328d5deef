package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.HourFiles;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One panel batch run over a range of hours: RichPanel on Flink (energy per panel hour, catalog),
 * the panels that fell silent, then the history the range needs from Druid, then WritePanel
 * (reports, alarms, Druid loads).
 */
public final class PanelBatch {
    private final Path landingDir;
    private final String topic;
    private final boolean includeOpen;
    private final BatchCatalog.Factory catalog;
    private final DruidGateway druid;
    private final WritePanel write;
    private final PanelAlarms alarms;
    private final Duration maxGap;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    public PanelBatch(
            Path landingDir,
            String topic,
            boolean includeOpen,
            BatchCatalog.Factory catalog,
            DruidGateway druid,
            WritePanel write,
            PanelAlarms alarms,
            Duration maxGap,
            Duration catalogTimeout,
            int catalogCapacity) {
        this.landingDir = landingDir;
        this.topic = topic;
        this.includeOpen = includeOpen;
        this.catalog = catalog;
        this.druid = druid;
        this.write = write;
        this.alarms = alarms;
        this.maxGap = maxGap;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /** What a run produced (and loaded). */
    public record Result(List<PanelReportRow> reports, List<PanelAlarmRow> alarms) {}

    /**
     * Runs the range; {@code light} gives expectations from the clients' light sensors (or {@link
     * ExpectedEnergy#NONE}). A range without any landed panel file changes nothing in Druid.
     */
    public Result run(HourRange range, StreamExecutionEnvironment env, ExpectedEnergy.Source light)
            throws Exception {
        List<Instant> landed = HourFiles.slots(landingDir, topic, range, includeOpen);
        Optional<FileSource<String>> source = HourFiles.source(landingDir, topic, landed);
        if (source.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        List<PanelHour> hours =
                new PanelHourJob(source.get(), catalog, maxGap, catalogTimeout, catalogCapacity)
                        .run(env);
        List<PanelHour> withSilent = new ArrayList<>(hours);
        withSilent.addAll(
                SilentPanels.find(
                        druid,
                        catalog,
                        hours,
                        range,
                        Set.copyOf(landed),
                        alarms.silentLookback(),
                        catalogTimeout));
        PanelHistory history =
                DruidPanelHistory.fetch(druid, withSilent, range, alarms.historyDays());
        List<PanelReportRow> reports = PanelReports.build(hours, range, history);
        List<PanelAlarmRow> alarmRows = alarms.withLight(light).build(withSilent, range, history);
        write.write(range, reports, alarmRows);
        return new Result(reports, alarmRows);
    }
}
