package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.catalog.install.PendingInstalls;
import io.controlautogeneracion.model.catalog.Panel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a crash between the two writes of an install leaves, and how the sweep finishes it. */
@QuarkusTest
class PendingInstallsTest {
    private static final Duration GRACE = Duration.ofMinutes(2);

    @Inject PendingInstalls pending;

    @Test
    void shouldRemoveTheDeviceOfAStaleInstallThatNeverCommitted() {
        Instant now = Instant.now();
        String model = Fleet.panelModel();
        String orphan = Fleet.panel(model);
        String young = Fleet.panel(model);
        pending.open(panel(orphan, model), now.minus(Duration.ofMinutes(10)))
                .await()
                .indefinitely();
        pending.open(panel(young, model), now.minusSeconds(5)).await().indefinitely();

        int removed = pending.sweep(now, GRACE).await().indefinitely();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        viewer().get("/devices/panel/{id}", orphan).then().statusCode(404);
        viewer().get("/devices/panel/{id}", young).then().statusCode(200);
    }

    @Test
    void shouldKeepTheDeviceWhenTheRelationCommittedBeforeTheCrash() {
        String client = Fleet.client("50001");
        String model = Fleet.panelModel();
        String id = Api.id("P");
        Map<String, Object> install = new HashMap<>();
        install.put("client_id", client);
        install.put("init_date", "2025-03-01T00:00:00Z");
        install.put("panel", Docs.panel(id, model));
        admin().body(install).post("/installs").then().statusCode(201);
        Instant now = Instant.now();
        pending.open(panel(id, model), now.minus(Duration.ofMinutes(10))).await().indefinitely();

        pending.sweep(now, GRACE).await().indefinitely();

        viewer().get("/devices/panel/{id}", id).then().statusCode(200);
        assertThat(pending.sweep(now, GRACE).await().indefinitely()).isZero();
    }

    private static Panel panel(String id, String model) {
        return new Panel(
                id,
                model,
                null,
                LocalDate.of(2024, 4, 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
