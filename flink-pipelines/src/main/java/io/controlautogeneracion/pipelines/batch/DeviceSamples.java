package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Merges the batches of samples the reading tasks gathered for one device into all its samples of
 * the run, emitted once the input ends: in BATCH mode the input is sorted by device, so only one
 * device's samples are held at a time, and its timer fires when its last batch has been seen.
 */
final class DeviceSamples<R extends Reading, S>
        extends KeyedProcessFunction<String, Tuple2<String, S>, Tuple2<String, S>> {
    private final HourJob.Kind<R, S, ?> kind;
    private transient ValueState<S> samples;

    DeviceSamples(HourJob.Kind<R, S, ?> kind) {
        this.kind = kind;
    }

    @Override
    public void open(OpenContext context) {
        samples =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("samples", kind.samplesType()));
    }

    @Override
    public void processElement(
            Tuple2<String, S> batch, Context ctx, Collector<Tuple2<String, S>> out)
            throws Exception {
        S s = samples.value();
        if (s == null) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            samples.update(batch.f1);
        } else {
            samples.update(kind.merge(s, batch.f1));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, S>> out)
            throws Exception {
        out.collect(Tuple2.of(ctx.getCurrentKey(), samples.value()));
        samples.clear();
    }
}
