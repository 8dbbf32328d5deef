package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link InstallResourceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class InstallResourceIT extends InstallResourceTest {

    @Override
    @Test
    @Disabled("replaces a CDI bean with QuarkusMock, which needs the application in the test's JVM")
    void shouldLeaveNoHalfInstallWhenTheRelationWriteFails() {}
}
