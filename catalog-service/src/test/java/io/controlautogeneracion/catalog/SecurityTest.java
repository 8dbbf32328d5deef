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
    void shouldLetAViewerReadPersonalDataAndAnyoneReadElementsAndDevices() {
        String client = Fleet.client("28013");
        String model = Fleet.panelModel();
        String panel = Fleet.panel(model);
        viewer().get("/clients/{id}", client).then().statusCode(200);
        anonymous().get("/elements/panel/{model}", model).then().statusCode(200);
        anonymous().get("/devices/panel/{id}", panel).then().statusCode(200);
        admin().get("/clients/{id}", client).then().statusCode(200);
    }
}
