package io.controlautogeneracion.pipelines.wind;

import java.time.Instant;

/** Readings and instants shared by the operator tests: warning 15 m/s, storm 25 m/s. */
final class WindFixtures {
    static final long T0 = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
    static final CatalogColumns OWNER_A =
            new CatalogColumns(
                    "C-A",
                    "Calle A 1",
                    "28013",
                    "Ana",
                    "García",
                    "López",
                    "ANEMO-2",
                    null,
                    "2025-01-02");

    private WindFixtures() {}

    /**
     * A reading the broker logged {@code offsetMillis} after {@link #T0} from a sensor whose clock
     * runs {@code aheadMillis} ahead.
     */
    static EnrichedWindReading ahead(
            String windId, long offsetMillis, long aheadMillis, double speed) {
        return new EnrichedWindReading(
                windId,
                T0 + offsetMillis + aheadMillis,
                T0 + offsetMillis,
                speed,
                null,
                null,
                OWNER_A,
                EnrichmentStatus.OK,
                15.0,
                25.0);
    }

    /** A reading {@code offsetMillis} after {@link #T0}. */
    static EnrichedWindReading reading(String windId, long offsetMillis, double speed) {
        return reading(windId, offsetMillis, speed, null, null);
    }

    static EnrichedWindReading reading(
            String windId, long offsetMillis, double speed, Double direction, Double gust) {
        return new EnrichedWindReading(
                windId,
                T0 + offsetMillis,
                T0 + offsetMillis,
                speed,
                direction,
                gust,
                OWNER_A,
                EnrichmentStatus.OK,
                15.0,
                25.0);
    }
}
