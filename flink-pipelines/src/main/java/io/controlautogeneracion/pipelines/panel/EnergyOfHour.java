package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a panel's readings of one hour into its {@link HourEnergy}; enrichment comes later. */
public final class EnergyOfHour
        extends ProcessWindowFunction<PanelSamples, PanelHour, String, TimeWindow> {
    /** Accumulator of the hours emitted, checked against what the driver collected. */
    public static final String COUNTER = "hours";

    private transient LongCounter emitted;

    @Override
    public void open(OpenContext context) {
        emitted = new LongCounter();
        getRuntimeContext().addAccumulator(COUNTER, emitted);
    }

    private final long maxGapMs;

    public EnergyOfHour(long maxGapMs) {
        this.maxGapMs = maxGapMs;
    }

    @Override
    public void process(
            String panelId,
            Context context,
            Iterable<PanelSamples> samples,
            Collector<PanelHour> out) {
        long start = context.window().getStart();
        for (PanelSamples s : samples) {
            HourEnergy e = HourEnergy.of(start, s, maxGapMs);
            emitted.add(1);
            out.collect(
                    new PanelHour(
                            panelId,
                            Instant.ofEpochMilli(start),
                            e.energyWh(),
                            e.samples(),
                            e.coverage(),
                            e.counterResets(),
                            CatalogFacts.UNKNOWN));
        }
    }
}
