package io.controlautogeneracion.catalog.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.controlautogeneracion.catalog.CouchbaseTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code catalog.demo.load=true}: the demo fleet is in the catalog once the service is up. */
@QuarkusTest
@TestProfile(DemoLoadAtStartTest.DemoLoad.class)
class DemoLoadAtStartTest {

    public static class DemoLoad implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.demo.load", "true");
        }
    }

    @Test
    void shouldServeTheDemoFleetAfterStart() {
        given().auth()
                .preemptive()
                .basic("viewer", CouchbaseTestResource.VIEWER_PASSWORD)
                .queryParam("at", "2026-06-01T00:00:00Z")
                .get("/enrichment/wind/W-0001")
                .then()
                .statusCode(200)
                .body("client.client_id", equalTo("C-0012"))
                .body("element.thresholds.wind_storm_speed", equalTo(25.0f));
    }
}
