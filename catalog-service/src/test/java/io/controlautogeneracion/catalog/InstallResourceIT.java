package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link InstallResourceTest} against the packaged service (the native executable in the native
 * build). The rollback test swaps a CDI bean and runs in the test's JVM only ({@link
 * InstallRollbackTest}).
 */
@QuarkusIntegrationTest
class InstallResourceIT extends InstallResourceTest {}
