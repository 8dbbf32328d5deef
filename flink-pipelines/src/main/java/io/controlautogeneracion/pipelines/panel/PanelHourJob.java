package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.HourCount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.CloseableIterator;

/**
 * The Flink part of the panel batch (BATCH mode): landed panel lines → readings → one-hour event
 * windows per panel → {@link HourEnergy} → RichPanel (catalog) → the {@link PanelHour}s, handed
 * back to the caller, who compares them with history and writes the reports. The source comes in
 * through the constructor so tests run the same wiring over their own lines.
 */
public final class PanelHourJob {
    private final Source<String, ?, ?> source;
    private final BatchCatalog.Factory catalog;
    private final long maxGapMs;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    public PanelHourJob(
            Source<String, ?, ?> source,
            BatchCatalog.Factory catalog,
            Duration maxGap,
            Duration catalogTimeout,
            int catalogCapacity) {
        this.source = source;
        this.catalog = catalog;
        this.maxGapMs = maxGap.toMillis();
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /** Adds the job's operators to {@code env}; the stream of enriched panel hours. */
    public DataStream<PanelHour> build(StreamExecutionEnvironment env) {
        DataStream<PanelReading> readings =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "panel files")
                        .flatMap(new PanelLines())
                        .name("panel lines")
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<PanelReading>forMonotonousTimestamps()
                                        .withTimestampAssigner(
                                                (r, previous) -> r.timestamp().toEpochMilli()));
        DataStream<PanelHour> hours =
                readings.keyBy(PanelReading::panelId)
                        .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                        .aggregate(new CollectPanelSamples(), new EnergyOfHour(maxGapMs))
                        .name("hourly energy");
        return AsyncDataStream.unorderedWait(
                        hours,
                        new RichPanel(catalog),
                        catalogTimeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        catalogCapacity)
                .name("RichPanel");
    }

    /** Runs the job to its end and returns every enriched panel hour. */
    public List<PanelHour> run(StreamExecutionEnvironment env) throws Exception {
        List<PanelHour> out = new ArrayList<>();
        try (CloseableIterator<PanelHour> it = build(env).collectAsync()) {
            // Read while the job runs: its collect sink waits for the reader when its buffer is
            // full, so waiting for the end first would never end.
            JobClient job = env.executeAsync("RichPanel");
            it.forEachRemaining(out::add);
            JobExecutionResult result = job.getJobExecutionResult().get();
            HourCount.check(result, EnergyOfHour.COUNTER, out.size());
        }
        return out;
    }
}
