package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.Reading;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The Flink part of an hourly batch run (BATCH mode), one shape for panels and light sensors:
 * landed lines ({@link LineChunks}) → readings, gathered per device where they are read ({@link
 * LandedSamples}) → every reading of one device in the run ({@link DeviceSamples}) → the catalog's
 * {@link CatalogTimeline} of the device ({@link DeviceLookup}) → the device's outputs, by the
 * kind's own rule ({@link Kind}), handed back to the caller. Sources come in through the
 * constructor so tests run the same wiring over their own lines.
 */
public final class HourJob<R extends Reading, S, O> {

    /** What a kind of device contributes to the job: its readings, samples and outputs. */
    public interface Kind<R extends Reading, S, O> extends Serializable {
        DeviceKind deviceKind();

        TypeInformation<R> readingType();

        TypeInformation<S> samplesType();

        TypeInformation<O> outputType();

        S newSamples();

        void add(S samples, R reading);

        /** {@code into} with {@code more} of the same device's samples added (any order). */
        S merge(S into, S more);

        /** Samples as they are handed on to another task: without spare room, where it matters. */
        default S compact(S samples) {
            return samples;
        }

        /** A device's outputs from all its samples of the run and what the catalog says of it. */
        List<O> outputs(String deviceId, S samples, CatalogTimeline timeline);
    }

    // Readings a reading task holds before it hands them on per device (24 bytes each for panels).
    private static final int GATHERED_READINGS = 1_000_000;

    private final List<Source<byte[], ?, ?>> sources;
    private final BatchCatalog.Factory catalog;
    private final Kind<R, S, O> kind;
    private final LandedLines lines;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    /**
     * @param lines the reader of the landed lines
     * @param catalogCapacity devices waiting for the catalog at once (each holds its samples)
     */
    public HourJob(
            List<Source<byte[], ?, ?>> sources,
            BatchCatalog.Factory catalog,
            Kind<R, S, O> kind,
            LandedLines lines,
            Duration catalogTimeout,
            int catalogCapacity) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an hour job needs at least one source");
        }
        this.sources = List.copyOf(sources);
        this.catalog = catalog;
        this.kind = kind;
        this.lines = lines;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /** Adds the job's operators to {@code env}; the stream of the devices' outputs. */
    public DataStream<O> build(StreamExecutionEnvironment env) {
        String name = kind.deviceKind().name().toLowerCase(java.util.Locale.ROOT);
        TypeInformation<Tuple2<String, S>> devices =
                new TupleTypeInfo<>(TypeInformation.of(String.class), kind.samplesType());
        // Each source's lines are read and gathered per device in the source's own task (chained,
        // one source each: a union would break the chain and ship every line), so the shuffle
        // moves batches of samples, not readings.
        DataStream<Tuple2<String, S>> batches = null;
        for (int i = 0; i < sources.size(); i++) {
            DataStream<Tuple2<String, S>> s =
                    env.fromSource(sources.get(i), WatermarkStrategy.noWatermarks(), name + " " + i)
                            .transform(
                                    name + " readings " + i,
                                    devices,
                                    new LandedSamples<R, S>(kind, lines, GATHERED_READINGS));
            batches = batches == null ? s : batches.union(s);
        }
        DataStream<Tuple2<String, S>> samples =
                batches.keyBy(new DeviceOf<S>(), Types.STRING)
                        .process(new DeviceSamples<>(kind))
                        .returns(devices)
                        .name(name + " samples per device");
        return AsyncDataStream.unorderedWait(
                        samples,
                        new DeviceLookup<>(catalog, kind),
                        catalogTimeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        catalogCapacity)
                .returns(kind.outputType())
                .name(name + " catalog and hours")
                .map(new OutputCount<>())
                .returns(kind.outputType())
                .name(name + " outputs");
    }

    /** The device of a batch of samples. */
    private static final class DeviceOf<S> implements KeySelector<Tuple2<String, S>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Tuple2<String, S> batch) {
            return batch.f0;
        }
    }

    /** Runs the job to its end and returns every output. */
    public List<O> run(StreamExecutionEnvironment env) throws Exception {
        List<O> out = new ArrayList<>();
        try (CloseableIterator<O> it = build(env).collectAsync()) {
            // Read while the job runs: its collect sink waits for the reader when its buffer is
            // full, so waiting for the end first would never end.
            JobClient job = env.executeAsync(kind.deviceKind() + " hours");
            it.forEachRemaining(out::add);
            JobExecutionResult result = job.getJobExecutionResult().get();
            Long emitted = result.getAccumulatorResult(OutputCount.NAME);
            if (emitted != null && emitted != out.size()) {
                // Collecting from a local cluster that shuts down with its job can warn that "some
                // data might be lost"; a run with a silently missing device would load wrong
                // totals, so a mismatch stops it.
                throw new BatchException(
                        "the job emitted "
                                + emitted
                                + " outputs but "
                                + out.size()
                                + " were collected");
            }
        }
        return out;
    }

    /** The capacity that keeps about {@code deviceHours} device-hours waiting for the catalog. */
    public static int capacity(int maxDevices, HourRange range, int deviceHours) {
        return Math.max(4, Math.min(maxDevices, deviceHours / Math.max(1, range.hours())));
    }
}
