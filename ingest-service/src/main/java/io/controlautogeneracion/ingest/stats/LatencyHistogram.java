package io.controlautogeneracion.ingest.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A log-linear histogram of latencies in milliseconds: exact below 32 ms, then 16 sub-buckets per
 * power of two (at most 6.25 % relative error). Histograms merge by adding counts, so a p95 over
 * one hour is computed from the 10-second buckets it is made of, not from their p95s. Not
 * thread-safe.
 */
public final class LatencyHistogram {

    private static final int EXACT = 32;
    private static final int SUB_BITS = 4;
    private static final int SUBS = 1 << SUB_BITS;
    static final int SIZE = EXACT + (63 - 5) * SUBS;
    private static final String KEY_PREFIX = "b";

    private final long[] counts = new long[SIZE];
    private long total;

    static int index(long millis) {
        if (millis < EXACT) {
            return (int) Math.max(0, millis);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(millis);
        int sub = (int) ((millis >>> (exponent - SUB_BITS)) & (SUBS - 1));
        return EXACT + (exponent - 5) * SUBS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperBound(int index) {
        if (index < EXACT) {
            return index;
        }
        return lowerBound(index + 1) - 1;
    }

    private static long lowerBound(int index) {
        if (index < EXACT) {
            return index;
        }
        int exponent = (index - EXACT) / SUBS + 5;
        long sub = (index - EXACT) % SUBS;
        return (SUBS + sub) << (exponent - SUB_BITS);
    }

    public void add(long millis) {
        counts[index(millis)]++;
        total++;
    }

    public void merge(LatencyHistogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long total() {
        return total;
    }

    /**
     * The value at quantile {@code q} (0–1], as the upper bound of its bucket capped by {@code
     * max}; -1 when empty.
     */
    public long quantile(double q, long max) {
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    /** Non-empty buckets as {@code b<index> -> count}, the form stored in {@code topic_stats}. */
    public Map<String, Long> toSparse() {
        Map<String, Long> sparse = new LinkedHashMap<>();
        for (int i = 0; i < SIZE; i++) {
            if (counts[i] != 0) {
                sparse.put(KEY_PREFIX + i, counts[i]);
            }
        }
        return sparse;
    }

    /** Reads the stored form back; unknown keys are ignored. */
    public static LatencyHistogram fromSparse(Map<String, ?> sparse) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (Map.Entry<String, ?> entry : sparse.entrySet()) {
            if (entry.getKey().startsWith(KEY_PREFIX) && entry.getValue() instanceof Number n) {
                int index = parseIndex(entry.getKey());
                if (index >= 0 && index < SIZE) {
                    histogram.counts[index] += n.longValue();
                    histogram.total += n.longValue();
                }
            }
        }
        return histogram;
    }

    private static int parseIndex(String key) {
        try {
            return Integer.parseInt(key.substring(KEY_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyHistogram other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }
}
