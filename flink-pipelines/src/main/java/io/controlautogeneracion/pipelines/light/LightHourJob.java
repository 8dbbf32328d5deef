package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.reading.LightReading;
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
 * The Flink part of the light batch (BATCH mode): landed light lines → one-hour event windows per
 * sensor → {@link LightHour} → RichSensorLight (catalog), handed back to the caller.
 */
public final class LightHourJob {
    private final Source<String, ?, ?> source;
    private final BatchCatalog.Factory catalog;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    public LightHourJob(
            Source<String, ?, ?> source,
            BatchCatalog.Factory catalog,
            Duration catalogTimeout,
            int catalogCapacity) {
        this.source = source;
        this.catalog = catalog;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    public DataStream<LightHour> build(StreamExecutionEnvironment env) {
        DataStream<LightReading> readings =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "sensor-light files")
                        .flatMap(new LightLines())
                        .name("light lines")
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<LightReading>forMonotonousTimestamps()
                                        .withTimestampAssigner(
                                                (r, previous) -> r.timestamp().toEpochMilli()));
        DataStream<LightHour> hours =
                readings.keyBy(LightReading::lightId)
                        .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                        .aggregate(new CollectLightSamples(), new LightOfHour())
                        .name("hourly light");
        return AsyncDataStream.unorderedWait(
                        hours,
                        new RichSensorLight(catalog),
                        catalogTimeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        catalogCapacity)
                .name("RichSensorLight");
    }

    public List<LightHour> run(StreamExecutionEnvironment env) throws Exception {
        List<LightHour> out = new ArrayList<>();
        try (CloseableIterator<LightHour> it = build(env).collectAsync()) {
            // Read while the job runs: its collect sink waits for the reader when its buffer is
            // full, so waiting for the end first would never end.
            JobClient job = env.executeAsync("RichSensorLight");
            it.forEachRemaining(out::add);
            JobExecutionResult result = job.getJobExecutionResult().get();
            HourCount.check(result, LightOfHour.COUNTER, out.size());
        }
        return out;
    }
}
