package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.JobRestarts;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** What the landing job can be told, from {@code --key value} or {@code LANDING_*} variables. */
public record LandingSettings(
        String kafkaBootstrap,
        Map<String, String> kafkaProperties,
        String panelTopic,
        String lightTopic,
        String groupId,
        String landingDir,
        String checkpointDir,
        Duration checkpointInterval,
        boolean resumeFromLatest,
        Duration outOfOrderness,
        Duration idleness,
        Duration allowedLateness,
        JobRestarts restarts)
        implements Serializable {

    /**
     * Kafka client settings given to the source as they are ({@code
     * --kafka.properties.security.protocol SASL_SSL}, or {@code LANDING_KAFKA_PROPERTIES_*}).
     */
    public static final String KAFKA_PROPERTIES = "kafka.properties.";

    public static LandingSettings from(JobParameters p) {
        return new LandingSettings(
                p.required("kafka.bootstrap"),
                Map.copyOf(p.withPrefix(KAFKA_PROPERTIES)),
                p.get("topic.panel", "panel"),
                p.get("topic.light", "sensor-light"),
                p.get("kafka.group-id", "landing-job"),
                p.required("landing.dir"),
                p.required("checkpoint.dir"),
                p.getDuration("checkpoint.interval", Duration.ofSeconds(10)),
                p.getBoolean("checkpoint.resume", true),
                p.getDuration("watermark.out-of-orderness", Duration.ofMinutes(1)),
                p.getDuration("watermark.idleness", Duration.ofSeconds(30)),
                p.getDuration("allowed-lateness", Duration.ofMinutes(10)),
                JobRestarts.from(p));
    }
}
