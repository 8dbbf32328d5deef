package io.controlautogeneracion.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based randomness: every draw is a pure function of (seed, stream, index), so a value at
 * an instant never depends on where a run started or on what was drawn before. Streams are named (a
 * region, a device, a purpose) and hashed with 64-bit FNV-1a; draws mix with SplitMix64.
 */
final class Noise {

    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A stream key for a name, stable across JVMs. */
    static long stream(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long stream(String a, String b) {
        return mix(stream(a) ^ Long.rotateLeft(stream(b), 17));
    }

    /** 64 well-mixed bits for (stream, index). */
    long bits(long stream, long index) {
        return mix(mix(seed ^ stream) + index * 0x9e3779b97f4a7c15L);
    }

    /** Uniform in [0, 1). */
    double uniform(long stream, long index) {
        return (bits(stream, index) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller on two independent draws). */
    double gaussian(long stream, long index) {
        double u1 = (bits(stream, 2 * index) >>> 11) * 0x1.0p-53;
        double u2 = (bits(stream, 2 * index + 1) >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /**
     * Smooth correlated noise of unit scale: normal values at knots {@code knotMs} apart, joined by
     * a smoothstep, so that the correlation time is about one knot spacing. Stateless, hence the
     * same at an instant whatever range a run covers.
     */
    double smooth(long stream, long timeMs, long knotMs) {
        long k = Math.floorDiv(timeMs, knotMs);
        double f = (double) (timeMs - k * knotMs) / knotMs;
        double s = f * f * (3 - 2 * f);
        double a = gaussian(stream, k);
        double b = gaussian(stream, k + 1);
        // Dividing by the interpolation's standard deviation keeps the variance near 1 between
        // knots (it would dip to 1/2 midway otherwise).
        return (a + (b - a) * s) / Math.sqrt((1 - s) * (1 - s) + s * s);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
