package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.anonymous;
import static io.controlautogeneracion.catalog.Api.viewer;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    @Test
    void shouldAsk401ForCredentialsOnPersonalDataAndWrites() {
        String id = Fleet.client("28013");
        anonymous().get("/clients/{id}", id).then().statusCode(401);
        anonymous().get("/enrichment/panel/{id}", "P-1").then().statusCode(401);
        anonymous().body(Docs.client(Api.id("C"), "28013")).post("/clients").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("admin", "wrong")
                .get("/clients/{id}", id)
                .then()
                .statusCode(401);
    }

    @Test
    void shouldForbidWritesToAViewer() {
        viewer().body(Docs.client(Api.id("C"), "28013")).post("/clients").then().statusCode(403);
        viewer().body(Docs.panelElement(Api.id("SUN"))).post("/elements").then().statusCode(403);
        viewer().body("{}").post("/import").then().statusCode(403);
    }

    @Test
    void shouldAsk401ForCredentialsOnEveryDataRead() {
        String model = Fleet.panelModel();
        String panel = Fleet.panel(model);
        // Device documents hold purchase and sale prices; element types, nominal figures.
        anonymous().get("/devices/panel/{id}", panel).then().statusCode(401);
        anonymous().get("/elements/panel/{model}", model).then().statusCode(401);
        anonymous().queryParam("kind", "panel").get("/elements").then().statusCode(401);
        anonymous().get("/clients_rel/panel/{id}", panel).then().statusCode(401);
    }

    @Test
    void shouldLetAViewerReadPersonalDataElementsAndDevices() {
        String client = Fleet.client("28013");
        String model = Fleet.panelModel();
        String panel = Fleet.panel(model);
        viewer().get("/clients/{id}", client).then().statusCode(200);
        viewer().get("/elements/panel/{model}", model).then().statusCode(200);
        viewer().get("/devices/panel/{id}", panel).then().statusCode(200);
        admin().get("/clients/{id}", client).then().statusCode(200);
    }

    @Test
    void shouldAsk428ForIfMatchOnEveryUpdateAndDelete() {
        String client = Fleet.client("28013");
        String model = Fleet.panelModel();
        String panel = Fleet.panel(model);

        admin().body(Docs.with(Docs.client(client, "28013"), "name", "Eva"))
                .put("/clients/{id}", client)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("If-Match is required"));
        admin().delete("/clients/{id}", client).then().statusCode(428);
        admin().body(Docs.with(Docs.panel(panel, model), "tilt", 35.0))
                .put("/devices/panel/{id}", panel)
                .then()
                .statusCode(428);
        admin().delete("/devices/panel/{id}", panel).then().statusCode(428);
        admin().body(Docs.panelElement(model))
                .put("/elements/panel/{model}", model)
                .then()
                .statusCode(428);
        admin().delete("/elements/panel/{model}", model).then().statusCode(428);
        // Nothing changed; "*" replaces whatever is stored, on purpose.
        viewer().get("/clients/{id}", client)
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Ana"));
        admin().header("If-Match", "*")
                .body(Docs.with(Docs.client(client, "28013"), "name", "Eva"))
                .put("/clients/{id}", client)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldSayWhatIsWrongWithMalformedJson() {
        admin().body("{\"client_id\": \"C-1\", ")
                .post("/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        org.hamcrest.Matchers.startsWith(
                                "unreadable JSON: Unexpected end-of-input"))
                .body("detail", org.hamcrest.Matchers.containsString("line 1"));
    }
}
