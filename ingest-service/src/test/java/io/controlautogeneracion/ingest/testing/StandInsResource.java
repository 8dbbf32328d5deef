package io.controlautogeneracion.ingest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the stand-ins once for the whole test run (see {@link GlobalStandIns}) and points the
 * service at them; tests receive the handle through {@link InjectStandIns}.
 */
public class StandInsResource implements QuarkusTestResourceLifecycleManager {
    /** The REST API's users in tests; every request goes as the viewer unless it says otherwise. */
    public static final String VIEWER_PASSWORD = "viewer-" + UUID.randomUUID();

    public static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    private StandIns standIns;

    @Override
    public Map<String, String> start() {
        try {
            standIns = new StandIns();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "starting Kafka and the MongoDB and Couchbase stand-ins failed", e);
        }
        Map<String, String> config = new HashMap<>(standIns.catalogConfig());
        config.put("kafka.bootstrap.servers", standIns.bootstrapServers());
        config.put("quarkus.mongodb.connection-string", standIns.mongoConnectionString());
        config.put("quarkus.security.users.embedded.users.viewer", VIEWER_PASSWORD);
        config.put("quarkus.security.users.embedded.users.admin", ADMIN_PASSWORD);
        RestAssured.authentication = RestAssured.preemptive().basic("viewer", VIEWER_PASSWORD);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                standIns,
                new TestInjector.AnnotatedAndMatchesType(InjectStandIns.class, StandIns.class));
    }

    @Override
    public void stop() {
        try {
            if (standIns != null) {
                standIns.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("stopping the stand-ins failed", e);
        }
    }
}
