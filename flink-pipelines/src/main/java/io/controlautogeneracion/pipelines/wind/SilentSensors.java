package io.controlautogeneracion.pipelines.wind;

import java.time.Instant;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "sensor silent" alarm of one anemometer (keyed by {@code wind_id}), judged on its readings as
 * they arrive: the last report lives in keyed state, the silence deadline is an event-time timer.
 *
 * <p>A report counts at its {@link EnrichedWindReading#boundedTime() bounded time}, when the sensor
 * actually reported: a sensor whose clock runs minutes ahead is silent when it stops reporting, not
 * minutes later, and its seconds still waiting for the watermark never make it look silent.
 *
 * <p>It also names the readings the 1-second windows leave out: both operators see the same
 * watermark, so a reading whose second has already been emitted is counted ({@code lateReadings})
 * and logged here, and does not count as a report either.
 */
public final class SilentSensors
        extends KeyedProcessFunction<String, EnrichedWindReading, WindAlarm> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SilentSensors.class);

    private final SilenceWatch silence;

    private transient ValueState<Presence> presence;
    private transient Counter lateReadings;

    public SilentSensors(SilenceWatch silence) {
        this.silence = silence;
    }

    @Override
    public void open(OpenContext openContext) {
        presence =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("presence", Presence.class));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
    }

    @Override
    public void processElement(EnrichedWindReading reading, Context ctx, Collector<WindAlarm> out)
            throws Exception {
        TimerService timers = ctx.timerService();
        // Late exactly when the reading's 1-second window has already fired, as the windows judge.
        if (Seconds.end(reading.timestamp()) - 1 <= timers.currentWatermark()) {
            lateReadings.inc();
            LOG.warn(
                    "late reading left out: wind_id {} at {}, watermark {} ({} late so far here)",
                    reading.windId(),
                    Instant.ofEpochMilli(reading.timestamp()),
                    Instant.ofEpochMilli(timers.currentWatermark()),
                    lateReadings.getCount());
            return;
        }
        Presence before = presence.value();
        Presence after = silence.onReading(before, reading, out::collect);
        if (after == before) {
            return;
        }
        if (before != null && !before.silent()) {
            long from = silence.deadline(before);
            long to = silence.deadline(after);
            if (from != to) {
                timers.deleteEventTimeTimer(from);
                timers.registerEventTimeTimer(to);
            }
        } else {
            timers.registerEventTimeTimer(silence.deadline(after));
        }
        presence.update(after);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindAlarm> out)
            throws Exception {
        Presence p = presence.value();
        if (p != null && !p.silent() && silence.deadline(p) == timestamp) {
            out.collect(silence.raised(p));
            presence.update(silence.silenced(p));
        }
    }

    @VisibleForTesting
    long lateReadings() {
        return lateReadings.getCount();
    }
}
