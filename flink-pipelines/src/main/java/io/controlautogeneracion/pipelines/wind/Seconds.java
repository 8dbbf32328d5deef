package io.controlautogeneracion.pipelines.wind;

/** Epoch-millisecond arithmetic of the job's 1-second windows. */
final class Seconds {
    static final long MILLIS = 1000;

    private Seconds() {}

    static long start(long timestamp) {
        return Math.floorDiv(timestamp, MILLIS) * MILLIS;
    }

    static long end(long timestamp) {
        return start(timestamp) + MILLIS;
    }
}
