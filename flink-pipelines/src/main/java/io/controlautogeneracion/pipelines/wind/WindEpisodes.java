package io.controlautogeneracion.pipelines.wind;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The wind episode rules, without Flink: an episode opens when a 1-second max reaches the warning
 * (or storm) threshold, escalates once to storm, and closes when no second's max has reached the
 * clear speed ({@code clearRatio ×} warning) for the calm period. One row when it opens, one if it
 * escalates, one when it closes.
 *
 * <p>A second's max reaches a threshold as soon as one of its readings does, so deciding on each
 * reading gives the same episodes as deciding on the closed window, about a second sooner.
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
     * Applies one on-time reading; returns the episode after it (null when none is open). A reading
     * at or after the calm deadline first closes the open episode, so the rows do not depend on
     * whether the timer or the reading came first.
     */
    public WindEpisode onReading(
            WindEpisode episode, EnrichedWindReading r, Consumer<WindAlarm> out) {
        long second = Seconds.start(r.timestamp());
        if (episode != null && r.timestamp() >= calmDeadline(episode)) {
            out.accept(closed(episode));
            episode = null;
        }
        AlarmLevel reached = reached(r);
        if (episode == null) {
            if (reached == null) {
                return null;
            }
            WindEpisode opened =
                    new WindEpisode(
                            r.windId(),
                            second,
                            reached,
                            r.windSpeed(),
                            second + Seconds.MILLIS,
                            r.warningSpeed() * clearRatio,
                            r.enrichment(),
                            r.status());
            out.accept(row(opened, second, r.windSpeed(), opening(reached, r), reached, null));
            return opened;
        }
        double clearSpeed = r.warningSpeed() * clearRatio;
        boolean windy = r.windSpeed() >= clearSpeed;
        boolean escalates = reached == AlarmLevel.STORM && episode.level() == AlarmLevel.WARNING;
        if (!windy && r.windSpeed() <= episode.peak() && !escalates) {
            return episode;
        }
        AlarmLevel level = escalates ? AlarmLevel.STORM : episode.level();
        WindEpisode next =
                new WindEpisode(
                        episode.windId(),
                        episode.start(),
                        level,
                        Math.max(episode.peak(), r.windSpeed()),
                        windy
                                ? Math.max(episode.lastAboveEnd(), second + Seconds.MILLIS)
                                : episode.lastAboveEnd(),
                        clearSpeed,
                        episode.enrichment(),
                        episode.status());
        if (escalates) {
            String text =
                    opening(AlarmLevel.STORM, r)
                            + " (episode open as a warning since "
                            + Instant.ofEpochMilli(episode.start())
                            + ")";
            out.accept(row(next, second, r.windSpeed(), text, AlarmLevel.STORM, null));
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

    private static AlarmLevel reached(EnrichedWindReading r) {
        if (r.windSpeed() >= r.stormSpeed()) {
            return AlarmLevel.STORM;
        }
        return r.windSpeed() >= r.warningSpeed() ? AlarmLevel.WARNING : null;
    }

    private static String opening(AlarmLevel level, EnrichedWindReading r) {
        return level == AlarmLevel.STORM
                ? String.format(
                        Locale.ROOT,
                        "Storm: 1-second max %.1f m/s reached the storm threshold %.1f m/s",
                        r.windSpeed(),
                        r.stormSpeed())
                : String.format(
                        Locale.ROOT,
                        "Wind warning: 1-second max %.1f m/s reached the warning threshold %.1f"
                                + " m/s",
                        r.windSpeed(),
                        r.warningSpeed());
    }

    private static WindAlarm row(
            WindEpisode e, long at, double speed, String text, AlarmLevel level, Long end) {
        return new WindAlarm(
                e.windId(), at, speed, text, level, e.start(), end, e.enrichment(), e.status());
    }
}
