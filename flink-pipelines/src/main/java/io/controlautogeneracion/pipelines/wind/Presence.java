package io.controlautogeneracion.pipelines.wind;

/**
 * When one anemometer last reported (keyed state), and whether it is in a "sensor silent" episode.
 *
 * @param lastSeen bounded time of its latest report ({@link EnrichedWindReading#boundedTime()})
 * @param silent whether the silence alarm has been raised and not yet closed
 */
public record Presence(
        String windId,
        long lastSeen,
        boolean silent,
        CatalogColumns enrichment,
        EnrichmentStatus status) {}
