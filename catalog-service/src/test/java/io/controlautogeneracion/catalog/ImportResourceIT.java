package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ImportResourceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class ImportResourceIT extends ImportResourceTest {}
