package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A device topic with its rates over the last minute, its latest consumer lag, the documents stored
 * {@code catalog_unavailable} and not enriched yet (counted up to 10 000), and the documents the
 * background pass enriched or re-enriched since the service started.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopicSummary(
        String topic,
        String kind,
        double messagesPerSecond,
        double bytesPerSecond,
        double invalidPerSecond,
        Long latencyP95Ms,
        Long lag,
        int awaitingEnrichment,
        long enrichedLater) {}
