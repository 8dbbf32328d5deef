package io.controlautogeneracion.pipelines.wind;

import java.util.Locale;

/**
 * How much the catalog could say about a reading's device, written to Druid as the {@code
 * enrichment_status} column so that a dashboard can tell "nobody owns it" from "the catalog was
 * down".
 */
public enum EnrichmentStatus {
    /** Device known and owned by a client at the reading's time. */
    OK,
    /** Device known, but no relation valid at the reading's time. */
    NO_OWNER,
    /** Neither a device document nor a relation: enrichment columns are null. */
    UNKNOWN_DEVICE,
    /** The catalog did not answer within the retries: enrichment columns are null. */
    CATALOG_UNAVAILABLE;

    /** The Druid column value: {@code ok}, {@code no_owner}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
