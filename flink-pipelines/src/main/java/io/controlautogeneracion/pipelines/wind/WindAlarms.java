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
 * Wind and silence alarms of one anemometer (keyed by {@code wind_id}): the open episode and the
 * last report live in keyed state, the calm and silence deadlines are event-time timers. Rows
 * depend only on the readings and the event time, so a replay after a restart emits the same rows.
 */
public final class WindAlarms extends KeyedProcessFunction<String, EnrichedWindReading, WindAlarm> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WindAlarms.class);

    private final WindEpisodes episodes;
    private final SilenceWatch silence;

    private transient ValueState<WindEpisode> episode;
    private transient ValueState<Presence> presence;
    private transient Counter lateReadings;

    public WindAlarms(WindEpisodes episodes, SilenceWatch silence) {
        this.episodes = episodes;
        this.silence = silence;
    }

    @Override
    public void open(OpenContext openContext) {
        episode =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("episode", WindEpisode.class));
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
        // Both keyed operators see the same watermark, so this counts and names every reading the
        // windows leave out too.
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
        if (after != before) {
            if (before != null && !before.silent()) {
                moveTimer(timers, silence.deadline(before), silence.deadline(after));
            } else {
                timers.registerEventTimeTimer(silence.deadline(after));
            }
            presence.update(after);
        }

        WindEpisode open = episode.value();
        WindEpisode next = episodes.onReading(open, reading, out::collect);
        if (next != open) {
            if (open != null && next != null) {
                moveTimer(timers, episodes.calmDeadline(open), episodes.calmDeadline(next));
            } else if (open != null) {
                timers.deleteEventTimeTimer(episodes.calmDeadline(open));
            } else {
                timers.registerEventTimeTimer(episodes.calmDeadline(next));
            }
            if (next == null) {
                episode.clear();
            } else {
                episode.update(next);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindAlarm> out)
            throws Exception {
        WindEpisode open = episode.value();
        if (open != null && episodes.calmDeadline(open) == timestamp) {
            out.collect(episodes.closed(open));
            episode.clear();
        }
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

    private static void moveTimer(TimerService timers, long from, long to) {
        if (from != to) {
            timers.deleteEventTimeTimer(from);
            timers.registerEventTimeTimer(to);
        }
    }
}
