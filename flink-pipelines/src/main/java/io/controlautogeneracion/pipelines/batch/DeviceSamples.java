package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gathers every reading of one device in the run into the kind's samples, emitted once the input
 * ends: in BATCH mode the input is sorted by device, so only one device's samples are held at a
 * time, and its timer fires when its last reading has been seen.
 */
final class DeviceSamples<R extends Reading, S>
        extends KeyedProcessFunction<String, R, Tuple2<String, S>> {
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
    public void processElement(R reading, Context ctx, Collector<Tuple2<String, S>> out)
            throws Exception {
        S s = samples.value();
        if (s == null) {
            s = kind.newSamples();
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        kind.add(s, reading);
        samples.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, S>> out)
            throws Exception {
        out.collect(Tuple2.of(ctx.getCurrentKey(), samples.value()));
        samples.clear();
    }
}
