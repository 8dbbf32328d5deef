package io.controlautogeneracion.catalog;

import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Couchbase stand-in (CouchbaseMock in the test JVM) for the service under test, as a Quarkus
 * test resource, plus the test users' passwords.
 */
public class CouchbaseTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String VIEWER_PASSWORD = "viewer-test-password";

    private CouchbaseStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = CouchbaseStandIn.start("catalog", "catalog-test-password");
        return Map.of(
                "catalog.couchbase.connection-string", standIn.connectionString(),
                "catalog.couchbase.bucket", standIn.bucket(),
                "catalog.couchbase.password", standIn.password(),
                "quarkus.security.users.embedded.users.admin", ADMIN_PASSWORD,
                "quarkus.security.users.embedded.users.viewer", VIEWER_PASSWORD);
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
