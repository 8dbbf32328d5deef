package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link RelationResourceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class RelationResourceIT extends RelationResourceTest {}
