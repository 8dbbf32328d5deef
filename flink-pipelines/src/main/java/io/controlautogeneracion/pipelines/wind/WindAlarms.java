package io.controlautogeneracion.pipelines.wind;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Wind episodes of one anemometer (keyed by {@code wind_id}) over its closed 1-second windows: the
 * open episode lives in keyed state, the calm deadline is an event-time timer. The windows emit an
 * anemometer's seconds in time order, each once it is closed, so a second's level is decided by its
 * max whatever the order of its readings, and the rows depend only on the readings and event time:
 * a replay after a restart emits the same rows.
 */
public final class WindAlarms extends KeyedProcessFunction<String, WindSecond, WindAlarm> {
    private static final long serialVersionUID = 1L;

    private final WindEpisodes episodes;

    private transient ValueState<WindEpisode> episode;

    public WindAlarms(WindEpisodes episodes) {
        this.episodes = episodes;
    }

    @Override
    public void open(OpenContext openContext) {
        episode =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("episode", WindEpisode.class));
    }

    @Override
    public void processElement(WindSecond second, Context ctx, Collector<WindAlarm> out)
            throws Exception {
        TimerService timers = ctx.timerService();
        WindEpisode open = episode.value();
        WindEpisode next = episodes.onSecond(open, second, out::collect);
        if (next == open) {
            return;
        }
        if (open != null && next != null) {
            long from = episodes.calmDeadline(open);
            long to = episodes.calmDeadline(next);
            if (from != to) {
                timers.deleteEventTimeTimer(from);
                timers.registerEventTimeTimer(to);
            }
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

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindAlarm> out)
            throws Exception {
        WindEpisode open = episode.value();
        if (open != null && episodes.calmDeadline(open) == timestamp) {
            out.collect(episodes.closed(open));
            episode.clear();
        }
    }
}
