package io.controlautogeneracion.ingest.testing;

import io.controlautogeneracion.ingest.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's settings outside Quarkus, for tests of single classes: the defaults of {@link
 * IngestConfig}, values for the settings without one, and the given values.
 */
public final class IngestConfigs {

    private IngestConfigs() {}

    /** The settings with these values, the ones without a default filled in for tests. */
    public static IngestConfig with(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        all.put("ingest.retention.messages", "P7D");
        all.put("ingest.retention.alarms", "P7D");
        all.put("ingest.retention.stats", "P7D");
        all.put("ingest.write.retry-initial-backoff", "PT0.1S");
        all.put("ingest.write.retry-max-backoff", "PT1S");
        all.put("ingest.stats.bucket", "PT10S");
        all.put("ingest.stats.flush-interval", "PT1S");
        all.put("ingest.stats.close-grace", "PT2S");
        all.put("ingest.validation.max-future", "PT5M");
        all.put("ingest.validation.max-age", "P7D");
        all.put("ingest.catalog.connection-string", "couchbase://127.0.0.1");
        all.put("ingest.catalog.password", "unused");
        all.putAll(values);
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        // Durations as Quarkus reads them ("5m" as well as "PT5M").
                        .withConverter(Duration.class, 200, new DurationConverter())
                        .withMapping(IngestConfig.class)
                        .withDefaultValues(all)
                        .build();
        return config.getConfigMapping(IngestConfig.class);
    }
}
