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
}
