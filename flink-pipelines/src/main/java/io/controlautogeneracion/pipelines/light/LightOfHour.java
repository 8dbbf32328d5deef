package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A light sensor's readings of one hour → its {@link LightHour}: statistics over distinct
 * timestamps (a redelivered reading counts once) and the mean lux per 5-minute bin.
 */
final class LightOfHour {
    private LightOfHour() {}

    static LightHour of(String lightId, long start, LightSamples s) {
        double[] sum = new double[LightHour.BINS];
        int[] count = new int[LightHour.BINS];
        Set<Long> seen = new HashSet<>();
        double total = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int n = 0;
        for (int i = 0; i < s.size; i++) {
            if (!seen.add(s.times[i])) {
                continue;
            }
            double lux = s.lux[i];
            int bin = (int) Math.min(LightHour.BINS - 1, (s.times[i] - start) / LightHour.BIN_MS);
            sum[bin] += lux;
            count[bin]++;
            total += lux;
            min = Math.min(min, lux);
            max = Math.max(max, lux);
            n++;
        }
        double[] bins = new double[LightHour.BINS];
        Arrays.fill(bins, Double.NaN);
        for (int b = 0; b < LightHour.BINS; b++) {
            if (count[b] > 0) {
                bins[b] = sum[b] / count[b];
            }
        }
        return new LightHour(
                lightId,
                Instant.ofEpochMilli(start),
                n == 0 ? 0 : total / n,
                n == 0 ? 0 : min,
                max,
                n,
                bins,
                CatalogFacts.UNKNOWN);
    }
}
