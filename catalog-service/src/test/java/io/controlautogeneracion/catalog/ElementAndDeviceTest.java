package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ElementAndDeviceTest {

    @Test
    void shouldAddAnElementTypeAndListItByKind() {
        String model = Fleet.windModel();
        viewer().get("/elements/wind/{m}", model)
                .then()
                .statusCode(200)
                .body("thresholds.wind_warning_speed", equalTo(15.0f));
        viewer().queryParam("kind", "wind").get("/elements").then().body("model", hasItem(model));
        admin().body(Docs.windElement(model)).post("/elements").then().statusCode(409);
    }

    static Stream<Arguments> invalidElements() {
        Map<String, Object> ok = Docs.panelElement("SUN-valid");
        return Stream.of(
                Arguments.of(Docs.with(ok, "kind", null), "kind"),
                Arguments.of(Docs.with(ok, "model", "bad model"), "model"),
                Arguments.of(Docs.with(ok, "power_cap", -1), "power_cap"),
                Arguments.of(Docs.with(ok, "efficiency", 1.5), "efficiency"),
                Arguments.of(Docs.with(ok, "price", -3), "price"),
                Arguments.of(Docs.with(ok, "live_cicle", 0), "live_cicle"),
                Arguments.of(
                        Docs.with(
                                ok,
                                "thresholds",
                                Map.of("wind_warning_speed", 20, "wind_storm_speed", 10)),
                        "thresholds.wind_storm_speed"));
    }

    @ParameterizedTest
    @MethodSource("invalidElements")
    void shouldNameTheBrokenElementFieldWith422(Map<String, Object> element, String field) {
        admin().body(element)
                .post("/elements")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem(field));
    }

    static Stream<Arguments> invalidPanels() {
        Map<String, Object> ok = Docs.panel("P-valid", "SUN-x");
        return Stream.of(
                Arguments.of(Docs.with(ok, "panel_id", "P 1"), "panel_id"),
                Arguments.of(Docs.with(ok, "install_date", null), "install_date"),
                Arguments.of(Docs.with(ok, "manufacture_date", "2024-05-01"), "install_date"),
                Arguments.of(Docs.with(ok, "end_date", "2024-03-31"), "end_date"),
                Arguments.of(Docs.with(ok, "power_cap", 0), "power_cap"),
                Arguments.of(Docs.with(ok, "panel_price", -1), "panel_price"),
                Arguments.of(Docs.with(ok, "panel_sold", -1), "panel_sold"),
                Arguments.of(Docs.with(ok, "live_cicle", 101), "live_cicle"),
                Arguments.of(Docs.with(ok, "tilt", -1), "tilt"),
                Arguments.of(Docs.with(ok, "azimuth", 361), "azimuth"));
    }

    @ParameterizedTest
    @MethodSource("invalidPanels")
    void shouldNameTheBrokenDeviceFieldWith422(Map<String, Object> panel, String field) {
        admin().body(panel)
                .post("/devices/panel")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem(field));
    }

    @Test
    void shouldUpdateADeviceUnderCas() {
        String model = Fleet.panelModel();
        String id = Api.id("P");
        String etag =
                admin().body(Docs.panel(id, model))
                        .post("/devices/panel")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("ETag");

        admin().header("If-Match", etag)
                .body(Docs.with(Docs.panel(id, model), "tilt", 35.0))
                .put("/devices/panel/{id}", id)
                .then()
                .statusCode(200);
        admin().header("If-Match", etag)
                .body(Docs.with(Docs.panel(id, model), "tilt", 40.0))
                .put("/devices/panel/{id}", id)
                .then()
                .statusCode(412);
        viewer().get("/devices/panel/{id}", id).then().body("tilt", equalTo(35.0f));
        admin().body(Docs.panel(id, model)).post("/devices/wind").then().statusCode(400);
        admin().body(Docs.with(Docs.panel(Api.id("P"), model), "azimuth", 400))
                .post("/devices/panel")
                .then()
                .statusCode(422);
        viewer().get("/devices/panel/{id}", "P-missing").then().statusCode(404);
    }
}
