package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.model.landing.HourPartitions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes hour partitions, per topic (the key): once the watermark passes an hour's end plus the
 * allowed lateness, the hour is pending; the first checkpoint after that carries the sink's last
 * files of the hour, and when a later checkpoint completes those files are committed, so the {@code
 * _SUCCESS} marker is written then. Pending closes live in operator state, so a restart neither
 * forgets nor repeats one (writing the marker is idempotent anyway).
 */
public final class PartitionCloser extends KeyedProcessFunction<String, LandedLine, Void>
        implements CheckpointedFunction, CheckpointListener {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionCloser.class);
    private static final long HOUR_MS = 3_600_000L;
    private static final long UNMARKED = -1;

    private final String baseDir;
    private final long allowedLatenessMs;
    // (topic, hour start, checkpoint that carried the hour's last files or UNMARKED)
    private transient List<Tuple3<String, Long, Long>> pending;
    private transient ListState<Tuple3<String, Long, Long>> state;

    public PartitionCloser(String baseDir, long allowedLatenessMs) {
        this.baseDir = baseDir;
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void processElement(LandedLine line, Context ctx, Collector<Void> out) {
        long hourEnd = Math.floorDiv(line.eventTime(), HOUR_MS) * HOUR_MS + HOUR_MS;
        ctx.timerService().registerEventTimeTimer(hourEnd + allowedLatenessMs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) {
        long hourStart = timestamp - allowedLatenessMs - HOUR_MS;
        pending.add(Tuple3.of(ctx.getCurrentKey(), hourStart, UNMARKED));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        for (Tuple3<String, Long, Long> p : pending) {
            if (p.f2 == UNMARKED) {
                p.f2 = context.getCheckpointId();
            }
        }
        state.update(pending);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        // The sink commits checkpoint n's files when n completes; a later completion means
        // they are committed whatever order the operators were notified in.
        Iterator<Tuple3<String, Long, Long>> it = pending.iterator();
        while (it.hasNext()) {
            Tuple3<String, Long, Long> p = it.next();
            if (p.f2 != UNMARKED && p.f2 < checkpointId) {
                Path dir =
                        HourPartitions.directory(
                                Path.of(baseDir), p.f0, Instant.ofEpochMilli(p.f1));
                HourPartitions.close(dir);
                LOG.info("closed {}", dir);
                it.remove();
            }
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pending-closes",
                                        TypeInformation.of(
                                                new org.apache.flink.api.common.typeinfo.TypeHint<
                                                        Tuple3<String, Long, Long>>() {})));
        pending = new ArrayList<>();
        for (Tuple3<String, Long, Long> p : state.get()) {
            pending.add(p);
        }
    }
}
