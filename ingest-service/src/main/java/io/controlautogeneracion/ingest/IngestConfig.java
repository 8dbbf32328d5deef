package io.controlautogeneracion.ingest;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ValidationRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the ingest service, each with its default. Kafka and MongoDB addresses are not
 * here: they live in {@code application.properties} ({@code kafka.bootstrap.servers}, {@code
 * quarkus.mongodb.connection-string}) with environment overrides.
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    Topics topics();

    Stats stats();

    Retention retention();

    Write write();

    Validation validation();

    Api api();

    Alarms alarms();

    Health health();

    Catalog catalog();

    Enrichment enrichment();

    Consumer consumer();

    /**
     * The Kafka consumers of the device topics, one per topic (StreamingPanel,
     * StreamingSensorLight, StreamingSensorWind), each with its consumer group {@code
     * <group-prefix>.<topic>}. Addresses and security come from the {@code kafka.*} properties
     * every Kafka client of the service shares.
     */
    interface Consumer {
        @WithDefault("ingest-service")
        String groupPrefix();

        /** The most records a poll hands to the pipeline (one batch). */
        @WithDefault("500")
        int maxPollRecords();

        /**
         * The most bytes one fetch brings (a single larger message still comes through). A fetch
         * response is one buffer that lives until the polls have handed out all its records.
         */
        @WithDefault("524288")
        int fetchMaxBytes();

        /** The most bytes one fetch brings of one partition (Kafka's default is 1 MiB). */
        @WithDefault("262144")
        int maxPartitionFetchBytes();

        /**
         * How long the broker holds a fetch while there is nothing to read (Kafka's default is 500
         * ms). A fetch is answered as soon as a record arrives, whatever this is: it only sets how
         * often an idle stream asks again.
         */
        @WithDefault("5s")
        Duration fetchMaxWait();

        /**
         * The group session: after a crash, the partitions of the dead instance go to the others
         * (or to it, restarted) once it expired (Kafka's default is 45 s).
         */
        @WithDefault("10s")
        Duration sessionTimeout();

        @WithDefault("3s")
        Duration heartbeatInterval();

        /** How often the offsets of acknowledged batches are committed (and at every rebalance). */
        @WithDefault("1s")
        Duration commitInterval();

        /** How long a poll waits for records when there are none. */
        @WithDefault("1s")
        Duration pollTimeout();
    }

    /**
     * The catalog (Couchbase) the readings are enriched from. Its address lives in {@code
     * application.properties} with an environment override; the password has no default.
     */
    interface Catalog {
        /** e.g. {@code couchbase://db1,db2}. */
        String connectionString();

        @WithDefault("catalog")
        String bucket();

        /** The bucket's name when absent. */
        Optional<String> username();

        String password();

        /** Timeout of one key-value read. */
        @WithDefault("2500ms")
        Duration kvTimeout();

        /**
         * How long a batch waits for the catalog before it is stored anyway, the devices that did
         * not answer marked {@code catalog_unavailable} (while the catalog fails, a batch does not
         * wait at all).
         */
        @WithDefault("1s")
        Duration lookupTimeout();

        @WithDefault("100000")
        long cacheSize();

        /** How long a found document is trusted: a catalog change shows this late at most. */
        @WithDefault("5m")
        Duration cacheTtl();

        @WithDefault("30s")
        Duration missingTtl();

        /**
         * How long the ingest path reuses a device's enrichment before asking the cache again (a
         * catalog change shows this much later, on top of the cache TTL).
         */
        @WithDefault("10s")
        Duration reuse();
    }

    /**
     * The background pass that enriches what was stored without the catalog and re-enriches
     * documents whose device's catalog changed; its work per pass is bounded.
     */
    interface Enrichment {
        @WithDefault("2s")
        Duration passInterval();

        /** The most documents one pass rewrites. */
        @WithDefault("2000")
        int maxDocumentsPerPass();

        /** The most devices one pass checks against the catalog. */
        @WithDefault("200")
        int maxDevicesPerPass();

        /**
         * How often a sweep of {@code topic_catalog} (every recorded device asked again, {@code
         * max-devices-per-pass} a pass) may start: the catalog answers from a cache of {@code
         * cache-ttl}, so sweeping more often mostly reads the same answers again.
         */
        @WithDefault("1m")
        Duration sweepPeriod();

        /** The most devices kept waiting in memory for a pass; beyond it the store is scanned. */
        @WithDefault("100000")
        int maxPendingDevices();
    }

    /** The device topics; each device stream reads its topic name from here. */
    interface Topics {
        @WithDefault("panel")
        String panel();

        @WithDefault("sensor-light")
        String sensorLight();

        @WithDefault("sensor-wind")
        String sensorWind();

        default String of(DeviceKind kind) {
            return switch (kind) {
                case PANEL -> panel();
                case LIGHT -> sensorLight();
                case WIND -> sensorWind();
            };
        }

        /** The device kind read from {@code topic}, if it is one of the configured topics. */
        default Optional<DeviceKind> kindOf(String topic) {
            for (DeviceKind kind : DeviceKind.values()) {
                if (of(kind).equals(topic)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        default Map<DeviceKind, String> all() {
            return Map.of(
                    DeviceKind.PANEL, panel(),
                    DeviceKind.LIGHT, sensorLight(),
                    DeviceKind.WIND, sensorWind());
        }
    }

    /** Throughput buckets ({@code topic_stats}) and their publication to Kafka. */
    interface Stats {
        /** The Kafka topic that receives each closed bucket (the Druid datasource's input). */
        @WithDefault("topic_stats")
        String topic();

        /** Width of a bucket; the REST API re-aggregates buckets into 1 minute and 1 hour. */
        @WithDefault("10s")
        Duration bucket();

        /** How often counters are written to MongoDB and closed buckets published. */
        @WithDefault("1s")
        Duration flushInterval();

        /** How long after its end a bucket stays open for writes acknowledged late. */
        @WithDefault("2s")
        Duration closeGrace();
    }

    /** TTL of the three collections (a TTL index on their time field). */
    interface Retention {
        @WithDefault("P30D")
        Duration messages();

        @WithDefault("P30D")
        Duration alarms();

        @WithDefault("P30D")
        Duration stats();
    }

    /**
     * MongoDB writes: a Kafka batch is written in parts bounded in messages and in bytes; a failure
     * of the store as a whole is retried with capped exponential backoff until acknowledged.
     */
    interface Write {
        @WithDefault("100ms")
        Duration retryInitialBackoff();

        @WithDefault("10s")
        Duration retryMaxBackoff();

        /** The most messages one insert carries. */
        @WithDefault("1000")
        int maxBatchMessages();

        /** The most payload bytes one insert carries (a larger message goes alone). */
        @WithDefault("4194304")
        int maxBatchBytes();
    }

    /** The {@code topic_alarm} documents. */
    interface Alarms {
        /**
         * The most bytes of raw text an alarm keeps when the message cannot be stored as a
         * document; longer text is cut and marked so.
         */
        @WithDefault("65536")
        int maxRawTextBytes();
    }

    /** Readiness beyond connectivity. */
    interface Health {
        /**
         * Readiness goes DOWN when a partition has messages waiting and none was written for this
         * long.
         */
        @WithDefault("2m")
        Duration stallTimeout();
    }

    /** The bounds of SPEC §3 (see {@link ValidationRules}). */
    interface Validation {
        @WithDefault("5m")
        Duration maxFuture();

        @WithDefault("P7D")
        Duration maxAge();

        @WithDefault("200000")
        double maxLux();

        @WithDefault("113")
        double maxWindSpeed();

        default ValidationRules rules() {
            return new ValidationRules(maxFuture(), maxAge(), maxLux(), maxWindSpeed());
        }
    }

    /** Limits of the REST queries. */
    interface Api {
        @WithDefault("100")
        int defaultLimit();

        @WithDefault("1000")
        int maxLimit();

        /** The widest {@code from}–{@code to} range a query may ask for. */
        @WithDefault("P31D")
        Duration maxRange();

        /**
         * How long MongoDB may work on one page of messages or alarms before it gives up; the
         * caller is then answered 503. Below the driver's read timeout, so the server stops the
         * query rather than the connection being cut.
         */
        @WithDefault("10s")
        Duration queryTimeout();
    }
}
