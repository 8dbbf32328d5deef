package io.controlautogeneracion.ingest.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TopicResourceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class TopicResourceIT extends TopicResourceTest {}
