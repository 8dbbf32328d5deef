package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    @Test
    void shouldKeepGoodRowsReportBadOnesAndChangeNothingOnReimport() {
        String good = Api.id("C");
        String model = Api.id("SUN");
        String panel = Api.id("P");
        Map<String, Object> fleet =
                Map.of(
                        "elements", List.of(Docs.panelElement(model)),
                        "clients",
                                List.of(
                                        Docs.client(good, "46001"),
                                        Docs.with(
                                                Docs.client(Api.id("C"), "46001"),
                                                "timezone",
                                                "Mars/Olympus"),
                                        Map.of(
                                                "client_id",
                                                Api.id("C"),
                                                "open_date",
                                                "not a date")),
                        "panels",
                                List.of(
                                        Docs.panel(panel, model),
                                        Docs.panel(Api.id("P"), "NO-SUCH-MODEL")),
                        "clients_rel",
                                List.of(
                                        Docs.rel(
                                                "panel", panel, good, "2025-01-01T00:00:00Z", null),
                                        Docs.rel(
                                                "panel",
                                                panel,
                                                good,
                                                "2025-06-01T00:00:00Z",
                                                null)));

        JsonPath first =
                admin().body(fleet).post("/import").then().statusCode(200).extract().jsonPath();
        assertCounts(first, 8, 4, 0, 4);
        org.assertj.core.api.Assertions.assertThat(first.getList("rows.error", String.class))
                .anySatisfy(e -> org.assertj.core.api.Assertions.assertThat(e).contains("timezone"))
                .anySatisfy(
                        e -> org.assertj.core.api.Assertions.assertThat(e).contains("unreadable"))
                .anySatisfy(
                        e ->
                                org.assertj.core.api.Assertions.assertThat(e)
                                        .contains("no element NO-SUCH-MODEL"))
                .anySatisfy(
                        e -> org.assertj.core.api.Assertions.assertThat(e).contains("overlaps"));

        JsonPath again =
                admin().body(fleet).post("/import").then().statusCode(200).extract().jsonPath();
        assertCounts(again, 8, 0, 4, 4);
        viewer().get("/clients/{id}/devices", good).then().body("device_id[0]", equalTo(panel));
    }

    @Test
    void shouldImportCsvRowsWithNestedAndEmptyCells() {
        String a = Api.id("C");
        String model = Api.id("ANEMO");
        String elements =
                "kind,model,manufacturer,thresholds.wind_warning_speed,thresholds.wind_storm_speed\n"
                    + "wind,"
                        + model
                        + ",Aire,15,25\n"
                        + "wind,BAD-"
                        + model
                        + ",Aire,30,20\n";
        String clients =
                "client_id,address,postal_code,open_date,end_date,name,apell_1,latitude,longitude,timezone\n"
                        + a
                        + ",Calle Real 3,38001,2024-01-01,,Eva,Díaz,28.46,-16.25,Atlantic/Canary\n"
                        + "C-bad,Calle Real"
                        + " 4,3800,2024-01-01,,Eva,Díaz,28.46,-16.25,Atlantic/Canary\n";

        JsonPath e = csv("elements", elements);
        assertCounts(e, 2, 1, 0, 1);
        JsonPath c = csv("clients", clients);
        assertCounts(c, 2, 1, 0, 1);
        org.assertj.core.api.Assertions.assertThat(c.getString("rows[1].error"))
                .contains("postal_code");
        assertCounts(csv("clients", clients), 2, 0, 1, 1);
        viewer().get("/clients/{id}", a).then().body("timezone", equalTo("Atlantic/Canary"));
        viewer().get("/elements/wind/{m}", model)
                .then()
                .body("thresholds.wind_storm_speed", equalTo(25.0f));
    }

    @Test
    void shouldLoadTheDemoFleetTwiceWithTheSameResult() throws IOException {
        String demo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/fleet.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonPath first =
                admin().body(demo).post("/import").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(first.getInt("failed")).isZero();
        JsonPath second =
                admin().body(demo).post("/import").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(second.getInt("unchanged"))
                .isEqualTo(first.getInt("total"));

        viewer().queryParam("at", "2026-05-31T23:59:59Z")
                .get("/enrichment/panel/P-00001")
                .then()
                .body("client.client_id", equalTo("C-0001"));
        viewer().queryParam("at", "2026-06-01T00:00:00Z")
                .get("/enrichment/panel/P-00001")
                .then()
                .body("client.client_id", equalTo("C-0002"));
        viewer().queryParam("postal_code", "35001")
                .get("/devices")
                .then()
                .body("size()", greaterThanOrEqualTo(24));
        viewer().queryParam("limit", 5)
                .get("/clients")
                .then()
                .body("total", greaterThanOrEqualTo(240));
    }

    private static JsonPath csv(String section, String body) {
        return admin().contentType("text/csv")
                .body(body)
                .post("/import/{section}", section)
                .then()
                .statusCode(200)
                .body(containsString("rows"))
                .extract()
                .jsonPath();
    }

    private static void assertCounts(
            JsonPath report, int total, int created, int unchanged, int failed) {
        org.assertj.core.api.Assertions.assertThat(
                        List.of(
                                report.getInt("total"),
                                report.getInt("created"),
                                report.getInt("unchanged"),
                                report.getInt("failed")))
                .as(report.prettify())
                .containsExactly(total, created, unchanged, failed);
    }
}
