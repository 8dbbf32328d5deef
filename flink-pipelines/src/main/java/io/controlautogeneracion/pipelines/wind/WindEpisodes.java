package io.controlautogeneracion.pipelines.wind;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The wind episode rules, without Flink, over closed 1-second windows: an episode opens when a
 * second's max reaches the warning (or storm) threshold, escalates once to storm, and closes when
 * no second's max has reached the clear speed ({@code clearRatio ×} warning) for the calm period.
 * One row when it opens, one if it escalates, one when it closes.
 *
 * <p>Only a closed second is judged, so its level is that of its max whatever the order its
 * readings came in: a warning and a storm reading in one second open one storm episode.
 */
public final class WindEpisodes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double clearRatio;
    private final long calmMillis;

    public WindEpisodes(double clearRatio, Duration calmPeriod) {
        if (!(clearRatio > 0 && clearRatio <= 1)) {
            throw new IllegalArgumentException("clear ratio must be in (0, 1], got " + clearRatio);
        }
        if (calmPeriod.toMillis() % Seconds.MILLIS != 0 || calmPeriod.isNegative()) {
            throw new IllegalArgumentException("calm period must be whole seconds: " + calmPeriod);
        }
        this.clearRatio = clearRatio;
        this.calmMillis = calmPeriod.toMillis();
    }

    /** When the episode closes unless a windy second comes first (an event-time timer). */
    public long calmDeadline(WindEpisode episode) {
        return episode.lastAboveEnd() + calmMillis;
    }

    /**
     * Applies one closed second (seconds come in time order); returns the episode after it (null
     * when none is open). A second at or after the calm deadline first closes the open episode, so
     * the rows do not depend on whether the timer or the second came first.
     */
    public WindEpisode onSecond(WindEpisode episode, WindSecond s, Consumer<WindAlarm> out) {
        long second = s.second();
        double max = s.windSpeedMax();
        if (episode != null && second >= calmDeadline(episode)) {
            out.accept(closed(episode));
            episode = null;
        }
        AlarmLevel reached = reached(s);
        if (episode == null) {
            if (reached == null) {
                return null;
            }
            WindEpisode opened =
                    new WindEpisode(
                            s.windId(),
                            second,
                            reached,
                            max,
                            second + Seconds.MILLIS,
                            s.warningSpeed() * clearRatio,
                            s.enrichment(),
                            s.status());
            out.accept(row(opened, second, max, opening(reached, s), reached, null));
            return opened;
        }
        double clearSpeed = s.warningSpeed() * clearRatio;
        boolean windy = max >= clearSpeed;
        boolean escalates = reached == AlarmLevel.STORM && episode.level() == AlarmLevel.WARNING;
        if (!windy && max <= episode.peak() && !escalates) {
            return episode;
        }
        AlarmLevel level = escalates ? AlarmLevel.STORM : episode.level();
        WindEpisode next =
                new WindEpisode(
                        episode.windId(),
                        episode.start(),
                        level,
                        Math.max(episode.peak(), max),
                        windy
                                ? Math.max(episode.lastAboveEnd(), second + Seconds.MILLIS)
                                : episode.lastAboveEnd(),
                        clearSpeed,
                        episode.enrichment(),
                        episode.status());
        if (escalates) {
            String text =
                    opening(AlarmLevel.STORM, s)
                            + " (episode open as a warning since "
                            + Instant.ofEpochMilli(episode.start())
                            + ")";
            out.accept(row(next, second, max, text, AlarmLevel.STORM, null));
        }
        return next;
    }

    /** The row that closes an episode at its calm deadline. */
    public WindAlarm closed(WindEpisode e) {
        String text =
                String.format(
                        Locale.ROOT,
                        "%s over: peak 1-second max %.1f m/s, calm (below %.1f m/s) for %d s",
                        e.level() == AlarmLevel.STORM ? "Storm" : "Wind warning",
                        e.peak(),
                        e.clearSpeed(),
                        calmMillis / Seconds.MILLIS);
        return row(e, calmDeadline(e), e.peak(), text, e.level(), e.lastAboveEnd());
    }

    private static AlarmLevel reached(WindSecond s) {
        if (s.windSpeedMax() >= s.stormSpeed()) {
            return AlarmLevel.STORM;
        }
        return s.windSpeedMax() >= s.warningSpeed() ? AlarmLevel.WARNING : null;
    }

    private static String opening(AlarmLevel level, WindSecond s) {
        return level == AlarmLevel.STORM
                ? String.format(
                        Locale.ROOT,
                        "Storm: 1-second max %.1f m/s reached the storm threshold %.1f m/s",
                        s.windSpeedMax(),
                        s.stormSpeed())
                : String.format(
                        Locale.ROOT,
                        "Wind warning: 1-second max %.1f m/s reached the warning threshold %.1f"
                                + " m/s",
                        s.windSpeedMax(),
                        s.warningSpeed());
    }

    private static WindAlarm row(
            WindEpisode e, long at, double speed, String text, AlarmLevel level, Long end) {
        return new WindAlarm(
                e.windId(), at, speed, text, level, e.start(), end, e.enrichment(), e.status());
    }
}
