package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.Reading;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landed JSON lines, a chunk of whole lines at a time ({@link LineChunks}) → readings of one kind,
 * gathered per device where they are read: each device's readings go on as one batch of the kind's
 * samples when {@code maxReadings} readings are held, and at the end of the input. The shuffle by
 * device then moves a few large records instead of one per reading. The landing job only writes
 * valid messages, so a line that does not parse means a damaged file: it is counted (metric {@code
 * badLines}) and logged, never silently used.
 */
final class LandedSamples<R extends Reading, S> extends AbstractStreamOperator<Tuple2<String, S>>
        implements OneInputStreamOperator<byte[], Tuple2<String, S>>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LandedSamples.class);

    private final HourJob.Kind<R, S, ?> kind;
    private final LandedLines lines;
    private final int maxReadings;
    private transient Map<String, S> held;
    private transient int readings;
    private transient Counter badLines;

    LandedSamples(HourJob.Kind<R, S, ?> kind, LandedLines lines, int maxReadings) {
        this.kind = kind;
        this.lines = lines;
        this.maxReadings = maxReadings;
    }

    @Override
    public void open() throws Exception {
        super.open();
        held = new HashMap<>();
        badLines = getMetricGroup().counter("badLines");
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) {
        long now = lines.nowMillis();
        LineChunks.lines(element.getValue(), line -> line(line, now));
    }

    @SuppressWarnings("unchecked")
    private void line(String line, long nowMs) {
        if (line.isBlank()) {
            return;
        }
        Reading plain = lines.plain(kind.deviceKind(), line, nowMs);
        R reading;
        if (plain != null) {
            reading = (R) plain;
        } else {
            ParseResult result = lines.parse(kind.deviceKind(), line);
            if (!(result instanceof ParseResult.Valid valid)) {
                badLines.inc();
                LOG.warn(
                        "skipping a landed {} line: {}",
                        kind.deviceKind(),
                        ((ParseResult.Invalid) result).reason());
                return;
            }
            reading = (R) valid.reading();
        }
        kind.add(held.computeIfAbsent(reading.deviceId(), k -> kind.newSamples()), reading);
        if (++readings >= maxReadings) {
            flush();
        }
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        for (Map.Entry<String, S> e : held.entrySet()) {
            output.collect(new StreamRecord<>(Tuple2.of(e.getKey(), kind.compact(e.getValue()))));
        }
        held.clear();
        readings = 0;
    }
}
