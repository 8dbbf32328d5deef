package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelationResourceTest {
    private static final String MOVE = "2026-06-01T10:00:00Z";

    @Test
    void shouldRefuseAnOverlappingRelationNamingTheConflict() {
        String a = Fleet.client("28013");
        String b = Fleet.client("28013");
        String panel = Fleet.panel(Fleet.panelModel());
        admin().body(Docs.rel("panel", panel, a, "2025-01-01T00:00:00Z", MOVE))
                .post("/clients_rel")
                .then()
                .statusCode(201);

        admin().body(Docs.rel("panel", panel, b, "2026-05-01T00:00:00Z", null))
                .post("/clients_rel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("conflict.client_id", equalTo(a))
                .body("conflict.end_panel_date", equalTo(MOVE));
        admin().body(Docs.rel("panel", panel, b, MOVE, null))
                .post("/clients_rel")
                .then()
                .statusCode(201)
                .body("periods.client_id", contains(a, b));
    }

    @Test
    void shouldValidateRelations() {
        String a = Fleet.client("28013");
        admin().body(Docs.rel("panel", "P-x", a, "2026-01-01T00:00:00Z", "2025-01-01T00:00:00Z"))
                .post("/clients_rel")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("end_panel_date"));
        admin().body(Docs.rel("panel", "P-x", "C-nobody", "2026-01-01T00:00:00Z", null))
                .post("/clients_rel")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("client_id"));
        admin().body("{\"client_id\":\"" + a + "\",\"init_panel_date\":\"2026-01-01\"}")
                .post("/clients_rel")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("panel_id"));
    }

    @Test
    void shouldEnrichWithTheOwnerJustBeforeAndAfterAMove() {
        String a = Fleet.client("28013");
        String b = Fleet.client("35001");
        String model = Fleet.windModel();
        String wind = Api.id("W");
        admin().body(
                        "{\"client_id\":\""
                                + a
                                + "\",\"init_date\":\"2025-01-01T00:00:00Z\","
                                + "\"sensor_wind\":{\"wind_id\":\""
                                + wind
                                + "\",\"model\":\""
                                + model
                                + "\",\"install_date\":\"2024-12-30\"}}")
                .post("/installs")
                .then()
                .statusCode(201);
        viewer().queryParam("at", MOVE)
                .get("/enrichment/wind/{id}", wind)
                .then()
                .body("client.client_id", equalTo(a));

        admin().body("{\"client_id\":\"" + b + "\",\"at\":\"" + MOVE + "\"}")
                .post("/clients_rel/wind/{id}/move", wind)
                .then()
                .statusCode(200)
                .body("periods.client_id", contains(a, b));

        viewer().queryParam("at", "2026-06-01T09:59:59.999Z")
                .get("/enrichment/wind/{id}", wind)
                .then()
                .statusCode(200)
                .body("client.client_id", equalTo(a))
                .body("element.thresholds.wind_storm_speed", equalTo(25.0f));
        viewer().queryParam("at", MOVE)
                .get("/enrichment/wind/{id}", wind)
                .then()
                .body("client.client_id", equalTo(b))
                .body("client.timezone", equalTo("Europe/Madrid"))
                .body("client_rel.init_wind_date", equalTo(MOVE))
                .body("device.wind_id", equalTo(wind));

        viewer().queryParam("at", "2026-01-01")
                .get("/clients/{id}/devices", a)
                .then()
                .body("device_id", contains(wind));
        viewer().get("/clients/{id}/devices", a).then().body("device_id", empty());
        viewer().get("/clients/{id}/devices", b).then().body("device_id", contains(wind));
        viewer().queryParam("postal_code", "35001")
                .get("/devices")
                .then()
                .statusCode(200)
                .body("device_id", hasItem(wind));
    }

    @Test
    void shouldEnrichAnUnknownDeviceWithNulls() {
        viewer().get("/enrichment/panel/{id}", Api.id("P"))
                .then()
                .statusCode(200)
                .body("client", nullValue())
                .body("device", nullValue())
                .body("kind", equalTo("panel"));
        viewer().get("/enrichment/sun/{id}", "P-1").then().statusCode(400);
        viewer().queryParam("at", "yesterday")
                .get("/enrichment/panel/{id}", "P-1")
                .then()
                .statusCode(400);
    }
}
