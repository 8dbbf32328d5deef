package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landed JSON lines → panel readings. The landing job only writes valid messages, so a line that
 * does not parse means a damaged file: it is counted and logged, never silently used.
 */
public final class PanelLines extends RichFlatMapFunction<String, PanelReading> {
    private static final Logger LOG = LoggerFactory.getLogger(PanelLines.class);

    private transient Counter badLines;

    @Override
    public void open(OpenContext context) {
        badLines = getRuntimeContext().getMetricGroup().counter("badLines");
    }

    @Override
    public void flatMap(String line, Collector<PanelReading> out) {
        if (line.isBlank()) {
            return;
        }
        ParseResult result = LandedLines.PARSER.parse(DeviceKind.PANEL, line);
        if (result instanceof ParseResult.Valid valid) {
            out.collect((PanelReading) valid.reading());
        } else {
            badLines.inc();
            LOG.warn("skipping a landed panel line: {}", ((ParseResult.Invalid) result).reason());
        }
    }
}
