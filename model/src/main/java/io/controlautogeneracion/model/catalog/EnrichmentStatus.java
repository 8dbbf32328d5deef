package io.controlautogeneracion.model.catalog;

import java.util.Locale;

/**
 * How much the catalog could say about a reading's device at the reading's time; stored as {@code
 * enrichment_status} ({@code ok}, {@code no_owner}, ...) so that "nobody owns it" and "the catalog
 * was down" can be told apart.
 */
public enum EnrichmentStatus {
    /** Device owned by a client at the reading's time. */
    OK,
    /** Device known, but no relation with a known client at the reading's time. */
    NO_OWNER,
    /** Neither a device document nor a relation: the enrichment is empty. */
    UNKNOWN_DEVICE,
    /** The catalog did not answer in time: the enrichment is empty, for now. */
    CATALOG_UNAVAILABLE;

    /** What {@code enrichment} amounts to: owned, known without owner, or unknown. */
    public static EnrichmentStatus of(Enrichment enrichment) {
        if (enrichment.attributed()) {
            return OK;
        }
        return enrichment.device() == null && enrichment.clientRel() == null
                ? UNKNOWN_DEVICE
                : NO_OWNER;
    }

    /** The stored value: {@code ok}, {@code no_owner}, ... */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
