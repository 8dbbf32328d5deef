package io.controlautogeneracion.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The offline-buffering fault: during {@code [onset, onset + length)} the listed panels and light
 * sensors have no connection, so their site gateway keeps what they measure and sends it all, late
 * but with the original timestamps, when the connection comes back. A null onset means no outage.
 */
record Outage(Set<String> devices, Instant onset, Duration length) {

    Outage {
        devices = Set.copyOf(devices);
        if (onset != null && (length == null || length.isNegative() || length.isZero())) {
            throw new IllegalArgumentException(
                    "an outage must last a positive time, got " + length);
        }
    }

    static Outage none() {
        return new Outage(Set.of(), null, Duration.ZERO);
    }

    /** Whether device {@code id} is offline at {@code ms}. */
    boolean offline(String id, long ms) {
        return onset != null && devices.contains(id) && ms >= onset.toEpochMilli() && ms < endMs();
    }

    /** The first instant (ms) after the outage. */
    long endMs() {
        return onset.plus(length).toEpochMilli();
    }
}
