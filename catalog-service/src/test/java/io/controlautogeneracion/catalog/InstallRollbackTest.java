package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static io.controlautogeneracion.catalog.InstallResourceTest.install;
import static org.hamcrest.Matchers.nullValue;

import io.controlautogeneracion.catalog.relation.RelationRepository;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An install whose relation write fails leaves nothing half-written. In its own class: it swaps a
 * CDI bean with {@link QuarkusMock}, which needs the application in the test's JVM, so it has no
 * run against the packaged service ({@code InstallResourceIT}).
 */
@QuarkusTest
class InstallRollbackTest {

    @Test
    void shouldLeaveNoHalfInstallWhenTheRelationWriteFails() {
        String client = Fleet.client("41001");
        String panel = Api.id("P");
        QuarkusMock.installMockForType(new FailingRelations(), RelationRepository.class);

        admin().body(install(client, "panel", Docs.panel(panel, Fleet.panelModel())))
                .post("/installs")
                .then()
                .statusCode(500)
                .contentType("application/problem+json");

        viewer().get("/devices/panel/{id}", panel).then().statusCode(404);
        viewer().get("/enrichment/panel/{id}", panel).then().body("device", nullValue());
    }

    /** A relation store whose writes fail, as a lost connection would. */
    static class FailingRelations extends RelationRepository {
        FailingRelations() {
            super(null, null);
        }

        @Override
        public Uni<Void> requireClient(String clientId) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Optional<Versioned<ClientRelHistory>>> history(
                DeviceKind kind, String deviceId) {
            return Uni.createFrom().item(Optional.empty());
        }

        @Override
        public Uni<Versioned<ClientRelHistory>> add(ClientRel rel) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("injected: relation write lost"));
        }
    }
}
