package io.controlautogeneracion.pipelines.landing;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through the valid lines whose hour is still open. Invalid messages are counted and logged
 * with their key (ingest-service keeps them in {@code topic_alarm}); a reading for an hour already
 * closed is counted and logged too, since writing it would change a partition the batch may have
 * read.
 */
public final class ValidLines extends ProcessFunction<LandedLine, LandedLine> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidLines.class);
    private static final long HOUR_MS = 3_600_000L;

    private final long allowedLatenessMs;
    private transient Counter invalid;
    private transient Counter late;

    public ValidLines(long allowedLatenessMs) {
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void open(OpenContext context) {
        invalid = getRuntimeContext().getMetricGroup().counter("invalidMessages");
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
    }

    @Override
    public void processElement(LandedLine line, Context ctx, Collector<LandedLine> out) {
        if (!line.valid()) {
            invalid.inc();
            LOG.warn(
                    "invalid message on {} with key {} not landed: {}",
                    line.topic(),
                    line.key(),
                    line.invalidReason());
            return;
        }
        long hourEnd = Math.floorDiv(line.eventTime(), HOUR_MS) * HOUR_MS + HOUR_MS;
        if (hourEnd + allowedLatenessMs <= ctx.timerService().currentWatermark()) {
            late.inc();
            LOG.warn(
                    "reading on {} with key {} at {} arrived after its hour was closed",
                    line.topic(),
                    line.key(),
                    java.time.Instant.ofEpochMilli(line.eventTime()));
            return;
        }
        out.collect(line);
    }
}
