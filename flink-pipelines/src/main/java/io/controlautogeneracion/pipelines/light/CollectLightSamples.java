package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.reading.LightReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Gathers a light sensor's readings of one hour window. */
public final class CollectLightSamples
        implements AggregateFunction<LightReading, LightSamples, LightSamples> {

    @Override
    public LightSamples createAccumulator() {
        return new LightSamples();
    }

    @Override
    public LightSamples add(LightReading r, LightSamples acc) {
        acc.add(r.timestamp().toEpochMilli(), r.lux());
        return acc;
    }

    @Override
    public LightSamples getResult(LightSamples acc) {
        return acc;
    }

    @Override
    public LightSamples merge(LightSamples a, LightSamples b) {
        return a.merge(b);
    }
}
