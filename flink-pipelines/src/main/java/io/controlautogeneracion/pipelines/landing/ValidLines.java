package io.controlautogeneracion.pipelines.landing;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through the valid lines. Invalid messages are counted and logged with their key
 * (ingest-service keeps them in {@code topic_alarm}). A reading for an hour already closed (a
 * gateway that buffered offline and uploads on reconnection, a slow partition) is landed in its
 * hour all the same, never dropped: it changes that partition's content, so the hourly batch's
 * scheduler reports the hour again. It is counted ({@code lateReadings}) and logged.
 */
public final class ValidLines extends ProcessFunction<LandedLine, LandedLine> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidLines.class);
    private static final long HOUR_MS = 3_600_000L;

    private final long allowedLatenessMs;
    private transient Counter invalid;
    private transient Counter late;
    private transient java.util.Set<String> loggedLateHours;

    public ValidLines(long allowedLatenessMs) {
        this.allowedLatenessMs = allowedLatenessMs;
    }

    @Override
    public void open(OpenContext context) {
        invalid = getRuntimeContext().getMetricGroup().counter("invalidMessages");
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
        // The closed hours already logged, the most recent thousand.
        loggedLateHours =
                java.util.Collections.newSetFromMap(
                        new java.util.LinkedHashMap<>() {
                            @Override
                            protected boolean removeEldestEntry(
                                    java.util.Map.Entry<String, Boolean> eldest) {
                                return size() > 1000;
                            }
                        });
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
            // Once per closed hour: a fleet reconnecting sends thousands of late readings.
            if (loggedLateHours.add(line.topic() + "@" + (hourEnd - HOUR_MS))) {
                LOG.info(
                        "readings on {} for the hour from {} arrive after it was closed (the"
                                + " first with key {}): landed in it, the hour is reported again",
                        line.topic(),
                        java.time.Instant.ofEpochMilli(hourEnd - HOUR_MS),
                        line.key());
            }
        }
        out.collect(line);
    }
}
