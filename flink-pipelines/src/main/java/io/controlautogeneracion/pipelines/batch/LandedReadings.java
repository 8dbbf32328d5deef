package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landed JSON lines → readings of one kind. The landing job only writes valid messages, so a line
 * that does not parse means a damaged file: it is counted and logged, never silently used.
 */
final class LandedReadings<R extends Reading> extends RichFlatMapFunction<String, R> {
    private static final Logger LOG = LoggerFactory.getLogger(LandedReadings.class);

    private final DeviceKind kind;
    private transient Counter badLines;

    LandedReadings(DeviceKind kind) {
        this.kind = kind;
    }

    @Override
    public void open(OpenContext context) {
        badLines = getRuntimeContext().getMetricGroup().counter("badLines");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void flatMap(String line, Collector<R> out) {
        if (line.isBlank()) {
            return;
        }
        ParseResult result = LandedLines.PARSER.parse(kind, line);
        if (result instanceof ParseResult.Valid valid) {
            out.collect((R) valid.reading());
        } else {
            badLines.inc();
            LOG.warn(
                    "skipping a landed {} line: {}", kind, ((ParseResult.Invalid) result).reason());
        }
    }
}
