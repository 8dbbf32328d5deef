package io.controlautogeneracion.pipelines.wind;

import java.io.Serializable;
import java.time.Duration;

/**
 * How hard {@link RichSensorWind} tries before a reading goes on flagged {@code
 * catalog_unavailable}: {@code attempts} lookups, {@code backoff × n} apart; after a failure, for
 * {@code failFastFor}, new lookups get one attempt only, so a Couchbase outage does not multiply
 * every reading's delay.
 */
public record CatalogRetry(int attempts, Duration backoff, Duration failFastFor)
        implements Serializable {

    public CatalogRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
    }

    /** An upper bound of the time one reading can spend in lookups, given one lookup's timeout. */
    public Duration worstCase(Duration lookupTimeout) {
        Duration total = lookupTimeout.multipliedBy(attempts);
        for (int i = 1; i < attempts; i++) {
            total = total.plus(backoff.multipliedBy(i));
        }
        return total;
    }
}
