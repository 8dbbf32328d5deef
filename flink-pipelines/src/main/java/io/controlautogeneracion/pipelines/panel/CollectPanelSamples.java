package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.PanelReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Gathers a panel's readings of one hour window into primitive arrays. */
public final class CollectPanelSamples
        implements AggregateFunction<PanelReading, PanelSamples, PanelSamples> {

    @Override
    public PanelSamples createAccumulator() {
        return new PanelSamples();
    }

    @Override
    public PanelSamples add(PanelReading r, PanelSamples acc) {
        acc.add(r.timestamp().toEpochMilli(), r.powerW(), r.energyWh());
        return acc;
    }

    @Override
    public PanelSamples getResult(PanelSamples acc) {
        return acc;
    }

    @Override
    public PanelSamples merge(PanelSamples a, PanelSamples b) {
        return a.merge(b);
    }
}
