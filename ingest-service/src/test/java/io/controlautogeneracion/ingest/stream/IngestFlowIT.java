package io.controlautogeneracion.ingest.stream;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link IngestFlowTest} against the packaged service (the native executable in the native build).
 */
@QuarkusIntegrationTest
class IngestFlowIT extends IngestFlowTest {}
