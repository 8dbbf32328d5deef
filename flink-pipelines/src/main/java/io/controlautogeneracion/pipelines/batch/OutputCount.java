package io.controlautogeneracion.pipelines.batch;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts what a batch job emits, so the driver can check it collected every output. */
final class OutputCount<O> extends RichMapFunction<O, O> {
    static final String NAME = "outputs";

    private transient LongCounter emitted;

    @Override
    public void open(OpenContext context) {
        emitted = new LongCounter();
        getRuntimeContext().addAccumulator(NAME, emitted);
    }

    @Override
    public O map(O value) {
        emitted.add(1);
        return value;
    }
}
