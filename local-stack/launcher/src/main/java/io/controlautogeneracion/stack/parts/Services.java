package io.controlautogeneracion.stack.parts;

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
                                        MongoStandInPart.connectionString(ctx)));
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
                                ctx.config().get("catalog.demo.load")));
    }
}
