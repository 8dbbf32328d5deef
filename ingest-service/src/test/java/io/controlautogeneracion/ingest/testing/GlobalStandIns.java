package io.controlautogeneracion.ingest.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One broker and one MongoDB stand-in for every {@code @QuarkusTest} of the module. */
@WithTestResource(value = StandInsResource.class, scope = TestResourceScope.GLOBAL)
public final class GlobalStandIns {
    private GlobalStandIns() {}
}
