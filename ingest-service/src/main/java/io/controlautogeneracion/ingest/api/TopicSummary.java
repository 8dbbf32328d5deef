package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A device topic with its rates over the last minute and its latest consumer lag. */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TopicSummary(
        String topic,
        String kind,
        double messagesPerSecond,
        double bytesPerSecond,
        double invalidPerSecond,
        Long latencyP95Ms,
        Long lag) {}
