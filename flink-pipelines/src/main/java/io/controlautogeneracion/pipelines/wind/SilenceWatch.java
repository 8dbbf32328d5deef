package io.controlautogeneracion.pipelines.wind;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The "sensor silent" rules, without Flink: an anemometer with no report for the silence period
 * gets a {@code silent} row, and another one, with the episode's end, when it reports again. Time
 * is event time bounded by the broker's clock ({@link EnrichedWindReading#boundedTime()}), so the
 * rest of the fleet's readings tell the time and a sensor's own clock running ahead does not
 * postpone its silence.
 */
public final class SilenceWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long silenceMillis;

    public SilenceWatch(Duration silenceAfter) {
        if (silenceAfter.toMillis() % Seconds.MILLIS != 0
                || silenceAfter.isNegative()
                || silenceAfter.isZero()) {
            throw new IllegalArgumentException(
                    "silence period must be whole seconds: " + silenceAfter);
        }
        this.silenceMillis = silenceAfter.toMillis();
    }

    /** When the silence alarm is raised unless a reading comes first (an event-time timer). */
    public long deadline(Presence p) {
        return Seconds.end(p.lastSeen()) + silenceMillis;
    }

    /**
     * Applies one on-time reading. A reading at or after the deadline of a sensor not yet flagged
     * raises and closes the silence at once, so the rows do not depend on whether the timer or the
     * reading came first.
     */
    public Presence onReading(Presence p, EnrichedWindReading r, Consumer<WindAlarm> out) {
        long at = r.boundedTime();
        if (p != null && !p.silent() && at >= deadline(p)) {
            out.accept(raised(p));
            p = silenced(p);
        }
        if (p != null && p.silent()) {
            long silentFor = (at - p.lastSeen()) / Seconds.MILLIS;
            out.accept(
                    row(
                            p,
                            Seconds.start(at),
                            "Sensor reporting again after " + silentFor + " s of silence",
                            at));
        }
        long lastSeen = p == null ? at : Math.max(p.lastSeen(), at);
        if (p != null && !p.silent() && lastSeen == p.lastSeen()) {
            return p;
        }
        return new Presence(r.windId(), lastSeen, false, r.enrichment(), r.status());
    }

    /** The row raised when the deadline passes. */
    public WindAlarm raised(Presence p) {
        String text =
                "Sensor silent: no reading for "
                        + silenceMillis / Seconds.MILLIS
                        + " s (last at "
                        + Instant.ofEpochMilli(p.lastSeen())
                        + ")";
        return row(p, deadline(p), text, null);
    }

    public Presence silenced(Presence p) {
        return new Presence(p.windId(), p.lastSeen(), true, p.enrichment(), p.status());
    }

    private static WindAlarm row(Presence p, long at, String text, Long end) {
        return new WindAlarm(
                p.windId(),
                at,
                null,
                text,
                AlarmLevel.SILENT,
                p.lastSeen(),
                end,
                p.enrichment(),
                p.status());
    }
}
