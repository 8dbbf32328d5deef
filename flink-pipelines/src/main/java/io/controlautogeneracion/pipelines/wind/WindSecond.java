package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.druid.WindReadingRow;
import java.time.Instant;

/**
 * One anemometer's closed second as the window emits it: the figures of a {@code wind_reading} row,
 * how it was enriched, and the alarm thresholds the second is judged by (those of its earliest
 * reading, like the enrichment).
 *
 * @param second start of the second, epoch milliseconds
 * @param windDirection circular mean in degrees, null when there is none
 */
public record WindSecond(
        String windId,
        long second,
        double windSpeedAvg,
        double windSpeedMax,
        Double gustMax,
        Double windDirection,
        int samples,
        CatalogColumns enrichment,
        EnrichmentStatus status,
        double warningSpeed,
        double stormSpeed) {

    /** The model's {@code wind_reading} row. */
    public WindReadingRow row() {
        return new WindReadingRow(
                enrichment.toEnrichment(),
                windId,
                Instant.ofEpochMilli(second),
                windSpeedAvg,
                windSpeedMax,
                gustMax,
                windDirection,
                samples);
    }
}
