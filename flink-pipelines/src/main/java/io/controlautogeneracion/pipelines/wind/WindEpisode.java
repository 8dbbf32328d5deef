package io.controlautogeneracion.pipelines.wind;

/**
 * The open wind episode of one anemometer (keyed state).
 *
 * @param start start of the second whose max first crossed a threshold
 * @param level the highest level reached so far
 * @param peak the highest 1-second max so far
 * @param lastAboveEnd end of the last second whose max was at or above the clear speed; the episode
 *     closes a calm period after it
 * @param clearSpeed the speed under which the wind counts as calm (hysteresis below the warning)
 * @param enrichment the owner when the episode opened, kept for every row of the episode
 */
public record WindEpisode(
        String windId,
        long start,
        AlarmLevel level,
        double peak,
        long lastAboveEnd,
        double clearSpeed,
        CatalogColumns enrichment,
        EnrichmentStatus status) {}
