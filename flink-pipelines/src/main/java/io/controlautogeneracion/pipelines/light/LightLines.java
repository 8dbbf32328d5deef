package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.LightReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Landed JSON lines → light readings; a damaged line is counted and logged. */
public final class LightLines extends RichFlatMapFunction<String, LightReading> {
    private static final Logger LOG = LoggerFactory.getLogger(LightLines.class);

    private transient Counter badLines;

    @Override
    public void open(OpenContext context) {
        badLines = getRuntimeContext().getMetricGroup().counter("badLines");
    }

    @Override
    public void flatMap(String line, Collector<LightReading> out) {
        if (line.isBlank()) {
            return;
        }
        ParseResult result = LandedLines.PARSER.parse(DeviceKind.LIGHT, line);
        if (result instanceof ParseResult.Valid valid) {
            out.collect((LightReading) valid.reading());
        } else {
            badLines.inc();
            LOG.warn("skipping a landed light line: {}", ((ParseResult.Invalid) result).reason());
        }
    }
}
