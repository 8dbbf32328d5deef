package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.JobRestarts;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the wind job can be told, with the defaults of the README's table. Built from {@code
 * --key value} arguments or {@code WIND_*} environment variables by {@link #from(JobParameters)}.
 */
public record WindJobSettings(
        String kafkaBootstrap,
        Map<String, String> kafkaProperties,
        String readingsTopic,
        String windReadingTopic,
        String windAlarmTopic,
        String groupId,
        String transactionalIdPrefix,
        Duration transactionTimeout,
        String couchbaseConnectionString,
        String couchbaseBucket,
        String couchbaseUsername,
        String couchbasePassword,
        long cacheSize,
        Duration cacheTtl,
        Duration missingTtl,
        Duration kvTimeout,
        Duration catalogReadyWait,
        CatalogRetry catalogRetry,
        int asyncCapacity,
        String checkpointDir,
        Duration checkpointInterval,
        boolean resumeFromLatest,
        JobRestarts restarts,
        Duration outOfOrderness,
        Duration idleness,
        Duration maxDeliveryDelay,
        Duration deliveryDelayMemory,
        WindThresholds defaultThresholds,
        double clearRatio,
        Duration calmPeriod,
        Duration silenceAfter,
        int parallelism)
        implements Serializable {

    /**
     * Kafka client settings given to the source and both sinks as they are ({@code
     * --kafka.properties.security.protocol SASL_SSL}, or {@code WIND_KAFKA_PROPERTIES_*}): how the
     * job authenticates, without a code change.
     */
    public static final String KAFKA_PROPERTIES = "kafka.properties.";

    public static WindJobSettings from(JobParameters p) {
        String bucket = p.get("couchbase.bucket", "catalog");
        return new WindJobSettings(
                p.required("kafka.bootstrap"),
                Map.copyOf(p.withPrefix(KAFKA_PROPERTIES)),
                p.get("topic.readings", "sensor-wind"),
                p.get("topic.wind-reading", "wind_reading"),
                p.get("topic.wind-alarm", "wind_alarm"),
                p.get("kafka.group-id", "wind-job"),
                p.get("kafka.transactional-id-prefix", "wind-job"),
                p.getDuration("kafka.transaction-timeout", Duration.ofMinutes(10)),
                p.required("couchbase.connection-string"),
                bucket,
                p.get("couchbase.username", bucket),
                p.required("couchbase.password"),
                p.getInt("catalog.cache-size", 100_000),
                p.getDuration("catalog.cache-ttl", Duration.ofMinutes(5)),
                p.getDuration("catalog.missing-ttl", Duration.ofSeconds(15)),
                p.getDuration("catalog.kv-timeout", Duration.ofSeconds(1)),
                p.getDuration("catalog.ready-wait", Duration.ofSeconds(20)),
                new CatalogRetry(
                        p.getInt("catalog.attempts", 3),
                        p.getDuration("catalog.backoff", Duration.ofMillis(100)),
                        p.getDuration("catalog.fail-fast-for", Duration.ofSeconds(10))),
                p.getInt("catalog.capacity", 1000),
                p.required("checkpoint.dir"),
                p.getDuration("checkpoint.interval", Duration.ofMillis(500)),
                p.getBoolean("checkpoint.resume", true),
                JobRestarts.from(p),
                p.getDuration("watermark.out-of-orderness", Duration.ofMillis(500)),
                p.getDuration("watermark.idleness", Duration.ofSeconds(5)),
                p.getDuration("watermark.max-delivery-delay", Duration.ofMinutes(1)),
                p.getDuration("watermark.delivery-delay-memory", Duration.ofSeconds(15)),
                new WindThresholds(
                        p.getDouble("alarm.warning-speed", 15.0),
                        p.getDouble("alarm.storm-speed", 25.0)),
                p.getDouble("alarm.clear-ratio", 0.9),
                p.getDuration("alarm.calm-period", Duration.ofSeconds(60)),
                p.getDuration("alarm.silence-after", Duration.ofSeconds(120)),
                p.getInt("parallelism", -1));
    }

    /** The Couchbase catalog each parallel instance opens. */
    public CouchbaseWindCatalog.Factory catalogFactory() {
        return new CouchbaseWindCatalog.Factory(
                new CatalogClientSettings(
                        couchbaseConnectionString,
                        couchbaseUsername,
                        couchbasePassword,
                        couchbaseBucket,
                        cacheSize,
                        cacheTtl,
                        missingTtl,
                        kvTimeout),
                catalogReadyWait);
    }

    /** The async operator's timeout: every retry gets its chance first. */
    public Duration asyncTimeout() {
        return catalogRetry.worstCase(kvTimeout).plusSeconds(1);
    }

    @Override
    public String toString() {
        // Never log the password, nor the Kafka settings' values (a JAAS line holds one).
        return "WindJobSettings[kafka "
                + kafkaBootstrap
                + (kafkaProperties.isEmpty() ? "" : " with " + kafkaProperties.keySet())
                + ", topics "
                + readingsTopic
                + " -> "
                + windReadingTopic
                + ", "
                + windAlarmTopic
                + ", couchbase "
                + couchbaseConnectionString
                + " bucket "
                + couchbaseBucket
                + ", checkpoints "
                + checkpointDir
                + " every "
                + checkpointInterval
                + ", thresholds "
                + defaultThresholds
                + ", calm "
                + calmPeriod
                + ", silence "
                + silenceAfter
                + "]";
    }
}
