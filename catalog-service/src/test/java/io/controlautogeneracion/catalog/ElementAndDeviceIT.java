package io.controlautogeneracion.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ElementAndDeviceTest} against the packaged service (the native executable in the native
 * build).
 */
@QuarkusIntegrationTest
class ElementAndDeviceIT extends ElementAndDeviceTest {}
