package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;

/**
 * A light sensor's hour: lux statistics, the mean lux of each 5-minute bin (NaN where the bin has
 * no reading: estimates follow the sun through the hour from these), and the catalog facts.
 */
public record LightHour(
        String lightId,
        Instant slot,
        double luxAvg,
        double luxMin,
        double luxMax,
        int samples,
        double[] binLux,
        CatalogFacts facts) {

    /** Bins per hour. */
    public static final int BINS = 12;

    public static final long BIN_MS = 3_600_000L / BINS;

    /** Every reading of the hour identical and not zero, six of them at least: a stuck sensor. */
    public boolean frozen() {
        return samples >= 6 && luxMin == luxMax && luxMax > 0;
    }

    public LightHour withFacts(CatalogFacts f) {
        return new LightHour(lightId, slot, luxAvg, luxMin, luxMax, samples, binLux, f);
    }

    /** The middle of bin {@code i}. */
    public Instant binMiddle(int i) {
        return slot.plusMillis(i * BIN_MS + BIN_MS / 2);
    }
}
