package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.pipelines.panel.EdgeStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an hour's reports are computed from, as the ledger records it: the fingerprints of its panel
 * and light partitions, and digests of what it takes from the panel partitions either side (their
 * last and first readings). When any of them differs from what the ledger recorded, the hour's
 * reports are out of date.
 */
public final class HourInputs {
    /** No partition. */
    public static final String NONE = "none";

    /** A neighbour whose content changed and whose edges are not known yet. */
    public static final String UNKNOWN = "unknown";

    private static final Duration HOUR = Duration.ofHours(1);

    private final Path landingDir;
    private final String panelTopic;
    private final String lightTopic;
    private final EdgeStore edges;

    public HourInputs(
            Path landingDir,
            Path stateDir,
            String panelTopic,
            String lightTopic,
            LandedLines lines) {
        this.landingDir = landingDir;
        this.panelTopic = panelTopic;
        this.lightTopic = lightTopic;
        this.edges = new EdgeStore(stateDir, panelTopic, lines);
    }

    // Listings of one check: each partition is looked at as itself and as a neighbour.
    private final java.util.Map<String, Optional<Partition>> listed = new java.util.HashMap<>();

    public Optional<Partition> panel(Instant slot) {
        return listed.computeIfAbsent(
                panelTopic + "@" + slot, k -> Partition.of(landingDir, panelTopic, slot));
    }

    public Optional<Partition> light(Instant slot) {
        return listed.computeIfAbsent(
                lightTopic + "@" + slot, k -> Partition.of(landingDir, lightTopic, slot));
    }

    /** Forgets the listings: the next look sees the partitions as they are then. */
    public HourInputs fresh() {
        listed.clear();
        return this;
    }

    /** The inputs of {@code slot} as they are now. */
    public HourLedger.Hour now(Instant slot, Instant at) {
        return HourLedger.Hour.reported(
                panel(slot).map(Partition::fingerprint).orElse(NONE),
                light(slot).map(Partition::fingerprint).orElse(NONE),
                neighbour(slot.minus(HOUR), false),
                neighbour(slot.plus(HOUR), true),
                at);
    }

    /**
     * The digest of what {@code slot}'s hour takes from a neighbouring panel partition: its first
     * readings (the hour after) or last readings (the hour before).
     */
    private String neighbour(Instant slot, boolean firsts) {
        Optional<Partition> p = panel(slot);
        if (p.isEmpty()) {
            return NONE;
        }
        return edges.digests(p.get()).map(d -> firsts ? d.firsts() : d.lasts()).orElse(UNKNOWN);
    }

    /**
     * True when the hour's recorded inputs differ from {@code now}; a neighbour not known yet is no
     * difference (it is due itself, and its run settles it).
     */
    public static boolean changed(HourLedger.Hour recorded, HourLedger.Hour now) {
        return !now.panel().equals(recorded.panel())
                || !now.light().equals(recorded.light())
                || differs(recorded.before(), now.before())
                || differs(recorded.after(), now.after());
    }

    private static boolean differs(String recorded, String now) {
        return !UNKNOWN.equals(now) && !now.equals(recorded);
    }
}
