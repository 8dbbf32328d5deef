package io.controlautogeneracion.pipelines.wind;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns one closed second's figures into a {@link WindSecond} stamped with the second's start. */
public final class WindSecondRow
        extends ProcessWindowFunction<WindSecondAccumulator, WindSecond, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String windId,
            Context context,
            Iterable<WindSecondAccumulator> figures,
            Collector<WindSecond> out) {
        WindSecondAccumulator acc = figures.iterator().next();
        out.collect(
                new WindSecond(
                        windId,
                        context.window().getStart(),
                        acc.speedSum / acc.samples,
                        acc.speedMax,
                        acc.gustMax,
                        WindSecondAggregate.circularMean(
                                acc.directionSin, acc.directionCos, acc.directions),
                        acc.samples,
                        acc.enrichment,
                        acc.status,
                        acc.warningSpeed,
                        acc.stormSpeed));
    }
}
