package io.controlautogeneracion.pipelines.wind;

/**
 * A valid {@code sensor-wind} reading with the catalog columns of its owner at the reading's time
 * and the alarm thresholds of its element type (or the job's defaults). Flat and small on purpose:
 * it crosses two network shuffles per reading.
 *
 * @param timestamp event time, epoch milliseconds
 * @param boundedTime the event time, but no later than the broker's clock when the reading was
 *     logged ({@link WindArrival#boundedTime()}): when the sensor actually reported
 * @param windDirection degrees, null when the reading had none
 * @param gust m/s, null when the reading had none
 */
public record EnrichedWindReading(
        String windId,
        long timestamp,
        long boundedTime,
        double windSpeed,
        Double windDirection,
        Double gust,
        CatalogColumns enrichment,
        EnrichmentStatus status,
        double warningSpeed,
        double stormSpeed) {}
