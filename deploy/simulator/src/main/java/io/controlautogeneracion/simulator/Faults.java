package io.controlautogeneracion.simulator;

import java.time.Instant;

/**
 * The faults a run shows from {@code onset} on: a panel producing {@value #UNDER_PRODUCTION} of
 * what it should, a light sensor frozen at its reading of the onset instant, an anemometer that
 * falls silent. A null onset (or a null id) means no such fault.
 */
record Faults(Instant onset, String underProducingPanel, String frozenLight, String silentWind) {

    /** The share of its normal output the faulty panel produces. */
    static final double UNDER_PRODUCTION = 0.45;

    static Faults none() {
        return new Faults(null, null, null, null);
    }

    boolean active(String id, String faultyId, long ms) {
        return onset != null && id.equals(faultyId) && ms >= onset.toEpochMilli();
    }
}
