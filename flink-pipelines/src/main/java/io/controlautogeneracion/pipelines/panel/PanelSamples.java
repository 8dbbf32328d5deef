package io.controlautogeneracion.pipelines.panel;

import java.util.Arrays;

/**
 * A panel's readings of one hour in parallel primitive arrays: compact in a Flink accumulator (no
 * object per reading) and cheap to sort. {@code counter} is NaN where a reading had no {@code
 * energy_wh}.
 */
public final class PanelSamples {
    /** Flink POJO fields. */
    public long[] times = new long[8];

    public double[] powers = new double[8];
    public double[] counters = new double[8];
    public int size;

    public PanelSamples() {}

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

    public PanelSamples merge(PanelSamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.times[i], other.powers[i], other.hasCounter(i) ? other.counters[i] : null);
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
            PanelSamples out = new PanelSamples();
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
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int c = Long.compare(times[a], times[b]);
                    if (c == 0) {
                        c = Double.compare(powers[a], powers[b]);
                    }
                    return c == 0 ? Double.compare(counters[a], counters[b]) : c;
                });
        PanelSamples out = new PanelSamples();
        for (int k = 0; k < size; k++) {
            int i = order[k];
            if (out.size > 0 && out.times[out.size - 1] == times[i]) {
                continue;
            }
            out.add(times[i], powers[i], hasCounter(i) ? counters[i] : null);
        }
        return out;
    }
}
