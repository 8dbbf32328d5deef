package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.StackContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The project's services as parts of the local stack, wired to the stack's engines. */
public final class Services {
    private Services() {}

    public static QuarkusService ingest() {
        return new QuarkusService(
                "ingest-service",
                "ingest-service",
                "ingest",
                ctx -> {
                    Map<String, String> env =
                            new HashMap<>(kafkaEnvironment(ctx, "ingest-service"));
                    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrap(ctx));
                    // As its image runs it (ingest-service/jvm.options, Dockerfile.jvm): two of
                    // glibc's allocation arenas, not one per thread.
                    env.put("MALLOC_ARENA_MAX", "2");
                    env.put(
                            "QUARKUS_MONGODB_CONNECTION_STRING",
                            MongoStandInPart.connectionString(ctx));
                    env.put("INGEST_RETENTION_MESSAGES", ctx.config().get("ingest.retention"));
                    env.put("INGEST_RETENTION_ALARMS", ctx.config().get("ingest.retention"));
                    env.put("INGEST_RETENTION_STATS", ctx.config().get("ingest.retention"));
                    env.put("INGEST_ADMIN_PASSWORD", ctx.config().get("ingest.admin.password"));
                    env.put("INGEST_VIEWER_PASSWORD", ctx.config().get("ingest.viewer.password"));
                    // Readings are enriched from the catalog before they are stored.
                    env.put(
                            "INGEST_CATALOG_CONNECTION_STRING",
                            CouchbaseStandInPart.connectionString(ctx));
                    env.put("INGEST_CATALOG_BUCKET", ctx.config().get("couchbase.bucket"));
                    env.put("INGEST_CATALOG_PASSWORD", ctx.config().get("couchbase.password"));
                    // CouchbaseMock does not answer the SDK's configuration polls.
                    env.put("QUARKUS_LOG_CATEGORY__COM_COUCHBASE_CONFIG__LEVEL", "ERROR");
                    return env;
                });
    }

    /**
     * The Kafka security settings of a Quarkus service, as the environment variables its {@code
     * application.properties} reads; empty with security off.
     */
    static Map<String, String> kafkaEnvironment(StackContext ctx, String principal) {
        Map<String, String> env = new HashMap<>();
        KafkaSecurity.securityProperties(ctx, principal)
                .forEach(
                        (name, value) ->
                                env.put(
                                        "KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'),
                                        value));
        return env;
    }

    /**
     * The Kafka security settings of a Flink job, as the {@code <PREFIX>_KAFKA_PROPERTIES_*}
     * environment variables of its {@code --kafka.properties.<name>} parameters (the environment
     * keeps the password off the command line).
     */
    static Map<String, String> jobKafkaEnvironment(
            StackContext ctx, String principal, String prefix) {
        Map<String, String> env = new HashMap<>();
        kafkaEnvironment(ctx, principal)
                .forEach(
                        (name, value) ->
                                env.put(
                                        prefix
                                                + "_KAFKA_PROPERTIES_"
                                                + name.substring("KAFKA_".length()),
                                        value));
        return env;
    }

    public static QuarkusService catalog() {
        return new QuarkusService(
                "catalog-service",
                "catalog-service",
                "catalog",
                ctx ->
                        Map.of(
                                "CATALOG_COUCHBASE_CONNECTION_STRING",
                                CouchbaseStandInPart.connectionString(ctx),
                                "CATALOG_COUCHBASE_BUCKET",
                                ctx.config().get("couchbase.bucket"),
                                "CATALOG_COUCHBASE_PASSWORD",
                                ctx.config().get("couchbase.password"),
                                "CATALOG_ADMIN_PASSWORD",
                                ctx.config().get("catalog.admin.password"),
                                "CATALOG_VIEWER_PASSWORD",
                                ctx.config().get("catalog.viewer.password"),
                                // The stand-in keeps documents in memory: load the demo fleet at
                                // each start.
                                "CATALOG_DEMO_LOAD",
                                ctx.config().get("catalog.demo.load"),
                                // CouchbaseMock does not answer the SDK's configuration polls:
                                // one warning a second that says nothing about the catalog.
                                "QUARKUS_LOG_CATEGORY__COM_COUCHBASE_CONFIG__LEVEL",
                                "ERROR"));
    }

    /** RichSensorWind and WriteSensorWind: sensor-wind → enrichment, 1-second windows, alarms. */
    public static FlinkJob windJob() {
        return new FlinkJob(
                "wind-job",
                "io.controlautogeneracion.pipelines.wind.WindJob",
                "wind-job",
                ctx -> jobKafkaEnvironment(ctx, "wind-job", "WIND"),
                ctx ->
                        List.of(
                                "--kafka.bootstrap",
                                KafkaBroker.bootstrap(ctx),
                                "--couchbase.connection-string",
                                CouchbaseStandInPart.connectionString(ctx),
                                "--couchbase.bucket",
                                ctx.config().get("couchbase.bucket"),
                                "--couchbase.password",
                                ctx.config().get("couchbase.password"),
                                "--checkpoint.dir",
                                ctx.partDir("wind-job").resolve("checkpoints").toString()));
    }

    /** Landing: panel and sensor-light topics → hourly JSON-lines partitions for the batch jobs. */
    public static FlinkJob landingJob() {
        return new FlinkJob(
                "landing-job",
                "io.controlautogeneracion.pipelines.landing.LandingJob",
                "landing-job",
                ctx -> jobKafkaEnvironment(ctx, "landing-job", "LANDING"),
                ctx ->
                        List.of(
                                "--kafka.bootstrap",
                                KafkaBroker.bootstrap(ctx),
                                "--landing.dir",
                                landingDir(ctx).toString(),
                                "--checkpoint.dir",
                                ctx.partDir("landing-job").resolve("checkpoints").toString()));
    }

    /** Where the landing job writes the hour partitions the batch jobs read. */
    public static java.nio.file.Path landingDir(io.controlautogeneracion.stack.StackContext ctx) {
        return ctx.dataDir().resolve("landing");
    }
}
