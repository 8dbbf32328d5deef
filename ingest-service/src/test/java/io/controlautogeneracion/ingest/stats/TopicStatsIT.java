package io.controlautogeneracion.ingest.stats;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TopicStatsTest} against the packaged service (the native executable in the native build).
 */
@QuarkusIntegrationTest
class TopicStatsIT extends TopicStatsTest {}
