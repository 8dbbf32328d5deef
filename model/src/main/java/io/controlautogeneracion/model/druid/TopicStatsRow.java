package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code topic_stats}: ingestion throughput of one Kafka topic in the bucket starting at
 * {@code timestamp}. Latencies (ingest time minus event time) are null when the bucket had no valid
 * message; {@code lag} is null when the consumer lag was not known.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TopicStatsRow(
        @JsonProperty("topic") String topic,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("messages") long messages,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("invalid") long invalid,
        @JsonProperty("latency_avg_ms") Double latencyAvgMs,
        @JsonProperty("latency_p95_ms") Double latencyP95Ms,
        @JsonProperty("latency_max_ms") Double latencyMaxMs,
        @JsonProperty("lag") Long lag) {

    public TopicStatsRow {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
        if (invalid > messages) {
            throw new IllegalArgumentException(
                    "invalid " + invalid + " exceeds messages " + messages);
        }
    }
}
