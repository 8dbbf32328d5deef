package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallResourceTest {

    static Map<String, Object> install(
            String client, String kindField, Map<String, Object> device) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_id", client);
        body.put("init_date", "2025-03-01T00:00:00Z");
        body.put(kindField, device);
        return body;
    }

    @Test
    void shouldInstallAUnitAndItsRelationInOneCallAndRepeatIdempotently() {
        String client = Fleet.client("41001");
        String panel = Api.id("P");
        Map<String, Object> body = install(client, "panel", Docs.panel(panel, Fleet.panelModel()));

        admin().body(body)
                .post("/installs")
                .then()
                .statusCode(201)
                .body("relations.periods[0].client_id", equalTo(client));
        admin().body(body).post("/installs").then().statusCode(200).body("created", equalTo(false));

        viewer().get("/devices/panel/{id}", panel).then().statusCode(200);
        viewer().queryParam("at", "2025-03-01T00:00:00Z")
                .get("/enrichment/panel/{id}", panel)
                .then()
                .body("client.client_id", equalTo(client))
                .body("device.power_cap", equalTo(400.0f));
    }

    @Test
    void shouldRejectAnInvalidInstallBeforeWritingAnything() {
        String client = Fleet.client("41001");
        String model = Fleet.panelModel();
        String panel = Api.id("P");

        admin().body(install(client, "panel", Docs.with(Docs.panel(panel, model), "tilt", 95.0)))
                .post("/installs")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("tilt"));
        admin().body(
                        install(
                                client,
                                "panel",
                                Docs.with(Docs.panel(panel, model), "install_date", "2024-01-01")))
                .post("/installs")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("install_date"));
        admin().body(install(client, "panel", Docs.panel(panel, "NO-SUCH-MODEL")))
                .post("/installs")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("model"));
        admin().body(install("C-nobody", "panel", Docs.panel(panel, model)))
                .post("/installs")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("client_id"));
        Map<String, Object> two = install(client, "panel", Docs.panel(panel, model));
        two.put("sensor_wind", Docs.wind(Api.id("W"), model));
        admin().body(two).post("/installs").then().statusCode(422);

        viewer().get("/devices/panel/{id}", panel).then().statusCode(404);
    }

    @Test
    void shouldRefuseAnInstallThatOverlapsTheDevicesHistory() {
        String a = Fleet.client("41001");
        String b = Fleet.client("41001");
        Map<String, Object> panel = Docs.panel(Api.id("P"), Fleet.panelModel());
        admin().body(install(a, "panel", panel)).post("/installs").then().statusCode(201);

        admin().body(install(b, "panel", panel))
                .post("/installs")
                .then()
                .statusCode(409)
                .body("conflict.client_id", equalTo(a));
    }
}
