package io.controlautogeneracion.stack.parts;

import java.util.List;
import java.util.Map;

/** The project's services as parts of the local stack, wired to the stack's engines. */
public final class Services {
    private Services() {}

    public static QuarkusService ingest() {
        return new QuarkusService(
                "ingest-service",
                "ingest-service",
                "ingest",
                ctx ->
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrap(ctx),
                                "QUARKUS_MONGODB_CONNECTION_STRING",
                                        MongoStandInPart.connectionString(ctx),
                                "INGEST_RETENTION_MESSAGES", ctx.config().get("ingest.retention"),
                                "INGEST_RETENTION_ALARMS", ctx.config().get("ingest.retention"),
                                "INGEST_RETENTION_STATS", ctx.config().get("ingest.retention"),
                                // Readings are enriched from the catalog before they are stored.
                                "INGEST_CATALOG_CONNECTION_STRING",
                                        CouchbaseStandInPart.connectionString(ctx),
                                "INGEST_CATALOG_BUCKET", ctx.config().get("couchbase.bucket"),
                                "INGEST_CATALOG_PASSWORD", ctx.config().get("couchbase.password"),
                                // CouchbaseMock does not answer the SDK's configuration polls.
                                "QUARKUS_LOG_CATEGORY__COM_COUCHBASE_CONFIG__LEVEL", "ERROR"));
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
