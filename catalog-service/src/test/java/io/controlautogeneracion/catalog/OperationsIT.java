package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link OperationsTest} against the packaged service (the native executable in the native build).
 */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {}
