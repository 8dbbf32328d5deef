package io.controlautogeneracion.pipelines.light;

import java.util.Arrays;

/** A light sensor's readings of one hour in primitive arrays (a compact Flink accumulator). */
public final class LightSamples {
    /** Flink POJO fields. */
    public long[] times = new long[8];

    public double[] lux = new double[8];
    public int size;

    public LightSamples() {}

    public void add(long time, double value) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            lux = Arrays.copyOf(lux, size * 2);
        }
        times[size] = time;
        lux[size] = value;
        size++;
    }

    public LightSamples merge(LightSamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.times[i], other.lux[i]);
        }
        return this;
    }
}
