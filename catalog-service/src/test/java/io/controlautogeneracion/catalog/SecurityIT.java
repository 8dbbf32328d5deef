package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link SecurityTest} against the packaged service (the native executable in the native build).
 */
@QuarkusIntegrationTest
class SecurityIT extends SecurityTest {}
