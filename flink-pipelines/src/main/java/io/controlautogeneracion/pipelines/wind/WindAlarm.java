package io.controlautogeneracion.pipelines.wind;

/**
 * One {@code wind_alarm} row as the job emits it: an episode opening, escalating or closing. Times
 * are event times in epoch milliseconds.
 *
 * @param timestamp when the episode opened, escalated or was declared over
 * @param windSpeed the 1-second max that opened or escalated the episode, the episode's peak on
 *     close; null for a silent sensor
 * @param episodeEnd null while the episode is open
 */
public record WindAlarm(
        String windId,
        long timestamp,
        Double windSpeed,
        String textAlarm,
        AlarmLevel level,
        long episodeStart,
        Long episodeEnd,
        CatalogColumns enrichment,
        EnrichmentStatus status) {}
