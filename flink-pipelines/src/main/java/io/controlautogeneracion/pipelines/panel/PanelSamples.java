package io.controlautogeneracion.pipelines.panel;

import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A panel's readings in parallel primitive arrays: compact in a Flink record (no object per
 * reading) and cheap to sort. {@code counter} is NaN where a reading had no {@code energy_wh}.
 * Flink moves it with {@link PanelSamplesSerializer}.
 */
@TypeInfo(PanelSamplesType.class)
public final class PanelSamples {
    long[] times = new long[8];
    double[] powers = new double[8];
    double[] counters = new double[8];
    int size;

    public PanelSamples() {}

    /** Empty, with room for {@code capacity} readings. */
    PanelSamples(int capacity) {
        times = new long[Math.max(1, capacity)];
        powers = new double[times.length];
        counters = new double[times.length];
    }

    public void add(long time, double power, Double counter) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            powers = Arrays.copyOf(powers, capacity);
            counters = Arrays.copyOf(counters, capacity);
        }
        times[size] = time;
        powers[size] = power;
        counters[size] = counter == null ? Double.NaN : counter;
        size++;
    }

    private boolean inOrder() {
        for (int i = 1; i < size; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether reading {@code i} sorts before reading {@code j} of {@code other} at one instant. */
    private boolean lower(int i, PanelSamples other, int j) {
        int c = Double.compare(powers[i], other.powers[j]);
        return c < 0 || (c == 0 && Double.compare(counters[i], other.counters[j]) < 0);
    }

    /** This with {@code other}'s readings added after its own. */
    public PanelSamples merge(PanelSamples other) {
        int needed = size + other.size;
        if (needed > times.length) {
            int capacity = Math.max(needed, size * 2);
            times = Arrays.copyOf(times, capacity);
            powers = Arrays.copyOf(powers, capacity);
            counters = Arrays.copyOf(counters, capacity);
        }
        System.arraycopy(other.times, 0, times, size, other.size);
        System.arraycopy(other.powers, 0, powers, size, other.size);
        System.arraycopy(other.counters, 0, counters, size, other.size);
        size = needed;
        return this;
    }

    /** This without spare capacity, so a copy in Flink's serialized form carries no padding. */
    public PanelSamples trimmed() {
        if (times.length != size) {
            times = Arrays.copyOf(times, size);
            powers = Arrays.copyOf(powers, size);
            counters = Arrays.copyOf(counters, size);
        }
        return this;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public double power(int i) {
        return powers[i];
    }

    public double counter(int i) {
        return counters[i];
    }

    public boolean hasCounter(int i) {
        return !Double.isNaN(counters[i]);
    }

    /**
     * A copy sorted by time with one reading per timestamp: the lowest power (then counter), so the
     * result does not depend on the order the readings arrived in.
     */
    public PanelSamples sortedDistinct() {
        if (inOrder()) {
            // The usual case: a device's readings arrive in time order; equal instants are next
            // to each other, and the lowest of them is kept.
            PanelSamples out = new PanelSamples(size);
            for (int i = 0; i < size; i++) {
                int last = out.size - 1;
                if (last >= 0 && out.times[last] == times[i]) {
                    if (lower(i, out, last)) {
                        out.powers[last] = powers[i];
                        out.counters[last] = counters[i];
                    }
                    continue;
                }
                out.add(times[i], powers[i], hasCounter(i) ? counters[i] : null);
            }
            return out;
        }
        int[] order = order();
        PanelSamples out = new PanelSamples(size);
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (out.size > 0 && out.times[out.size - 1] == times[i]) {
                continue;
            }
            out.add(times[i], powers[i], hasCounter(i) ? counters[i] : null);
        }
        return out;
    }

    /**
     * The readings' indices by time, then power, then counter (NaN last, as {@link
     * Double#compare}): times sorted as primitives with the index in the low bits, then each run of
     * one instant ordered by its values.
     */
    private int[] order() {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, times[i]);
            max = Math.max(max, times[i]);
        }
        int[] order = new int[size];
        if (size > 0 && 64 - Long.numberOfLeadingZeros(max - min) + bits <= 63) {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((times[i] - min) << bits) | i;
            }
            Arrays.sort(keys);
            long mask = (1L << bits) - 1;
            for (int k = 0; k < size; k++) {
                order[k] = (int) (keys[k] & mask);
            }
        } else {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(times[a], times[b]));
            for (int k = 0; k < size; k++) {
                order[k] = boxed[k];
            }
        }
        for (int k = 0; k < size; ) {
            int j = k + 1;
            while (j < size && times[order[j]] == times[order[k]]) {
                j++;
            }
            if (j - k > 1) {
                Integer[] same = new Integer[j - k];
                for (int m = k; m < j; m++) {
                    same[m - k] = order[m];
                }
                Arrays.sort(
                        same,
                        (a, b) -> {
                            int c = Double.compare(powers[a], powers[b]);
                            return c == 0 ? Double.compare(counters[a], counters[b]) : c;
                        });
                for (int m = k; m < j; m++) {
                    order[m] = same[m - k];
                }
            }
            k = j;
        }
        return order;
    }
}
