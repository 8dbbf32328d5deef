package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ClientResourceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class ClientResourceIT extends ClientResourceTest {}
